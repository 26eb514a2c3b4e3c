package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.testing.FakeModelServer;
import dev.migsafe.testing.TestPackets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migsafe ai} end to end, in process, against a loopback server speaking Ollama's and
 * OpenAI's wire formats with answers authored for tests (src/test/resources/ai/answers). The
 * passes whose verdict needs a real PostgreSQL are in AiCheckMigrationTest.
 */
class AiCommandTest {
  private static final String PACKET = "src/test/resources/ai/packet.yaml";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void aRemoteEndpointWithoutConsentExits2AndSendsNothing(@TempDir Path dir) throws Exception {
    CliRunner.Run noFlag = CliRunner.run("ai", "review", PACKET, "--model", "m",
        "--endpoint", "http://192.0.2.10:11434");
    assertThat(noFlag.exit()).isEqualTo(2);
    assertThat(noFlag.err()).contains("is not on this machine").contains("--allow-remote")
        .doesNotContain("Exception");

    Path config = Files.writeString(dir.resolve("config.yaml"), "failOn: high\n");
    CliRunner.Run flagOnly = CliRunner.run("ai", "review", PACKET, "--model", "m",
        "--endpoint", "http://192.0.2.10:11434", "--allow-remote", "--config",
        config.toString());
    assertThat(flagOnly.exit()).isEqualTo(2);
    assertThat(flagOnly.err()).contains("does not allow remote models")
        .contains("ai: {allow-remote: true}");

    Path bad = Files.writeString(dir.resolve("bad.yaml"), "ai:\n  allow_remote: true\n");
    CliRunner.Run badKey = CliRunner.run("ai", "review", PACKET, "--model", "m",
        "--endpoint", "http://192.0.2.10:11434", "--allow-remote", "--config", bad.toString());
    assertThat(badKey.exit()).isEqualTo(2);
    assertThat(badKey.err()).startsWith(bad + ":2:3: ");
  }

  @Test
  void showPromptSendsNothingAndCarriesNoRows(@TempDir Path dir) throws Exception {
    Path packet = TestPackets.write(dir, """
        CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
        INSERT INTO customers VALUES (1, 'alice@example.com');
        COPY customers (id, email) FROM stdin;
        """, """
        CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, name text);
        """, "tables:\n  customers: {rows: 1000, sizeGb: 0.01, writesPerSecond: 1}\n");
    try (FakeModelServer server = new FakeModelServer()) {
      CliRunner.Run r = CliRunner.run("ai", "design", packet.toString(), "--model", "m",
          "--endpoint", server.ollamaUrl(), "--show-prompt");

      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(server.requests()).isEmpty();
      assertThat(r.out()).contains("nothing was sent")
          .contains("=== system message ===").contains("=== user message ===")
          .contains("check_migration")
          .contains("CREATE TABLE customers")
          .contains("2 statement(s) that are not definitions (data) were left out")
          .doesNotContain("alice@example.com").doesNotContain("INSERT INTO");
    }
  }

  @Test
  void whatShowPromptPrintsIsWhatTheServerReceives() throws Exception {
    String answer = FakeModelServer.fixture("validation-queries.json");
    try (FakeModelServer server = new FakeModelServer().answering(answer)) {
      CliRunner.Run shown = CliRunner.run("ai", "validate", PACKET, "--model", "m",
          "--api", "openai", "--endpoint", server.openAiUrl(), "--show-prompt");
      CliRunner.Run asked = CliRunner.run("ai", "validate", PACKET, "--model", "m",
          "--api", "openai", "--endpoint", server.openAiUrl());

      assertThat(asked.exit()).as(asked.err()).isEqualTo(1);
      JsonNode body = server.requests().get(0).body();
      String system = body.path("messages").get(0).path("content").asText();
      String user = body.path("messages").get(1).path("content").asText();
      String schema = body.path("response_format").path("json_schema").path("schema")
          .toString();
      String out = shown.out();
      assertThat(between(out, "=== system message ===\n", "\n=== user message ===\n"))
          .isEqualTo(system);
      assertThat(between(out, "=== user message ===\n", "\n=== answer format"))
          .isEqualTo(user);
      assertThat(MAPPER.readTree(out.substring(out.indexOf("===\n",
          out.indexOf("=== answer format")) + 4))).isEqualTo(MAPPER.readTree(schema));
    }
  }

  @Test
  void theReportShowsEachPartBesideMigsafesVerdictAndKeepsTheHumanGate() throws Exception {
    try (FakeModelServer server = new FakeModelServer()
        .answering(FakeModelServer.fixture("safety-lock-claims.json"))) {
      CliRunner.Run r = CliRunner.run("ai", "review", PACKET, "--model", "m",
          "--endpoint", server.ollamaUrl());

      assertThat(r.exit()).as(r.err()).isEqualTo(1);
      assertThat(r.out()).contains("# migsafe ai review: packet orders-amount-bigint")
          .contains("**migsafe's verdict: fail**: 2 refuted, 1 unverified, 1 verified")
          .contains("**Gate: human review required.**")
          .contains("### 2. challenges[0]: refuted")
          .contains("refuted: the statement, on PostgreSQL 17, takes ACCESS EXCLUSIVE, not "
              + "SHARE UPDATE EXCLUSIVE")
          .contains("billing-export (owner team-finance) is affected by c1 and has not "
              + "acknowledged the change");
    }
  }

  @Test
  void aRecordedExchangeIsVerifiedAgainOfflineWithTheSameVerdicts(@TempDir Path dir)
      throws Exception {
    Path record = dir.resolve("exchanges");
    CliRunner.Run live;
    try (FakeModelServer server = new FakeModelServer()
        .answering(FakeModelServer.fixture("validation-queries.json"))) {
      live = CliRunner.run("ai", "validate", PACKET, "--model", "qwen-test", "--endpoint",
          server.ollamaUrl(), "--record", record.toString(), "--format", "json");
    }
    assertThat(live.exit()).as(live.err()).isEqualTo(1);
    List<Path> files;
    try (Stream<Path> s = Files.list(record)) {
      files = s.toList();
    }
    assertThat(files).singleElement().asString().endsWith("-validate-"
        + files.get(0).getFileName().toString().substring(files.get(0).getFileName()
            .toString().lastIndexOf('-') + 1));
    JsonNode exchange = MAPPER.readTree(files.get(0).toFile());
    assertThat(exchange.path("format").asText()).isEqualTo("migsafe-ai-exchange/1");
    assertThat(exchange.path("model").asText()).isEqualTo("qwen-test");
    assertThat(exchange.path("answerSha256").asText()).hasSize(64);
    assertThat(exchange.toString()).doesNotContain("API_KEY");

    // The server is gone: the check asks no model.
    CliRunner.Run offline = CliRunner.run("ai", "check", record.toString(), "--format", "json");
    assertThat(offline.exit()).as(offline.err()).isEqualTo(1);
    JsonNode before = MAPPER.readTree(live.out()).path("reviews").get(0);
    JsonNode after = MAPPER.readTree(offline.out()).path("reviews").get(0);
    assertThat(after.path("parts")).isEqualTo(before.path("parts"));
    assertThat(after.path("verdict")).isEqualTo(before.path("verdict"));
    assertThat(after.path("exchange").asText()).isEqualTo(files.get(0).toString());

    // An edited answer no longer matches its hash.
    com.fasterxml.jackson.databind.node.ObjectNode edit =
        (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(files.get(0).toFile());
    edit.put("answer", edit.path("answer").asText().replace("amounts-positive", "x"));
    Files.writeString(files.get(0), MAPPER.writeValueAsString(edit));
    CliRunner.Run edited = CliRunner.run("ai", "check", record.toString());
    assertThat(edited.exit()).isEqualTo(2);
    assertThat(edited.err()).contains("does not match answerSha256");
  }

  @Test
  void aTruncatedOrSchemaBreakingAnswerIsAFailureNotAStackTrace(@TempDir Path dir)
      throws Exception {
    try (FakeModelServer server = new FakeModelServer()) {
      server.answering("{\"summary\": \"Add the column\", \"phases\": [{\"name\": \"exp");
      CliRunner.Run cut = CliRunner.run("ai", "execute", PACKET, "--model", "m",
          "--endpoint", server.ollamaUrl());
      assertThat(cut.exit()).isEqualTo(2);
      assertThat(cut.err()).startsWith("answer:1:").contains("it was truncated")
          .doesNotContain("Exception").doesNotContain("\tat ");

      server.answering("{\"summary\": \"x\"").truncated(true);
      CliRunner.Run limit = CliRunner.run("ai", "execute", PACKET, "--model", "m",
          "--endpoint", server.ollamaUrl(), "--record", dir.toString());
      assertThat(limit.exit()).isEqualTo(2);
      assertThat(limit.err()).contains("was cut off");
      // The unusable answer is recorded all the same, and checking it again says the same.
      CliRunner.Run again = CliRunner.run("ai", "check", dir.toString());
      assertThat(again.exit()).isEqualTo(2);
      assertThat(again.err()).contains("was cut off");

      server.answering("{\"summary\": \"x\", \"phases\": [{\"name\": \"a\", \"window\": "
          + "\"whenever\", \"steps\": []}]}").truncated(false);
      CliRunner.Run wrong = CliRunner.run("ai", "execute", PACKET, "--model", "m",
          "--endpoint", server.ollamaUrl());
      assertThat(wrong.exit()).isEqualTo(2);
      assertThat(wrong.err()).contains("does not follow the execution-pass schema")
          .contains("window").doesNotContain("Exception");
    }
  }

  @Test
  void aModelSlowerThanTheTimeoutExits2() throws Exception {
    try (FakeModelServer server = new FakeModelServer().delay(Duration.ofSeconds(4))) {
      CliRunner.Run r = CliRunner.run("ai", "review", PACKET, "--model", "m",
          "--endpoint", server.ollamaUrl(), "--timeout", "1s");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("did not answer within 1 s (--timeout)");
    }
  }

  @Test
  void usageErrorsExit2() {
    assertThat(CliRunner.run("ai").exit()).isEqualTo(2);
    CliRunner.Run noModel = CliRunner.run("ai", "review", PACKET);
    assertThat(noModel.exit()).isEqualTo(2);
    assertThat(noModel.err()).contains("--model is required");
    CliRunner.Run badApi = CliRunner.run("ai", "review", PACKET, "--api", "claude");
    assertThat(badApi.err()).contains("--api 'claude' is not one of ollama, openai");
    CliRunner.Run badTimeout = CliRunner.run("ai", "review", PACKET, "--timeout", "soon");
    assertThat(badTimeout.err()).contains("--timeout 'soon'");
  }

  private static String between(String s, String start, String end) {
    int a = s.indexOf(start) + start.length();
    return s.substring(a, s.indexOf(end, a));
  }
}
