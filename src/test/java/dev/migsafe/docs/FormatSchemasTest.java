package dev.migsafe.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.migsafe.api.CheckKind;
import dev.migsafe.internal.model.ChangeKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas under {@code docs/schema/} that editors use accept every packet and catalog
 * record migsafe ships, reject a broken packet, and name the same closed vocabularies as the
 * loaders: a schema that drifted from the loader would flag valid files or bless broken ones.
 */
class FormatSchemasTest {
  static final Path PACKET_SCHEMA = Path.of("docs/schema/packet.schema.json");
  static final Path RECORD_SCHEMA = Path.of("docs/schema/catalog-record.schema.json");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Schema schema(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
  }

  static List<com.networknt.schema.Error> validate(Schema schema, Path yaml) throws IOException {
    return schema.validate(YAML.readTree(yaml.toFile()));
  }

  @Test
  void everyShippedPacketValidates() throws IOException {
    Schema schema = schema(PACKET_SCHEMA);
    List<Path> packets = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Path.of("examples"))) {
      s.filter(p -> p.getFileName().toString().equals("packet.yaml")).forEach(packets::add);
    }
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/search-eval/packets"))) {
      s.filter(p -> p.toString().endsWith(".yaml")).forEach(packets::add);
    }
    assertThat(packets).hasSizeGreaterThan(10);
    List<String> problems = new ArrayList<>();
    for (Path p : packets) {
      validate(schema, p).forEach(m -> problems.add(p + ": " + m));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyShippedCatalogRecordValidates() throws IOException {
    Schema schema = schema(RECORD_SCHEMA);
    List<Path> records = new ArrayList<>();
    for (String folder : List.of("catalog/migrations", "catalog/validations",
        "src/test/resources/report-catalog/migrations")) {
      try (Stream<Path> s = Files.list(Path.of(folder))) {
        s.filter(p -> p.toString().endsWith(".yaml")).forEach(records::add);
      }
    }
    assertThat(records).hasSizeGreaterThan(80);
    // The report fixture holds one record that is malformed on purpose: the schema must
    // refuse what the loader skips, as well as accept what it loads.
    Path broken = Path.of("src/test/resources/report-catalog/migrations/2026-08-x-broken.yaml");
    List<String> problems = new ArrayList<>();
    for (Path r : records) {
      if (!r.equals(broken)) {
        validate(schema, r).forEach(m -> problems.add(r + ": " + m));
      }
    }
    assertThat(problems).isEmpty();
    assertThat(validate(schema, broken)).isNotEmpty();
  }

  @Test
  void brokenFilesAreRejected() throws IOException {
    Schema packet = schema(PACKET_SCHEMA);
    JsonNode broken = YAML.readTree("""
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: Bad Id
        dialect: oracle
        schema: {current: current.sql}
        tabels: {orders: {rows: 10}}
        constraints: {maxLockWait: two seconds}
        """);
    assertThat(packet.validate(broken).stream().map(com.networknt.schema.Error::toString))
        .anyMatch(m -> m.contains("owner"))
        .anyMatch(m -> m.contains("id"))
        .anyMatch(m -> m.contains("dialect"))
        .anyMatch(m -> m.contains("tabels"))
        .anyMatch(m -> m.contains("maxLockWait"))
        // neither a target schema nor migration statements
        .anyMatch(m -> m.contains("target") || m.contains("migration"));

    Schema record = schema(RECORD_SCHEMA);
    JsonNode incident = YAML.readTree("""
        apiVersion: migsafe/v1
        kind: PastMigration
        id: x
        title: t
        team: a
        dialect: postgresql
        date: 2026-01-01
        changes: [add-colum]
        outcome: {status: incident}
        """);
    assertThat(record.validate(incident).stream().map(com.networknt.schema.Error::toString))
        .anyMatch(m -> m.contains("changes"))
        .anyMatch(m -> m.contains("incidents"));
  }

  @Test
  void schemasNameTheLoadersVocabularies() throws IOException {
    JsonNode record = YAML.readTree(RECORD_SCHEMA.toFile());
    JsonNode past = record.at("/$defs/pastMigration/properties");
    assertThat(words(past.at("/changes/items/enum"))).isEqualTo(new TreeSet<>(ChangeKind.catalogIds()));
    JsonNode template = record.at("/$defs/validationTemplate/properties");
    assertThat(words(template.at("/appliesTo/items/enum")))
        .isEqualTo(new TreeSet<>(ChangeKind.catalogIds()));
    assertThat(words(template.at("/checks/enum"))).isEqualTo(new TreeSet<>(
        Arrays.stream(CheckKind.values()).map(CheckKind::id).toList()));
  }

  private static Set<String> words(JsonNode array) {
    assertThat(array.isArray()).as("an enum array").isTrue();
    Set<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
