package dev.migsafe.internal.mcp;

import dev.migsafe.Migsafe;
import dev.migsafe.api.SimilarQuery;
import dev.migsafe.api.SimilarResult;
import dev.migsafe.internal.render.SimilarRenderer;
import io.modelcontextprotocol.spec.McpSchema;

/** {@code similar}: past migrations of the catalog most like a text or SQL, with lessons. */
final class SimilarTool implements McpTool {
  static final int DEFAULT_LIMIT = 5;

  @Override
  public McpSchema.Tool definition() {
    return ToolRegistry.readOnly("similar", "Find similar past migrations", "similar-input", null,
        "Searches the catalog of past migrations (catalog/ of the working "
            + "directory, else the one shipped with migsafe) for the ones most like a text or "
            + "SQL: their outcome, the lesson learned and why they matched.");
  }

  @Override
  public McpSchema.CallToolResult call(ToolCall call) {
    Arguments args = call.arguments();
    SimilarQuery query = new SimilarQuery(args.optional("text"), args.optional("sql"), null,
        null, null);
    if (query.isEmpty()) {
      throw new ToolFailure("give something to compare: text or sql");
    }
    int limit = (int) args.integer("limit", 1, 100, DEFAULT_LIMIT);
    SimilarResult result = Migsafe.builder().build().similar(query, limit);
    return ToolResults.structured(SimilarRenderer.markdown(result), SimilarRenderer.json(result));
  }
}
