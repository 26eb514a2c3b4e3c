package dev.migsafe.internal.mcp;

/**
 * A tool call the server answers with an MCP tool error ({@code isError: true}) rather than a
 * result: bad arguments, a refused path, a packet that does not validate. The message is shown
 * to the client as it is, so it names paths and reasons, never a file's content.
 */
final class ToolFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ToolFailure(String message) {
    super(message, null, false, false);
  }
}
