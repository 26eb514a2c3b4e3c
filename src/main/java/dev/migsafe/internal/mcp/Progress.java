package dev.migsafe.internal.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.function.Consumer;

/**
 * MCP progress notifications for one request: each line a long operation reports (a
 * rehearsal's steps) becomes one {@code notifications/progress} with the next count, under the
 * token the client sent. Without a token the client asked for none, and the lines are dropped.
 */
final class Progress implements Consumer<String> {
  private final McpSyncServerExchange exchange;
  private final Object token;
  private int count;

  Progress(McpSyncServerExchange exchange, Object token) {
    this.exchange = exchange;
    this.token = token;
  }

  static Progress none() {
    return new Progress(null, null);
  }

  @Override
  public synchronized void accept(String line) {
    if (exchange == null || token == null) {
      return;
    }
    // The total is unknown ahead: a rehearsal's step count depends on the plan it makes.
    exchange.progressNotification(
        McpSchema.ProgressNotification.builder(token, ++count).message(line).build());
  }
}
