package dev.migsafe.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.api.MigrationCheck;

/**
 * A {@link MigrationCheck} as JSON ({@code schemaVersion: 1}): the verdict, then one object per
 * point with its verdict, summary and items. Verdicts and points use their contract spellings
 * ({@code needs-review}, {@code lint-up}).
 */
public final class MigrationCheckJsonRenderer {
  private MigrationCheckJsonRenderer() {}

  public static String render(MigrationCheck check) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 1);
    root.put("packetId", check.packetId());
    root.put("serverVersion", check.serverVersion());
    root.put("verdict", check.verdict().id());
    ArrayNode evidence = root.putArray("evidence");
    for (MigrationCheck.Evidence e : check.evidence()) {
      ObjectNode en = evidence.addObject();
      en.put("point", e.point().id());
      en.put("verdict", e.verdict().id());
      en.put("summary", e.summary());
      ArrayNode items = en.putArray("items");
      for (MigrationCheck.Item i : e.items()) {
        ObjectNode in = items.addObject();
        in.put("kind", i.kind());
        in.put("verdict", i.verdict().id());
        in.put("where", i.where());
        in.put("message", i.message());
      }
    }
    return Json.write(root);
  }

  /** A few lines for a reader: the verdict, then each point's verdict and summary. */
  public static String summary(MigrationCheck check) {
    StringBuilder sb = new StringBuilder("verdict: ").append(check.verdict().id())
        .append(" (packet ").append(check.packetId());
    if (check.serverVersion() != null) {
      sb.append(", PostgreSQL ").append(check.serverVersion());
    }
    sb.append(")\n");
    for (MigrationCheck.Evidence e : check.evidence()) {
      sb.append("- ").append(e.point().id()).append(": ").append(e.verdict().id())
          .append(". ").append(e.summary()).append('\n');
      for (MigrationCheck.Item i : e.items()) {
        if (i.verdict() != MigrationCheck.Verdict.PASS) {
          sb.append("  - ").append(i.verdict().id()).append(' ').append(i.kind())
              .append(i.where() == null ? "" : " at " + i.where()).append(": ")
              .append(i.message()).append('\n');
        }
      }
    }
    return sb.toString();
  }
}
