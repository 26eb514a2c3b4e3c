package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.testing.FakeModelServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code migsafe ai execute} with the real check_migration on an embedded PostgreSQL (a few
 * seconds each, so few of them, on one packet). The answers are authored for tests, served by
 * a loopback server speaking Ollama's wire format.
 */
class AiCheckMigrationTest {
  private static final String PACKET = "src/test/resources/ai/packet.yaml";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode execute(String fixture) throws Exception {
    try (FakeModelServer server = new FakeModelServer()
        .answering(FakeModelServer.fixture(fixture))) {
      CliRunner.Run r = CliRunner.run("ai", "execute", PACKET, "--model", "m", "--endpoint",
          server.ollamaUrl(), "--format", "json");
      assertThat(r.exit()).as(r.err()).isEqualTo(1);
      return MAPPER.readTree(r.out()).path("reviews").get(0);
    }
  }

  private static List<String> texts(JsonNode facts) {
    List<String> out = new ArrayList<>();
    facts.forEach(f -> out.add(f.path("status").asText() + ": " + f.path("text").asText()));
    return out;
  }

  private static JsonNode point(JsonNode review, String id) {
    for (JsonNode e : review.path("check").path("evidence")) {
      if (e.path("point").asText().equals(id)) {
        return e;
      }
    }
    throw new AssertionError("no evidence point " + id + " in " + review.path("check"));
  }

  @Test
  void accessExclusiveWithARewriteOnAHotTableIsRefuted() throws Exception {
    JsonNode review = execute("execution-direct-rewrite.json");

    assertThat(review.path("verdict").asText()).isEqualTo("fail");
    assertThat(review.path("check").path("verdict").asText()).isEqualTo("fail");
    assertThat(point(review, "lint-up").path("verdict").asText()).isEqualTo("fail");
    JsonNode step = review.path("parts").get(0);
    assertThat(step.path("part").asText()).isEqualTo("phases[0].steps[0]");
    assertThat(step.path("status").asText()).isEqualTo("refuted");
    assertThat(texts(step.path("facts")))
        .anyMatch(t -> t.startsWith("refuted: lint-up ") && t.contains("at up:2:")
            && t.contains("ACCESS EXCLUSIVE"));
    // The unacknowledged consumer is evidence of its own, for a person.
    assertThat(point(review, "consumers").path("verdict").asText()).isEqualTo("needs-review");
  }

  @Test
  void aDownThatDoesNotRestoreTheSchemaFails() throws Exception {
    JsonNode review = execute("execution-bad-rollback.json");

    assertThat(review.path("verdict").asText()).isEqualTo("fail");
    JsonNode restored = point(review, "current-restored");
    assertThat(restored.path("verdict").asText()).isEqualTo("fail");
    assertThat(restored.path("items").toString()).contains("orders.amount_old");
  }
}
