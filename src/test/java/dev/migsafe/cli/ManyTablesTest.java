package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change may touch more tables than Lucene allows clauses in one query (1,024): {@code plan}
 * and {@code similar} still answer. The catalog search is bounded in {@code SimilarityWeights}.
 */
class ManyTablesTest {
  static final int TABLES = 1_100;

  @TempDir Path dir;

  /**
   * Every table of the packet is a feature of the search for similar past migrations. One
   * step only: planning 1,100 steps works too, but takes ten times as long.
   */
  @Test
  void planOfAPacketOf1100Tables() throws IOException {
    StringBuilder current = new StringBuilder();
    StringBuilder tables = new StringBuilder();
    for (int i = 0; i < TABLES; i++) {
      current.append("    CREATE TABLE t").append(i).append(" (id bigint PRIMARY KEY);\n");
      tables.append("  t").append(i).append(": {rows: 1000}\n");
    }
    Path packet = dir.resolve("packet.yaml");
    Files.writeString(packet, "apiVersion: migsafe/v1\nkind: MigrationPacket\nid: many-tables\n"
        + "title: A note on the first table\nowner: team-x\ndialect: postgresql\n"
        + "engineVersion: \"16\"\nschema:\n  current: |\n" + current + "migration:\n"
        + "  - sql: ALTER TABLE t0 ADD COLUMN note text;\ntables:\n" + tables);
    CliRunner.Run r = CliRunner.run("plan", "--catalog", "catalog", "--format", "json",
        packet.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isIn(0, 1);
    assertThat(r.out()).contains("\"similarPastMigrations\"");
  }

  @Test
  void similarToAMigrationTouching1100Tables() throws IOException {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < TABLES; i++) {
      sql.append("ALTER TABLE t").append(i).append(" ADD COLUMN note text;\n");
    }
    // A table the catalog knows still counts among the many it does not.
    sql.append("ALTER TABLE orders ADD COLUMN currency char(3);\n");
    Path file = dir.resolve("many.sql");
    Files.writeString(file, sql);
    CliRunner.Run r = CliRunner.run("similar", "--catalog", "catalog", "--sql",
        file.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("same table: orders");
  }

  @Test
  void aRecordNamingATableLongerThanLuceneTakesIsSearchedWithTheOthers() throws IOException {
    Path catalog = dir.resolve("catalog");
    Files.createDirectories(catalog.resolve("migrations"));
    Files.copy(Path.of("catalog/migrations/2026-03-orders-currency.yaml"),
        catalog.resolve("migrations/2026-03-orders-currency.yaml"));
    Files.writeString(catalog.resolve("migrations/2026-01-long.yaml"), "apiVersion: migsafe/v1\n"
        + "kind: PastMigration\nid: 2026-01-long\ntitle: Long\nteam: t\ndialect: postgresql\n"
        + "date: 2026-01-01\ntables: [" + "x".repeat(40_000) + "]\nchanges: [add-column]\n"
        + "outcome:\n  status: success\n");
    CliRunner.Run r = CliRunner.run("similar", "--catalog", catalog.toString(), "add column");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("2026-01-long", "2026-03-orders-currency");
  }
}
