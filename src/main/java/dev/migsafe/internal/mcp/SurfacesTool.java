package dev.migsafe.internal.mcp;

import dev.migsafe.Migsafe;
import dev.migsafe.api.PlanOptions;
import dev.migsafe.internal.render.SurfaceRenderer;
import dev.migsafe.internal.surfaces.SurfaceScan;
import dev.migsafe.internal.surfaces.SurfaceTarget;
import dev.migsafe.internal.surfaces.SurfaceTargets;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code surfaces}: the code in repositories that reads or writes a table or column, or what a
 * migration drops, renames or narrows. Every folder must lie inside the allowed directories,
 * and the scan follows no link out of them.
 */
final class SurfacesTool implements McpTool {
  @Override
  public McpSchema.Tool definition() {
    return ToolRegistry.readOnly("surfaces", "Find code that uses a table or column",
        "surfaces-input", null,
        "Finds every place in code repositories that reads or writes a table or column (SQL "
            + "in string literals of nine languages, .sql files, Prisma schemas and client "
            + "calls), or everything a migration's SQL or packet drops, renames or narrows: "
            + "file:line:col, read or write, how it was recognised and how sure migsafe is. "
            + "Use it before a rename or drop to find the consumers to change first.");
  }

  @Override
  public McpSchema.CallToolResult call(ToolCall call) {
    Arguments args = call.arguments();
    List<Path> repos = args.strings("repos").stream()
        .map(r -> call.roots().resolveDirectory("repos", r)).toList();
    if (repos.isEmpty()) {
      throw new ToolFailure("repos: give at least one folder to scan");
    }
    String table = args.optional("table");
    String sql = args.optional("sql");
    String packet = args.optional("packet");
    if ((table != null ? 1 : 0) + (sql != null ? 1 : 0) + (packet != null ? 1 : 0) != 1) {
      throw new ToolFailure("give exactly one of table, sql or packet");
    }
    List<SurfaceTarget> targets;
    if (table != null) {
      targets = List.of(SurfaceTarget.of(table, args.optional("column")));
    } else if (sql != null) {
      targets = SurfaceTargets.of("sql", sql);
    } else {
      Path p = PacketGate.check(call.roots(), packet);
      targets = SurfaceTargets.of(Migsafe.builder().build()
          .plan(p, new PlanOptions(null, null, null)).changes());
    }
    if (targets.isEmpty()) {
      return ToolResults.structured("Nothing to look for: the migration drops, renames or "
          + "narrows no column, table or enum value.", "{\"schemaVersion\": 1, \"targets\": []}");
    }
    SurfaceScan.Report report = SurfaceScan.scan(repos, targets);
    return ToolResults.structured(SurfaceRenderer.markdown(report), SurfaceRenderer.json(report));
  }
}
