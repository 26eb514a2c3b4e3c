package dev.migsafe.internal.mcp;

import io.modelcontextprotocol.spec.McpSchema;

/** One tool of the server: its definition (name, schemas) and what a call does. */
interface McpTool {
  McpSchema.Tool definition();

  /** Answers a call; throws {@link ToolFailure} for an answer that is a tool error. */
  McpSchema.CallToolResult call(ToolCall call);

  /**
   * Whether the call reads the working directory's {@code catalog/} (through the façade, which
   * takes it by name): then it is checked like any other path first.
   */
  default boolean readsCatalog() {
    return true;
  }
}
