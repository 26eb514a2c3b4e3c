package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migsafe check} on a shipped example: a one-step rename of a column on a hot table,
 * as a model might propose it, applied on PostgreSQL 15 (the packet's major).
 */
class CheckCommandTest {
  @TempDir Path dir;

  @Test
  void aOneStepRenameMissesTheIndexNameAndNeedsPeople() throws Exception {
    Path up = Files.writeString(dir.resolve("up.sql"), """
        SET lock_timeout = '2s';
        ALTER TABLE payments RENAME COLUMN psp_reference TO provider_reference;
        """);
    Path down = Files.writeString(dir.resolve("down.sql"), """
        SET lock_timeout = '2s';
        ALTER TABLE payments RENAME COLUMN provider_reference TO psp_reference;
        """);
    CliRunner.Run r = CliRunner.run("check", "examples/plan-rename-column/packet.yaml",
        "--up", up.toString(), "--down", down.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("verdict").asText()).isEqualTo("fail");
    assertThat(json.path("server").asText()).startsWith("15.");
    JsonNode target = point(json, "target-reached");
    assertThat(target.path("verdict").asText()).isEqualTo("fail");
    // The target renames the unique index with the column; a bare RENAME COLUMN does not.
    assertThat(target.path("items").toString())
        .contains("payments.payments_provider_reference_key");
    assertThat(point(json, "current-restored").path("verdict").asText()).isEqualTo("pass");
    assertThat(point(json, "lint-up").path("items").get(0).path("kind").asText())
        .isEqualTo("pg-rename-column");
    assertThat(r.err()).contains("migsafe: applying up");
  }

  @Test
  void aMissingSqlFileIsBadInput() {
    CliRunner.Run r = CliRunner.run("check", "examples/plan-rename-column/packet.yaml",
        "--up", dir.resolve("nope.sql").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("nope.sql: cannot read the SQL file").doesNotContain("at dev.");
  }

  private static JsonNode point(JsonNode json, String id) {
    for (JsonNode e : json.path("evidence")) {
      if (e.path("point").asText().equals(id)) {
        return e;
      }
    }
    throw new AssertionError("no point " + id + " in " + json);
  }
}
