package dev.migsafe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.testing.McpServerProcess;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./migsafe mcp}, the built launcher and shaded jar, as an assistant starts it: in the
 * directory the user works in, speaking JSON-RPC on standard output and nothing else, and
 * ending when its client closes standard input.
 */
class McpLauncherIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LAUNCHER = Path.of("migsafe").toAbsolutePath();

  @Test
  void standardOutputCarriesOnlyJsonRpcAndTheServerEndsWithItsInput(@TempDir Path work)
      throws IOException, InterruptedException {
    McpServerProcess.copy(Path.of("examples/plan-rename-column"), work.resolve("rename"));
    Path err = Files.createTempFile("migsafe-mcp-err", ".txt");
    Process p = new ProcessBuilder(LAUNCHER.toString(), "mcp").directory(work.toFile())
        .redirectError(err.toFile()).start();
    OutputStream in = p.getOutputStream();
    send(in, Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize", "params", Map.of(
        "protocolVersion", "2025-11-25", "capabilities", Map.of(),
        "clientInfo", Map.of("name", "raw", "version", "1"))));
    send(in, Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
    send(in, Map.of("jsonrpc", "2.0", "id", 2, "method", "tools/call", "params", Map.of(
        "name", "lint", "arguments", Map.of("sql",
            "ALTER TABLE payments ALTER COLUMN amount TYPE bigint;"))));
    send(in, Map.of("jsonrpc", "2.0", "id", 3, "method", "tools/call", "params", Map.of(
        "name", "plan", "arguments", Map.of("packet", "rename/packet.yaml"))));
    List<JsonNode> messages = new ArrayList<>();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<Integer> answered = new ArrayList<>();
    String line;
    while (answered.size() < 3 && (line = out.readLine()) != null) {
      JsonNode m = JSON.readTree(line);
      assertThat(m.get("jsonrpc").asText()).as(line).isEqualTo("2.0");
      messages.add(m);
      if (m.has("id") && (m.has("result") || m.has("error"))) {
        answered.add(m.get("id").asInt());
      }
    }
    in.close();
    for (String rest; (rest = out.readLine()) != null; ) {
      assertThat(JSON.readTree(rest).get("jsonrpc").asText()).as(rest).isEqualTo("2.0");
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits when its input ends").isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(answered).containsExactlyInAnyOrder(1, 2, 3);
    JsonNode lint = messages.stream().filter(m -> m.path("id").asInt() == 2).findFirst()
        .orElseThrow().get("result");
    assertThat(lint.get("isError").asBoolean()).isFalse();
    assertThat(lint.at("/structuredContent/files/0/statements/0/locks/0/mode").asText())
        .isEqualTo("ACCESS EXCLUSIVE");
    JsonNode plan = messages.stream().filter(m -> m.path("id").asInt() == 3).findFirst()
        .orElseThrow().get("result");
    assertThat(plan.get("isError").asBoolean()).as(plan.toString()).isFalse();
    assertThat(plan.at("/content/0/text").asText()).contains("provider_reference");
    assertThat(Files.readString(err)).contains("serving on standard input and output");
    Files.deleteIfExists(err);
  }

  @Test
  void theSdkClientTalksToTheLauncher(@TempDir Path work) throws IOException {
    McpServerProcess.copy(Path.of("examples/plan-rename-column"), work.resolve("rename"));
    try (McpServerProcess server = McpServerProcess.of(work,
        List.of(LAUNCHER.toString(), "mcp"))) {
      assertThat(server.client().listTools().tools()).hasSize(9);
      McpSchema.CallToolResult r = server.client().callTool(
          McpSchema.CallToolRequest.builder("plan")
              .arguments(Map.of("packet", "rename/packet.yaml")).build());
      assertThat(r.isError()).isFalse();
      assertThat(server.client().readResource(new McpSchema.ReadResourceRequest(
          "migsafe://rules/pg-add-column-volatile-default", null)).contents()).hasSize(1);
      // The guardrail from the shaded jar: an embedded PostgreSQL 15 for the example's packet.
      McpSchema.CallToolResult check = server.client().callTool(
          McpSchema.CallToolRequest.builder("check_migration").arguments(Map.of(
              "packet", "rename/packet.yaml",
              "up", "ALTER TABLE payments RENAME COLUMN psp_reference TO provider_reference;"))
              .build());
      assertThat(check.isError()).as(check.content().toString()).isFalse();
      assertThat(JSON.<JsonNode>valueToTree(check.structuredContent()).get("verdict").asText())
          .isIn("pass", "needs-review", "fail");
    }
  }

  private static void send(OutputStream in, Map<String, Object> message) throws IOException {
    in.write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }
}
