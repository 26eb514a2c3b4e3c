package dev.migsafe.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.api.Surface;
import dev.migsafe.internal.surfaces.SkipReason;
import dev.migsafe.internal.surfaces.SurfaceScan;
import dev.migsafe.internal.surfaces.SurfaceTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code migsafe surfaces} in text (compiler-style {@code root/path:line:col}, one use per
 * line, under a heading per target when a packet or migration gave several), Markdown (a table
 * per target) and JSON. Paths and snippets come from the repositories scanned and are escaped
 * in Markdown.
 */
public final class SurfaceRenderer {
  private SurfaceRenderer() {}

  public static String text(SurfaceScan.Report r) {
    StringBuilder sb = new StringBuilder();
    boolean headings = r.targets().size() > 1 || r.targets().get(0).reason() != null;
    for (SurfaceTarget t : r.targets()) {
      List<Surface> list = r.of(t);
      if (headings) {
        sb.append(heading(t)).append(": ").append(uses(list.size())).append('\n');
      }
      for (Surface s : list) {
        sb.append(Path.of(s.root()).resolve(s.path())).append(':').append(s.line()).append(':')
            .append(s.column()).append(": ").append(s.access().id()).append(' ')
            .append(name(s)).append(" (").append(s.how()).append(", ")
            .append(s.certainty().id()).append("): ").append(s.snippet()).append('\n');
      }
    }
    sb.append(summary(r)).append('\n');
    return sb.toString();
  }

  public static String markdown(SurfaceScan.Report r) {
    StringBuilder md = new StringBuilder("### Surfaces\n");
    for (SurfaceTarget t : r.targets()) {
      List<Surface> list = r.of(t);
      md.append("\n#### ").append(MarkdownText.inline(heading(t))).append(": ")
          .append(uses(list.size())).append("\n\n");
      if (list.isEmpty()) {
        continue;
      }
      md.append("| repository | file | access | name | how | certainty | code |\n")
          .append("|---|---|---|---|---|---|---|\n");
      for (Surface s : list) {
        md.append("| ").append(MarkdownText.inline(s.root())).append(" | ")
            .append(MarkdownText.inline(s.path() + ":" + s.line() + ":" + s.column()))
            .append(" | ").append(s.access().id()).append(" | ")
            .append(MarkdownText.inline(name(s))).append(" | ").append(s.how())
            .append(" | ").append(s.certainty().id()).append(" | ")
            .append(MarkdownText.inline(s.snippet())).append(" |\n");
      }
    }
    md.append('\n').append(MarkdownText.inline(summary(r))).append('\n');
    return md.toString();
  }

  public static String json(SurfaceScan.Report r) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 1);
    ArrayNode targets = root.putArray("targets");
    for (SurfaceTarget t : r.targets()) {
      ObjectNode target = targets.addObject();
      target.put("table", t.table());
      if (t.column() != null) {
        target.put("column", t.column());
      }
      if (t.reason() != null) {
        target.put("reason", t.reason());
      }
      ArrayNode list = target.putArray("surfaces");
      for (Surface s : r.of(t)) {
        fields(list.addObject(), s);
      }
    }
    root.put("filesRead", r.filesRead());
    ObjectNode skipped = root.putObject("skipped");
    for (Map.Entry<SkipReason, Integer> e : r.skipped().entrySet()) {
      skipped.put(e.getKey().id(), e.getValue());
    }
    return Json.write(root);
  }

  /** A use's JSON fields, the same in {@code surfaces} and in {@code plan --code}. */
  static void fields(ObjectNode n, Surface s) {
    n.put("root", s.root());
    n.put("path", s.path());
    n.put("line", s.line());
    n.put("column", s.column());
    n.put("table", s.table());
    if (s.columnName() != null) {
      n.put("columnName", s.columnName());
    }
    n.put("access", s.access().id());
    n.put("recognisedBy", s.recognisedBy().id());
    if (s.orm() != null) {
      n.put("orm", s.orm());
    }
    n.put("certainty", s.certainty().id());
    n.put("snippet", s.snippet());
  }

  private static String name(Surface s) {
    return s.columnName() == null ? s.table() : s.table() + "." + s.columnName();
  }

  private static String heading(SurfaceTarget t) {
    return t.display() + (t.reason() == null ? "" : " (" + t.reason() + ")");
  }

  private static String uses(int n) {
    return n + (n == 1 ? " use" : " uses");
  }

  private static String summary(SurfaceScan.Report r) {
    int n = r.surfaces().size();
    String what = r.targets().size() == 1 ? r.targets().get(0).display()
        : r.targets().size() + " targets";
    StringBuilder sb = new StringBuilder().append(n).append(n == 1 ? " use of " : " uses of ")
        .append(what).append(" in ").append(r.filesRead())
        .append(r.filesRead() == 1 ? " file read" : " files read");
    if (!r.skipped().isEmpty()) {
      sb.append("; not read:");
      String sep = " ";
      for (Map.Entry<SkipReason, Integer> e : r.skipped().entrySet()) {
        sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().id());
        sep = ", ";
      }
    }
    return sb.toString();
  }
}
