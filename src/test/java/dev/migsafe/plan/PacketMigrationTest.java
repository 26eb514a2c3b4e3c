package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.Migsafe;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import dev.migsafe.api.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A packet's own migration is linted, scaled by workload, and checked to reach the target. */
class PacketMigrationTest {
  @TempDir Path dir;

  private Plan plan(String rows, String sizeGb, String writes, String migration)
      throws IOException {
    Files.writeString(dir.resolve("current.sql"),
        "CREATE TABLE orders (id bigint PRIMARY KEY, status text);");
    Files.writeString(dir.resolve("target.sql"),
        "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n"
            + "CREATE INDEX orders_status_idx ON orders (status);");
    Files.writeString(dir.resolve("packet.yaml"), """
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: index-status
        owner: team-orders
        dialect: postgresql
        schema: {current: current.sql, target: target.sql}
        migration:
          - sql: "%s"
        tables:
          orders: {rows: %s, sizeGb: %s, writesPerSecond: %s}
        """.formatted(migration, rows, sizeGb, writes));
    return Migsafe.builder().build().plan(dir.resolve("packet.yaml"),
        new PlanOptions(LocalDateTime.parse("2026-12-07T09:00"), null));
  }

  private static Severity severityOf(Plan plan, String rule) {
    return plan.findings().stream().filter(f -> f.rule().equals(rule)).findFirst()
        .orElseThrow().severity();
  }

  @Test
  void anIndexOnAnEmptyTableIsNotAnIndexOn400Gb() throws IOException {
    String sql = "CREATE INDEX orders_status_idx ON orders (status);";
    assertThat(severityOf(plan("2000", "0.01", "1", sql), "pg-create-index-non-concurrently"))
        .isEqualTo(Severity.LOW);
    assertThat(severityOf(plan("900000000", "400", "900", sql),
        "pg-create-index-non-concurrently")).isEqualTo(Severity.BLOCKER);
  }

  @Test
  void aMigrationThatMissesTheTargetIsAFinding() throws IOException {
    Plan plan = plan("2000", "0.01", "1", "ALTER TABLE orders ADD COLUMN note text;");
    assertThat(plan.findings()).extracting(Plan.PlanFinding::rule)
        .contains("plan-migration-does-not-reach-target");
    assertThat(plan.findings()).filteredOn(f -> f.rule().equals(
        "plan-migration-does-not-reach-target")).singleElement().satisfies(f ->
            assertThat(f.message()).contains("add-index orders").contains("drop-column orders.note"));
  }

  @Test
  void aMigrationThatReachesTheTargetIsQuiet() throws IOException {
    Plan plan = plan("2000", "0.01", "1",
        "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);");
    assertThat(plan.findings()).extracting(Plan.PlanFinding::rule)
        .doesNotContain("plan-migration-does-not-reach-target");
  }
}
