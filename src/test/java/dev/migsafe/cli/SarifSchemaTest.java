package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our SARIF validates against the official SARIF 2.1.0 JSON schema (OASIS). */
class SarifSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Schema schema() throws IOException {
    try (InputStream in = SarifSchemaTest.class.getResourceAsStream(
        "/schema/sarif-schema-2.1.0.json")) {
      assertThat(in).as("the SARIF schema on the test class path").isNotNull();
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
  }

  private static List<Error> validate(String sarif) throws IOException {
    JsonNode node = JSON.readTree(sarif);
    return schema().validate(node);
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples/lint-flyway/db/migration",
      "src/test/resources/golden-input/kitchen-sink.sql"})
  void sarifOutputValidates(String path) throws IOException {
    CliRunner.Run run = CliRunner.run("lint", "--format", "sarif", path);
    assertThat(run.err()).isEmpty();
    assertThat(validate(run.out())).isEmpty();
  }

  @Test
  void emptyResultValidates(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("ok file.sql");
    Files.writeString(f, "CREATE TABLE t (id bigint PRIMARY KEY);");
    CliRunner.Run run = CliRunner.run("lint", "--format", "sarif", f.toString());
    assertThat(run.exit()).isZero();
    assertThat(validate(run.out())).isEmpty();
  }

  @Test
  void theValidatorRejectsBrokenSarif() throws IOException {
    // Proves the check can fail: a result without its required message.
    String broken = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
        + "\"results\":[{\"ruleId\":\"r\"}]}]}";
    assertThat(validate(broken)).isNotEmpty();
  }

  /**
   * What GitHub code scanning documents for an upload: rule help it shows (fullDescription,
   * help.markdown, helpUri), locations relative to the repository root under %SRCROOT%, and
   * ruleIndex pointing at the rule of the same id.
   */
  @Test
  void githubGetsRuleHelpAndRelativeLocations() throws IOException {
    CliRunner.Run run = CliRunner.run("lint", "--format", "sarif",
        "examples/lint-flyway/db/migration");
    JsonNode r = JSON.readTree(run.out()).get("runs").get(0);
    assertThat(r.at("/originalUriBaseIds/%SRCROOT%/uri").asText())
        .startsWith("file:/").endsWith("/");
    JsonNode rules = r.at("/tool/driver/rules");
    assertThat(rules).isNotEmpty();
    for (JsonNode rule : rules) {
      String id = rule.get("id").asText();
      assertThat(rule.at("/fullDescription/text").asText()).as(id).isNotBlank()
          .doesNotContain("## ");
      assertThat(rule.at("/help/markdown").asText()).as(id).startsWith("# " + id + "\n")
          .contains("## Safer alternative");
      assertThat(rule.at("/help/text").asText()).as(id).contains("migsafe rules explain " + id);
      assertThat(rule.get("helpUri").asText()).as(id).startsWith("https://")
          .endsWith("/rules/postgresql/" + id + ".md");
    }
    for (JsonNode result : r.get("results")) {
      JsonNode loc = result.at("/locations/0/physicalLocation/artifactLocation");
      assertThat(loc.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
      assertThat(loc.get("uri").asText()).startsWith("examples/lint-flyway/db/migration/V");
      assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText())
          .isEqualTo(result.get("ruleId").asText());
    }
  }

  /** A finding an ignore comment accepted stays in the log, marked suppressed with its reason. */
  @Test
  void suppressedFindingsAreKeptAsSuppressed(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("a.sql");
    Files.writeString(f, "-- migsafe:ignore pg-drop-column the column is unused since v3\n"
        + "ALTER TABLE orders DROP COLUMN legacy;\n");
    CliRunner.Run run = CliRunner.run("lint", "--format", "sarif", f.toString());
    assertThat(run.exit()).isZero();
    assertThat(validate(run.out())).isEmpty();
    JsonNode results = JSON.readTree(run.out()).at("/runs/0/results");
    JsonNode dropped = null;
    for (JsonNode x : results) {
      if (x.get("ruleId").asText().equals("pg-drop-column")) {
        dropped = x;
      }
    }
    assertThat(dropped).as("the suppressed finding is in the log").isNotNull();
    assertThat(dropped.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
    assertThat(dropped.at("/suppressions/0/justification").asText())
        .isEqualTo("the column is unused since v3");
    // Outside the repository: an absolute file URI, no base id.
    JsonNode loc = dropped.at("/locations/0/physicalLocation/artifactLocation");
    assertThat(loc.get("uri").asText()).startsWith("file:/").endsWith("/a.sql");
    assertThat(loc.has("uriBaseId")).isFalse();
    // The text report does not list it and the exit code does not count it.
    assertThat(CliRunner.run("lint", f.toString()).out()).doesNotContain("pg-drop-column");
  }
}
