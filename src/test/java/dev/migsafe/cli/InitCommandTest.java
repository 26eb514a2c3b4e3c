package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.internal.config.ConfigLoader;
import dev.migsafe.internal.plan.PacketLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migsafe init}: each tool's layout is found with its newest migration, the files it
 * writes load as they are and validate against the packet schema, and nothing is overwritten
 * without {@code --force}.
 */
class InitCommandTest {
  @TempDir Path dir;

  @Test
  void flywayNewestVersionBecomesThePacketsMigration() throws IOException {
    write("src/main/resources/db/migration/V1__create_orders.sql",
        "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
    write("src/main/resources/db/migration/V1_10__orders_email.sql",
        "ALTER TABLE orders ADD COLUMN email text;\n");
    write("src/main/resources/db/migration/V1_9__orders_note.sql",
        "ALTER TABLE orders ADD COLUMN note text;\n");
    write("src/main/resources/db/migration/R__views.sql", "SELECT 1;\n");
    CliRunner.Run r = CliRunner.run("init", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Found Flyway migrations in " + dir.resolve(
        "src/main/resources/db/migration")).contains("V1_10__orders_email.sql");
    MigrationPacket p = loads(dir.resolve("packet.yaml"));
    assertThat(p.id()).isEqualTo("v1-10-orders-email");
    assertThat(p.title()).isEqualTo("orders email");
    assertThat(p.migration()).singleElement().satisfies(m ->
        assertThat(m.sql()).contains("ADD COLUMN email"));
    assertThat(Files.readString(dir.resolve(".migsafe.yaml")))
        .contains("migsafe lint src/main/resources/db/migration");
    ConfigLoader.load(dir.resolve(".migsafe.yaml"), Set.of());
  }

  @Test
  void golangMigrateDieselAndPrismaLayoutsAreFound() throws IOException {
    Path go = dir.resolve("go");
    write("go/migrations/000001_init.up.sql", "CREATE TABLE a (id int);\n");
    write("go/migrations/000001_init.down.sql", "DROP TABLE a;\n");
    write("go/migrations/000002_add_b.up.sql", "ALTER TABLE a ADD COLUMN b int;\n");
    write("go/migrations/000002_add_b.down.sql", "ALTER TABLE a DROP COLUMN b;\n");
    assertThat(CliRunner.run("init", go.toString()).out()).contains("golang-migrate")
        .contains("000002_add_b.up.sql");
    assertThat(loads(go.resolve("packet.yaml")).id()).isEqualTo("000002-add-b");

    Path diesel = dir.resolve("diesel");
    write("diesel/migrations/2024-01-01-000000_create_a/up.sql", "CREATE TABLE a (id int);\n");
    write("diesel/migrations/2024-01-01-000000_create_a/down.sql", "DROP TABLE a;\n");
    write("diesel/migrations/2024-02-01-000000_add_b/up.sql", "ALTER TABLE a ADD b int;\n");
    assertThat(CliRunner.run("init", diesel.toString()).out()).contains("Found diesel")
        .contains("2024-02-01-000000_add_b");
    assertThat(loads(diesel.resolve("packet.yaml")).title()).isEqualTo("2024-02-01-000000 add b");

    Path prisma = dir.resolve("prisma");
    write("prisma/prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE a (id int);\n");
    write("prisma/prisma/migrations/20240301000000_add_b/migration.sql", "ALTER TABLE a ADD b int;\n");
    assertThat(CliRunner.run("init", prisma.toString()).out()).contains("Found Prisma")
        .contains("20240301000000_add_b");
    assertThat(loads(prisma.resolve("packet.yaml")).id()).isEqualTo("20240301000000-add-b");
  }

  @Test
  void aFolderWithoutMigrationsGetsASchemaOnlySkeleton() throws IOException {
    CliRunner.Run r = CliRunner.run("init", dir.toString(), "--packet",
        dir.resolve("packets/first.yaml").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("No migrations found");
    assertThat(loads(dir.resolve("packets/first.yaml")).migration()).isEmpty();
    assertThat(dir.resolve("packets/.migsafe/packet.schema.json")).exists();
    assertThat(Files.readString(dir.resolve("packets/first.yaml")))
        .startsWith("# yaml-language-server: $schema=.migsafe/packet.schema.json\n");
  }

  @Test
  void existingFilesAreNeverOverwrittenWithoutForce() throws IOException {
    write(".migsafe.yaml", "failOn: low\n");
    CliRunner.Run r = CliRunner.run("init", dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(dir.resolve(".migsafe.yaml")
        + ": exists; pass --force to overwrite it").doesNotContain("Exception");
    assertThat(Files.readString(dir.resolve(".migsafe.yaml"))).isEqualTo("failOn: low\n");
    assertThat(dir.resolve("packet.yaml")).doesNotExist();

    assertThat(CliRunner.run("init", dir.toString(), "--force").exit()).isZero();
    assertThat(Files.readString(dir.resolve(".migsafe.yaml"))).contains("engineVersion: 17");
    // The schema is migsafe's own: an identical copy is left as it is, never a conflict.
    Files.delete(dir.resolve(".migsafe.yaml"));
    Files.delete(dir.resolve("packet.yaml"));
    CliRunner.Run again = CliRunner.run("init", dir.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("unchanged " + dir.resolve(".migsafe/packet.schema.json"));
  }

  /** Loads with the packet loader and validates against the shipped schema. */
  private static MigrationPacket loads(Path packet) throws IOException {
    Schema schema;
    try (InputStream in = Files.newInputStream(Path.of("docs/schema/packet.schema.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
    assertThat(schema.validate(new ObjectMapper(new YAMLFactory()).readTree(packet.toFile())))
        .as(packet.toString()).isEmpty();
    return PacketLoader.load(packet);
  }

  private void write(String relative, String text) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
