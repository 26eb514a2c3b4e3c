package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our SARIF validates against the official SARIF 2.1.0 JSON schema (OASIS). */
class SarifSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonSchema schema() throws IOException {
    try (InputStream in = SarifSchemaTest.class.getResourceAsStream(
        "/schema/sarif-schema-2.1.0.json")) {
      assertThat(in).as("the SARIF schema on the test class path").isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  private static Set<ValidationMessage> validate(String sarif) throws IOException {
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
}
