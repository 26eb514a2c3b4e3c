package dev.migsafe.testing;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A {@code migsafe mcp} process and the MCP SDK's own client talking to it over its real
 * standard input and output, as an assistant would. One per test class: each start is a JVM.
 */
public final class McpServerProcess implements AutoCloseable {
  private final McpSyncClient client;
  private final Queue<String> stderr = new ConcurrentLinkedQueue<>();

  private McpServerProcess(Path dir, List<String> command,
      Consumer<McpSchema.ProgressNotification> progress, List<McpSchema.Root> roots) {
    // ServerParameters has no working directory: a shell changes into it, then becomes the
    // server, so that the server's standard streams are the transport's.
    List<String> args = new ArrayList<>(List.of("-c", "cd \"$0\" && exec \"$@\"",
        dir.toString()));
    args.addAll(command);
    StdioClientTransport transport = new StdioClientTransport(
        ServerParameters.builder("sh").args(args).build(), McpJsonDefaults.getMapper());
    transport.setStdErrorHandler(stderr::add);
    McpClient.SyncSpec spec = McpClient.sync(transport)
        .clientInfo(McpSchema.Implementation.builder("migsafe-test", "1").build())
        .requestTimeout(Duration.ofMinutes(5))
        .initializationTimeout(Duration.ofMinutes(1))
        .progressConsumer(progress);
    if (roots != null) {
      spec.capabilities(new McpSchema.ClientCapabilities(null,
          McpSchema.ClientCapabilities.RootCapabilities.builder().listChanged(true).build(), null,
          null)).roots(roots);
    }
    client = spec.build();
    client.initialize();
  }

  /** A server started from this test JVM's class path in {@code dir}. */
  public static McpServerProcess fromClassPath(Path dir,
      Consumer<McpSchema.ProgressNotification> progress, List<McpSchema.Root> roots) {
    return new McpServerProcess(dir, classPathCommand(), progress, roots);
  }

  /** A server started with {@code command} (the {@code ./migsafe} launcher, say) in {@code dir}. */
  public static McpServerProcess of(Path dir, List<String> command) {
    return new McpServerProcess(dir, command, p -> {}, null);
  }

  /** {@code java -cp <this JVM's class path> dev.migsafe.cli.Main mcp}. */
  public static List<String> classPathCommand() {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    // The rehearsal's PostgreSQL binaries come from the build's local repository.
    String repo = System.getProperty("maven.repo.local");
    if (repo != null) {
      cmd.add("-Dmaven.repo.local=" + repo);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.migsafe.cli.Main",
        "mcp"));
    return cmd;
  }

  public McpSyncClient client() {
    return client;
  }

  /** What the server wrote to standard error so far. */
  public List<String> stderr() {
    return List.copyOf(stderr);
  }

  /** Copies a folder (an example packet) into {@code target}. */
  public static void copy(Path from, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
  }

  @Override
  public void close() {
    client.closeGracefully();
  }
}
