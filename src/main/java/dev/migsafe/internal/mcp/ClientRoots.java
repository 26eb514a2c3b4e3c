package dev.migsafe.internal.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * Keeps {@link WorkingRoots} in step with the roots the client declares: asked for with
 * {@code roots/list} before the first request that reads a file, and taken again from each
 * {@code notifications/roots/list_changed}. A client without the roots capability leaves the
 * working directory as the only allowed place.
 */
final class ClientRoots {
  private final WorkingRoots roots;
  private final ServerLog log;
  private volatile boolean asked;

  ClientRoots(WorkingRoots roots, ServerLog log) {
    this.roots = roots;
    this.log = log;
  }

  WorkingRoots roots() {
    return roots;
  }

  /**
   * Asks the client for its roots once, if it has any to declare. SDK 2.2 marks {@code
   * listRoots} deprecated without a replacement on the server exchange; it is still how a
   * 2025-11-25 server learns its client's roots.
   */
  @SuppressWarnings("deprecation")
  WorkingRoots current(McpSyncServerExchange exchange) {
    if (!asked) {
      McpSchema.ClientCapabilities caps = exchange.getClientCapabilities();
      if (caps != null && caps.roots() != null) {
        try {
          roots.declare(exchange.listRoots().roots());
        } catch (RuntimeException e) {
          // A client that declares roots but cannot list them: the working directory stands.
          log.line("the client's roots could not be listed (" + e.getMessage() + "); reading "
              + "only under " + roots.workingDirectory());
        }
      }
      asked = true;
    }
    return roots;
  }

  /** The client said its roots changed, and sent them. */
  void changed(List<McpSchema.Root> declared) {
    roots.declare(declared);
    asked = true;
  }
}
