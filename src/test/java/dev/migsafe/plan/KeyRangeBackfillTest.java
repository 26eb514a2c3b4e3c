package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.Migsafe;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import dev.migsafe.locks.PostgresServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backfill walks the primary key in ranges with its progress in a table: it is resumable,
 * it ends by changing no row, it copies every row whatever the gaps in the keys, and operators
 * get its progress, pause and guard queries. Run on a real PostgreSQL.
 */
class KeyRangeBackfillTest {
  @TempDir Path tmp;

  private Plan plan(String currentDdl, String targetDdl, String extra) throws Exception {
    Path packet = tmp.resolve("packet.yaml");
    Files.writeString(packet, """
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: orders-ref
        title: orders.reference becomes ref
        owner: team-x
        reviewers: [dba]
        dialect: postgresql
        engineVersion: "17"
        schema:
          current: |
            %s
          target: |
            %s
        renames:
          - {table: orders, from: reference, to: ref}
        tables:
          orders: {rows: 20000000, sizeGb: 8, writesPerSecond: 50, readsPerSecond: 500}
        backfill: {batchSize: 7, pauseBetweenBatches: 10ms%s}
        constraints: {maxLockWait: 2s, replicationLagLimit: 5s}
        """.formatted(currentDdl, targetDdl, extra));
    return Migsafe.builder().build().plan(packet, new PlanOptions(null, null, null));
  }

  private Plan renamePlan() throws Exception {
    return plan("CREATE TABLE orders (id bigint PRIMARY KEY, reference text);",
        "CREATE TABLE orders (id bigint PRIMARY KEY, ref text);", ", maxDeadTuplePercent: 15");
  }

  private static List<Plan.Step> steps(Plan plan, String phase) {
    return plan.phases().stream().filter(p -> p.id().equals(phase)).findFirst().orElseThrow()
        .steps().stream().filter(s -> s.sql() != null).toList();
  }

  @Test
  void anIntegerKeyIsWalkedInRangesWithItsProgressInATableDroppedAtTheEnd() throws Exception {
    Plan plan = renamePlan();
    List<Plan.Step> c = steps(plan, "C");
    assertThat(c).extracting(Plan.Step::sql).anySatisfy(sql -> assertThat(sql)
        .startsWith("CREATE TABLE IF NOT EXISTS \"migsafe_backfill_orders_reference\""));
    Plan.Step batch = c.stream().filter(Plan.Step::batched).findFirst().orElseThrow();
    assertThat(batch.sql()).contains("\"orders\".\"id\" >= job.migsafe_next_key",
        "< job.migsafe_next_key + 7", "UPDATE \"migsafe_backfill_orders_reference\"")
        .doesNotContain("LIMIT");
    assertThat(steps(plan, "D")).extracting(Plan.Step::sql)
        .contains("DROP TABLE IF EXISTS \"migsafe_backfill_orders_reference\"");
    Plan.BackfillControl control = plan.backfills().get(0);
    assertThat(control.stepId()).isEqualTo(batch.id());
    assertThat(control.estimatedBatches()).isEqualTo((20_000_000L + 6) / 7);
    assertThat(control.replicaLagLimit()).hasSeconds(5);
    assertThat(control.deadTuplePercentLimit()).isEqualTo(15);
    assertThat(control.resume()).contains("run step " + batch.id() + " again");
  }

  @Test
  void aKeyThatIsNotOneIntegerKeepsTheRecipesForm() throws Exception {
    Plan plan = plan("CREATE TABLE orders (id uuid PRIMARY KEY, reference text);",
        "CREATE TABLE orders (id uuid PRIMARY KEY, ref text);", "");
    assertThat(plan.backfills()).isEmpty();
    assertThat(steps(plan, "C").stream().filter(Plan.Step::batched).findFirst().orElseThrow()
        .sql()).contains("LIMIT 7");
  }

  @Test
  void theBatchesCopyEveryRowAcrossGapsAndResumeWhereTheyStopped() throws Exception {
    Plan plan = renamePlan();
    List<Plan.Step> c = steps(plan, "C");
    String create = c.stream().filter(s -> s.sql().startsWith("CREATE TABLE")).findFirst()
        .orElseThrow().sql();
    String seed = c.stream().filter(s -> s.sql().startsWith("INSERT INTO")).findFirst()
        .orElseThrow().sql();
    String batch = c.stream().filter(Plan.Step::batched).findFirst().orElseThrow().sql();
    EmbeddedPostgres pg = PostgresServers.server(
        PostgresServers.versions()[PostgresServers.versions().length - 1]);
    try (Connection admin = pg.getPostgresDatabase().getConnection();
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS key_range_backfill");
      s.execute("CREATE DATABASE key_range_backfill");
    }
    try (Connection db = pg.getDatabase("postgres", "key_range_backfill").getConnection();
        Statement s = db.createStatement()) {
      s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, reference text, ref text)");
      // Keys with gaps, and rows that dual-write already copied.
      s.execute("INSERT INTO orders SELECT g * 3, 'r' || g, CASE WHEN g % 5 = 0 THEN 'r' || g "
          + "END FROM generate_series(1, 100) g");
      s.execute(create);
      s.execute(seed);
      assertThat(s.executeUpdate(batch)).isEqualTo(1);
      assertThat(s.executeUpdate(batch)).isEqualTo(1);
      // Stopped here; the operator runs the key-range step again, then resumes.
      s.execute(create);
      s.execute(seed);
      try (ResultSet rs = s.executeQuery("SELECT next_key FROM migsafe_backfill_orders_reference")) {
        rs.next();
        assertThat(rs.getLong(1)).as("the progress survives a rerun").isEqualTo(3 + 14);
      }
      int batches = 2;
      while (s.executeUpdate(batch) > 0) {
        batches++;
        assertThat(batches).isLessThan(1000);
      }
      assertThat(batches).isEqualTo((300 - 3) / 7 + 1);
      try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE ref IS DISTINCT FROM "
          + "reference), (SELECT rows_done FROM migsafe_backfill_orders_reference) FROM orders")) {
        rs.next();
        assertThat(rs.getLong(1)).as("rows left behind").isZero();
        assertThat(rs.getLong(2)).as("rows the batches changed").isEqualTo(80);
      }
      Plan.BackfillControl control = plan.backfills().get(0);
      try (ResultSet rs = s.executeQuery(control.progressQuery())) {
        rs.next();
        assertThat(rs.getDouble("percent_done")).isGreaterThanOrEqualTo(100.0);
      }
      s.executeQuery(control.replicaLagQuery()).close();
      s.executeQuery(control.deadTupleQuery()).close();
    }
  }
}
