package dev.migsafe.internal.mcp;

import dev.migsafe.api.MigsafeException;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * Every tool of the server, and the one place a call's failure becomes an MCP tool error: bad
 * input with its message, anything else as an internal error in one sentence (the stack trace
 * goes to the log, never to the client).
 */
final class ToolRegistry {
  /** Every tool reads; none changes the working directory or the catalog. */
  static final McpSchema.ToolAnnotations READ_ONLY =
      new McpSchema.ToolAnnotations(null, true, false, true, false, null);

  private final List<McpTool> tools = List.of(new LintTool(), new PlanTool(),
      new CheckMigrationTool(), new SimilarTool(), new ExplainRuleTool(), new RulesTool(),
      new RehearseTool(), new ReportTool(), new SurfacesTool());
  private final ClientRoots roots;
  private final ServerLog log;

  ToolRegistry(ClientRoots roots, ServerLog log) {
    this.roots = roots;
    this.log = log;
  }

  /**
   * A tool that only reads, with its schemas from {@link JsonSchemas}.
   *
   * @param output the output schema's name, or null for a tool without one
   */
  static McpSchema.Tool readOnly(String name, String title, String input, String output,
      String description) {
    McpSchema.Tool.Builder b = McpSchema.Tool.builder(name, JsonSchemas.load(input))
        .title(title).description(description).annotations(READ_ONLY);
    if (output != null) {
      b.outputSchema(JsonSchemas.load(output));
    }
    return b.build();
  }

  List<McpServerFeatures.SyncToolSpecification> specifications() {
    return tools.stream().map(t -> {
      McpSchema.Tool definition = t.definition();
      return McpServerFeatures.SyncToolSpecification.builder()
          .tool(definition)
          .callHandler((exchange, request) -> call(t, definition.name(), exchange, request))
          .build();
    }).toList();
  }

  private McpSchema.CallToolResult call(McpTool tool, String name,
      McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    try {
      WorkingRoots allowed = roots.current(exchange);
      if (tool.readsCatalog()) {
        allowed.projectEntry(WorkingRoots.CATALOG);
      }
      return tool.call(new ToolCall(new Arguments(request.arguments()), allowed,
          new Progress(exchange, request.progressToken())));
    } catch (ToolFailure e) {
      return ToolResults.error(e.getMessage());
    } catch (MigsafeException e) {
      if (e.kind() == MigsafeException.Kind.BAD_INPUT) {
        return ToolResults.error(e.getMessage());
      }
      log.failure(name, e);
      return ToolResults.error(name + ": internal error: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      return ToolResults.error(name + ": out of memory; start the server with a larger heap "
          + "(JAVA_TOOL_OPTIONS=-Xmx2g)");
    } catch (RuntimeException e) {
      log.failure(name, e);
      return ToolResults.error(name + ": internal error (" + e.getClass().getSimpleName()
          + "); the server's standard error has the details");
    }
  }
}
