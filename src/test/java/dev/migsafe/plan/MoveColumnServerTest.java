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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The move-column playbook's own SQL, run on a real server (the oldest and the newest version
 * under test) with names that need quoting: the dual-write trigger copies inserts and updates,
 * removes the moved row when the value becomes NULL and ignores writes of other columns; the
 * key-range copy brings over the rows written before the trigger; the verification counts
 * what the copy missed; phase D leaves the target.
 */
class MoveColumnServerTest {
  private static final String CURRENT = """
      CREATE TABLE "Orders" (id bigint PRIMARY KEY, note text, "ship to" jsonb);
      """;
  private static final String TARGET = """
      CREATE TABLE "Orders" (id bigint PRIMARY KEY, note text);
      CREATE TABLE "Order Addresses" ("order id" bigint PRIMARY KEY REFERENCES "Orders" (id),
        "ship to" jsonb NOT NULL, verified_at timestamptz);
      """;

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> thePlaybookMovesEveryValueOnARealServer() {
    return Stream.of(PostgresServers.oldestAndNewest()).map(v -> DynamicTest.dynamicTest(
        "PostgreSQL " + PostgresServers.major(v), () -> rehearse(v)));
  }

  private void rehearse(String version) throws Exception {
    int major = PostgresServers.major(version);
    Path packet = dir.resolve("packet-" + major + ".yaml");
    Files.writeString(dir.resolve("current.sql"), CURRENT);
    Files.writeString(dir.resolve("target.sql"), TARGET);
    Files.writeString(packet, """
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: move-quoted
        owner: team-checkout
        dialect: postgresql
        engineVersion: "%d"
        schema: {current: current.sql, target: target.sql}
        transforms:
          - {kind: move-column, table: Orders, column: ship to,
             to: {table: Order Addresses, column: ship to, key: order id}}
        backfill: {batchSize: 3}
        """.formatted(major));
    Plan plan = Migsafe.builder().build().plan(packet,
        new PlanOptions(LocalDateTime.parse("2026-12-07T09:00"), null));
    assertThat(plan.findings()).extracting(Plan.PlanFinding::rule)
        .doesNotContain("plan-target-not-reached");
    EmbeddedPostgres pg = PostgresServers.server(version);
    try (Connection admin = pg.getPostgresDatabase().getConnection();
        Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS migsafe_move");
      st.execute("CREATE DATABASE migsafe_move");
    }
    try (Connection c = pg.getDatabase("postgres", "migsafe_move").getConnection()) {
      c.setAutoCommit(true);
      execute(c, CURRENT);
      // Rows written before the trigger exists: only the copy brings them over.
      execute(c, "INSERT INTO \"Orders\" SELECT g, 'old', jsonb_build_object('n', g)"
          + " FROM generate_series(1, 10) g");
      execute(c, "UPDATE \"Orders\" SET \"ship to\" = NULL WHERE id = 10");
      runPhase(c, plan, "A");

      execute(c, "INSERT INTO \"Orders\" VALUES (11, 'new', '{\"n\": 11}'), (12, 'new', NULL)");
      execute(c, "UPDATE \"Orders\" SET \"ship to\" = '{\"n\": 111}' WHERE id = 11");
      assertThat(count(c, "SELECT count(*) FROM \"Order Addresses\"")).isEqualTo(1);
      assertThat(count(c, "SELECT count(*) FROM \"Order Addresses\" WHERE \"order id\" = 11"
          + " AND \"ship to\" = '{\"n\": 111}'")).isEqualTo(1);
      execute(c, "UPDATE \"Orders\" SET note = 'other column' WHERE id = 12");
      execute(c, "UPDATE \"Orders\" SET \"ship to\" = '{\"n\": 2}' WHERE id = 2");
      Plan.Validation moved = plan.validations().stream()
          .filter(v -> v.id().equals("c1-moved")).findFirst().orElseThrow();
      // Rows 1 and 3-9 have a value and no copy yet: the verification sees each of them.
      assertThat(count(c, moved.sql())).isEqualTo(8);

      runPhase(c, plan, "C");
      assertThat(count(c, moved.sql())).isZero();
      assertThat(count(c, "SELECT count(*) FROM \"Order Addresses\"")).isEqualTo(10);
      // A value set to NULL removes its moved row, so the new table says "no address" too.
      execute(c, "UPDATE \"Orders\" SET \"ship to\" = NULL WHERE id = 11");
      assertThat(count(c, "SELECT count(*) FROM \"Order Addresses\" WHERE \"order id\" = 11"))
          .isZero();

      runPhase(c, plan, "D");
      assertThat(count(c, "SELECT count(*) FROM information_schema.columns WHERE table_name ="
          + " 'Orders' AND column_name = 'ship to'")).isZero();
      assertThat(count(c, "SELECT count(*) FROM pg_proc WHERE proname = 'migsafe_move_column'"))
          .isZero();
      assertThat(count(c, "SELECT count(*) FROM \"Order Addresses\"")).isEqualTo(9);
    }
  }

  /** Every SQL step of the phase in order; a batched step until its batches are exhausted. */
  private static void runPhase(Connection c, Plan plan, String phase) throws SQLException {
    for (Plan.Phase ph : plan.phases()) {
      if (!ph.id().equals(phase)) {
        continue;
      }
      for (Plan.Step s : ph.steps()) {
        if (s.sql() == null) {
          continue;
        }
        if (!s.batched()) {
          execute(c, s.sql());
          continue;
        }
        for (int batch = 0; batch < 100; batch++) {
          try (Statement st = c.createStatement()) {
            if (st.executeUpdate(s.sql()) == 0) {
              break;
            }
          }
        }
      }
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + "\n  in: " + sql, e);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
