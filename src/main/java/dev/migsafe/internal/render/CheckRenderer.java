package dev.migsafe.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.api.MigrationCheck;
import dev.migsafe.api.MigrationCheck.Evidence;
import dev.migsafe.api.MigrationCheck.Item;

/**
 * The verdict of {@code check} (and of the MCP tool {@code check_migration}) as text, Markdown
 * and JSON ({@code schemaVersion: 1}). Item messages may quote the proposed SQL's names, which
 * come from a model or a pull request: Markdown escapes them like any other untrusted text.
 */
public final class CheckRenderer {
  private CheckRenderer() {}

  /** {@code verdict: fail}, then one block per point and its items, compiler-style. */
  public static String text(MigrationCheck c) {
    StringBuilder sb = new StringBuilder();
    sb.append("check of ").append(c.packetId()).append(c.serverVersion() == null ? ""
        : " on PostgreSQL " + c.serverVersion()).append(": ").append(c.verdict().id())
        .append('\n');
    for (Evidence e : c.evidence()) {
      sb.append(e.verdict().id()).append(' ').append(e.point().id()).append(": ")
          .append(e.summary()).append('\n');
      for (Item i : e.items()) {
        sb.append("  ").append(i.where() == null ? "" : i.where() + ": ")
            .append(i.verdict().id()).append(' ').append(i.kind()).append(": ")
            .append(i.message()).append('\n');
      }
    }
    return sb.toString();
  }

  public static String markdown(MigrationCheck c) {
    StringBuilder sb = new StringBuilder("# migsafe check: ")
        .append(PlanMarkdownRenderer.text(c.verdict().id())).append("\n\n");
    sb.append("Packet `").append(PlanMarkdownRenderer.text(c.packetId())).append('`');
    if (c.serverVersion() != null) {
      sb.append(", applied on PostgreSQL ").append(PlanMarkdownRenderer.text(c.serverVersion()));
    }
    sb.append(".\n\n| Point | Verdict | Evidence |\n|---|---|---|\n");
    for (Evidence e : c.evidence()) {
      sb.append("| ").append(e.point().id()).append(" | **").append(e.verdict().id())
          .append("** | ").append(PlanMarkdownRenderer.cell(e.summary())).append(" |\n");
    }
    for (Evidence e : c.evidence()) {
      if (e.items().isEmpty()) {
        continue;
      }
      sb.append("\n## ").append(e.point().id()).append("\n\n");
      sb.append("| Where | Verdict | Kind | What |\n|---|---|---|---|\n");
      for (Item i : e.items()) {
        sb.append("| ").append(i.where() == null ? "" : PlanMarkdownRenderer.cell(i.where()))
            .append(" | ").append(i.verdict().id()).append(" | ")
            .append(PlanMarkdownRenderer.cell(i.kind())).append(" | ")
            .append(PlanMarkdownRenderer.cell(i.message())).append(" |\n");
      }
    }
    return sb.toString();
  }

  public static String json(MigrationCheck c) {
    return Json.write(tree(c));
  }

  /** The JSON document as a tree, for callers that embed it (the MCP server). */
  public static ObjectNode tree(MigrationCheck c) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 1);
    root.put("packet", c.packetId());
    if (c.serverVersion() != null) {
      root.put("server", c.serverVersion());
    }
    root.put("verdict", c.verdict().id());
    ArrayNode evidence = root.putArray("evidence");
    for (Evidence e : c.evidence()) {
      ObjectNode o = evidence.addObject();
      o.put("point", e.point().id());
      o.put("verdict", e.verdict().id());
      o.put("summary", e.summary());
      ArrayNode items = o.putArray("items");
      for (Item i : e.items()) {
        ObjectNode io = items.addObject();
        io.put("kind", i.kind());
        io.put("verdict", i.verdict().id());
        if (i.where() != null) {
          io.put("where", i.where());
        }
        io.put("message", i.message());
      }
    }
    return root;
  }
}
