package dev.migsafe.internal.mcp;

import dev.migsafe.Migsafe;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * migsafe as a stdio MCP server: the tools, resources and prompts of this package on the SDK's
 * synchronous server, negotiating the newest protocol revision the SDK's session layer speaks
 * (2025-11-25) down to the client's. It answers its client and sends nothing anywhere else.
 */
public final class MigsafeMcpServer {
  static final String INSTRUCTIONS = "migsafe makes PostgreSQL migrations safe. lint gives the "
      + "exact lock each statement takes, whether it rewrites or scans the table, and rule "
      + "findings with safer alternatives; plan turns a migration packet into a phased "
      + "playbook; similar finds past migrations with their lessons. Call check_migration on "
      + "every migration you propose for a packet, and show its verdict with the SQL. Paths "
      + "are read only under the working directory (or the client's roots).";

  private MigsafeMcpServer() {}

  /**
   * Serves one client on {@code in} and {@code out} until {@code in} ends.
   *
   * @param workingDirectory where relative paths start and, without client roots, the only
   *     directory whose files may be read
   * @param log diagnostics (standard error)
   */
  public static void serve(InputStream in, OutputStream out, Path workingDirectory,
      ServerLog log) throws InterruptedException {
    InputEnd input = new InputEnd(in);
    ClientRoots roots = new ClientRoots(new WorkingRoots(workingDirectory), log);
    MigsafeResources resources = new MigsafeResources(roots);
    McpSyncServer server = McpServer.sync(
            new StdioServerTransportProvider(McpJsonDefaults.getMapper(), input, out))
        .serverInfo(McpSchema.Implementation.builder("migsafe", Migsafe.version())
            .title("migsafe").build())
        .instructions(INSTRUCTIONS)
        .capabilities(McpSchema.ServerCapabilities.builder()
            .tools(false).resources(false, false).prompts(false).build())
        .tools(new ToolRegistry(roots, log).specifications())
        .resources(resources.resources())
        .resourceTemplates(resources.templates())
        .prompts(new PassPrompts(roots).prompts())
        .rootsChangeHandler((exchange, declared) -> roots.changed(declared))
        .build();
    log.line("serving on standard input and output, reading under "
        + roots.roots().workingDirectory());
    // The rule base takes a second or two to build; doing it while the client is still
    // listing tools keeps that wait out of the first lint call.
    Thread warmUp = new Thread(() -> Migsafe.builder().build().rules(), "migsafe-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    try {
      input.await();
    } finally {
      server.closeGracefully();
    }
  }
}
