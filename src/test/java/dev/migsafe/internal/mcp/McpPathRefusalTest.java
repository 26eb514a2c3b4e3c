package dev.migsafe.internal.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migsafe.testing.McpServerProcess;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server reads only under its working directory, or the roots its client declares: a path
 * elsewhere, by absolute path, {@code ..}, a symbolic link or a file a packet names, is
 * refused, and no error carries a byte of the file it names. One server process, whose client
 * declares the working directory as its root.
 */
class McpPathRefusalTest {
  /** In every file outside; no answer may contain it. */
  private static final String SECRET = "S3CRET-do-not-echo";

  @TempDir static Path base;
  private static Path work;
  private static Path outside;
  @AutoClose private static McpServerProcess server;
  private static McpSyncClient client;

  @BeforeAll
  static void start() throws IOException {
    work = Files.createDirectories(base.resolve("work"));
    outside = Files.createDirectories(base.resolve("outside"));
    McpServerProcess.copy(Path.of("examples/plan-drop-column-still-read"),
        work.resolve("drop-column"));
    McpServerProcess.copy(Path.of("examples/plan-drop-column-still-read"),
        outside.resolve("drop-column"));
    String packet = Files.readString(work.resolve("drop-column/packet.yaml"));
    // A real packet outside: were it read, the loader would quote its id in a problem.
    Files.writeString(outside.resolve("secret.yaml"),
        packet.replace("id: customers-drop-legacy-loyalty-points", "id: " + SECRET + "!"));
    Files.writeString(outside.resolve("secret.sql"), "CREATE TABLE " + SECRET + " (id int);\n");
    Files.writeString(work.resolve(".env"), "API_KEY=" + SECRET + "\n");
    Files.writeString(work.resolve("broken.yaml"), "apiVersion: [" + SECRET + "\n");
    Files.createSymbolicLink(work.resolve("link.yaml"), outside.resolve("secret.yaml"));
    Files.createSymbolicLink(work.resolve("linkdir"), outside);
    // Packets inside whose schema files lead out.
    Files.writeString(work.resolve("drop-column/escape.yaml"),
        packet.replace("current: schema/current.sql", "current: ../../outside/secret.sql"));
    Files.writeString(work.resolve("drop-column/absolute.yaml"),
        packet.replace("target: schema/target.sql",
            "target: " + outside.resolve("secret.sql")));
    server = McpServerProcess.fromClassPath(work, p -> {},
        List.of(McpSchema.Root.builder(work.toUri().toString()).name("work").build()));
    client = server.client();
  }

  @Test
  void anAbsolutePathOutsideIsRefused() {
    assertRefused(plan(outside.resolve("secret.yaml").toString()), "refused");
  }

  @Test
  void dotDotOutIsRefused() {
    assertRefused(plan("../outside/secret.yaml"), "refused");
    assertRefused(plan("drop-column/../../outside/secret.yaml"), "refused");
  }

  @Test
  void aSymbolicLinkThatLeadsOutIsRefused() {
    assertRefused(plan("link.yaml"), "resolves to");
    assertRefused(plan("linkdir/secret.yaml"), "refused");
  }

  @Test
  void surfacesScansNoFolderOutside() {
    // The secret file outside would be a surface of the table SECRET names, were it read.
    assertRefused(call("surfaces", Map.of("repos", List.of(outside.toString()),
        "table", SECRET)), "refused");
    assertRefused(call("surfaces", Map.of("repos", List.of("../outside"), "table", SECRET)),
        "refused");
    assertRefused(call("surfaces", Map.of("repos", List.of("linkdir"), "table", SECRET)),
        "refused");
  }

  @Test
  void aFileThatIsNotAPacketIsNotQuoted() {
    assertRefused(plan(".env"), "not a migration packet");
    assertRefused(plan("broken.yaml"), "not valid YAML or JSON");
    assertRefused(plan("no-such.yaml"), "no such file");
  }

  @Test
  void schemaFilesAPacketNamesMustBeInsideToo() {
    assertRefused(plan("drop-column/escape.yaml"), "schema.current");
    assertRefused(plan("drop-column/absolute.yaml"), "schema.target");
  }

  @Test
  void everyToolThatReadsAFileIsGuarded() {
    String out = outside.resolve("secret.sql").toString();
    assertRefused(call("lint", Map.of("sql", "SELECT 1;", "schema", out)), "refused");
    assertRefused(call("lint", Map.of("sql", "SELECT 1;", "schema", "../outside/secret.sql")),
        "refused");
    String packet = outside.resolve("secret.yaml").toString();
    assertRefused(call("rehearse", Map.of("packet", packet)), "refused");
    assertRefused(call("check_migration", Map.of("packet", packet, "up", "SELECT 1;")),
        "refused");
    McpError e = catchThrowableOfType(McpError.class, () -> client.getPrompt(
        McpSchema.GetPromptRequest.builder("design-pass").arguments(Map.of("packet", packet))
            .build()));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("refused").doesNotContain(SECRET);
  }

  /**
   * The project's own files are opened by name, {@code .migsafe.yaml} and {@code catalog/}:
   * as links to elsewhere they are refused like any path.
   */
  @Test
  void configurationAndCatalogThatLeadOutAreRefused() throws IOException {
    Path secrets = Files.createDirectories(outside.resolve("catalog/migrations"));
    Files.writeString(secrets.resolve("leak.yaml"), "id: leak\ntitle: " + SECRET + "\n");
    Files.writeString(outside.resolve("config.yaml"), "engineVersion: " + SECRET + "\n");
    Path catalog = Files.createSymbolicLink(work.resolve("catalog"), outside.resolve("catalog"));
    Path config = Files.createSymbolicLink(work.resolve(".migsafe.yaml"),
        outside.resolve("config.yaml"));
    try {
      assertRefused(call("lint", Map.of("sql", "SELECT 1;")), ".migsafe.yaml: refused");
      assertRefused(call("similar", Map.of("text", "leak")), "catalog: refused");
      assertRefused(plan("drop-column/packet.yaml"), "catalog: refused");
      McpError e = catchThrowableOfType(McpError.class, () -> client.readResource(
          new McpSchema.ReadResourceRequest("migsafe://catalog/migrations/leak", null)));
      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains("refused").doesNotContain(SECRET);
    } finally {
      Files.delete(catalog);
      Files.delete(config);
    }
    assertThat(call("lint", Map.of("sql", "SELECT 1;")).isError()).isFalse();
  }

  @Test
  void aPacketInsideIsRead() {
    McpSchema.CallToolResult r = plan("drop-column/packet.yaml");
    assertThat(r.isError()).as(McpServerTest.text(r, 0)).isFalse();
  }

  /**
   * The client adds a root: the packet there can be read; removed, it is refused again. SDK 2.2
   * marks the client's roots calls deprecated along with the server's; they are still how a
   * 2025-11-25 session changes its roots.
   */
  @Test
  @SuppressWarnings("deprecation")
  void theClientsRootsDecide() {
    String there = outside.resolve("drop-column/packet.yaml").toString();
    assertRefused(plan(there), "refused");
    client.addRoot(McpSchema.Root.builder(outside.toUri().toString()).name("outside").build());
    client.rootsListChangedNotification();
    try {
      McpSchema.CallToolResult r = awaitAnswer(there);
      assertThat(r.isError()).as(McpServerTest.text(r, 0)).isFalse();
    } finally {
      client.removeRoot(outside.toUri().toString());
      client.rootsListChangedNotification();
    }
    assertRefused(awaitRefusal(there), "refused");
  }

  /** The roots notification is one-way: the next call may overtake its handling. */
  private static McpSchema.CallToolResult awaitAnswer(String packet) {
    McpSchema.CallToolResult r = plan(packet);
    for (int i = 0; i < 50 && r.isError(); i++) {
      sleep();
      r = plan(packet);
    }
    return r;
  }

  private static McpSchema.CallToolResult awaitRefusal(String packet) {
    McpSchema.CallToolResult r = plan(packet);
    for (int i = 0; i < 50 && !r.isError(); i++) {
      sleep();
      r = plan(packet);
    }
    return r;
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static McpSchema.CallToolResult plan(String packet) {
    return call("plan", Map.of("packet", packet));
  }

  private static McpSchema.CallToolResult call(String tool, Map<String, Object> args) {
    return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(args).build());
  }

  private static void assertRefused(McpSchema.CallToolResult r, String reason) {
    assertThat(r.isError()).isTrue();
    assertThat(r.content()).allSatisfy(c -> assertThat(((McpSchema.TextContent) c).text())
        .contains(reason).doesNotContain(SECRET).doesNotContain("\tat "));
  }
}
