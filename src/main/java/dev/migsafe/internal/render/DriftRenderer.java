package dev.migsafe.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.internal.drift.DriftReport;
import dev.migsafe.internal.pg.SchemaDifference;

/** The answer of {@code drift} as text, Markdown and JSON ({@code schemaVersion: 1}). */
public final class DriftRenderer {
  private DriftRenderer() {}

  /** One line per difference, {@code drift KIND OBJECT: message}, then a summary line. */
  public static String text(DriftReport report) {
    StringBuilder sb = new StringBuilder();
    for (SchemaDifference d : report.differences()) {
      sb.append("drift ").append(d.kind()).append(' ').append(d.object()).append(": ")
          .append(withoutObject(d)).append('\n');
    }
    if (report.note() != null) {
      sb.append("note: ").append(report.note()).append('\n');
    }
    sb.append(summary(report)).append('\n');
    return sb.toString();
  }

  public static String markdown(DriftReport report) {
    StringBuilder sb = new StringBuilder("# Schema drift\n\n");
    sb.append(PlanMarkdownRenderer.text(summary(report))).append("\n\n");
    if (report.note() != null) {
      sb.append("> ").append(PlanMarkdownRenderer.text(report.note())).append("\n\n");
    }
    if (report.drift()) {
      sb.append("| Kind | Object | Expected | Found | Difference |\n");
      sb.append("|---|---|---|---|---|\n");
      for (SchemaDifference d : report.differences()) {
        sb.append("| `").append(d.kind()).append("` | ")
            .append(PlanMarkdownRenderer.cell(d.object())).append(" | ")
            .append(value(d.expected())).append(" | ").append(value(d.actual())).append(" | ")
            .append(PlanMarkdownRenderer.cell(withoutObject(d))).append(" |\n");
      }
    }
    return sb.toString();
  }

  public static String json(DriftReport report) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 1);
    ObjectNode database = root.putObject("database");
    database.put("server", report.databaseServer());
    database.put("schema", report.schema());
    ObjectNode expected = root.putObject("expected");
    expected.put("source", report.expectedSource());
    expected.put("server", report.expectedServer());
    expected.put("embedded", true);
    if (report.note() != null) {
      expected.put("note", report.note());
    }
    ArrayNode differences = root.putArray("differences");
    for (SchemaDifference d : report.differences()) {
      ObjectNode o = differences.addObject();
      o.put("kind", d.kind());
      o.put("object", d.object());
      o.put("expected", d.expected());
      o.put("actual", d.actual());
      o.put("message", d.message());
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("differences", report.differences().size());
    summary.put("drift", report.drift());
    return Json.write(root);
  }

  /** The message without the object it starts with, which the line already names. */
  private static String withoutObject(SchemaDifference d) {
    String prefix = d.object() + ": ";
    return d.message().startsWith(prefix) ? d.message().substring(prefix.length()) : d.message();
  }

  private static String value(String v) {
    return v == null ? "–" : "`" + v.replace("`", "'").replace("|", "\\|").replace("\n", " ")
        + "`";
  }

  private static String summary(DriftReport report) {
    int n = report.differences().size();
    String where = "schema " + report.schema() + " (PostgreSQL " + report.databaseServer()
        + ") against " + report.expectedSource() + " (built on embedded PostgreSQL "
        + report.expectedServer() + ")";
    return n == 0 ? "no drift: " + where
        : n + (n == 1 ? " difference" : " differences") + ": " + where;
  }
}
