package dev.migsafe.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.LockMode;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal.Observation;
import dev.migsafe.api.Rehearsal.StepRun;
import dev.migsafe.api.TableLock;
import dev.migsafe.internal.rehearse.StepExecutorAccess;
import dev.migsafe.locks.PostgresServers;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The observer against a real PostgreSQL: what it reports for statements whose locks the manual
 * states, and that it reports a difference when the prediction is wrong.
 */
class StepExecutorTest {
  private static final String NEWEST = PostgresServers.versions()[PostgresServers.versions().length - 1];
  private Connection migration;
  private Connection observer;
  private String schema;
  private DataSource ds;

  @BeforeEach
  void setUp() throws Exception {
    ds = PostgresServers.server(NEWEST).getPostgresDatabase();
    schema = "steps_" + System.nanoTime();
    migration = ds.getConnection();
    observer = ds.getConnection();
    try (Statement st = migration.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
      st.execute("SET search_path = " + schema);
      st.execute("CREATE TABLE orders (id bigint PRIMARY KEY, note text, total int NOT NULL)");
      st.execute("INSERT INTO orders SELECT g, NULL, g FROM generate_series(1, 2000) g");
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    try (Statement st = observer.createStatement()) {
      st.execute("DROP SCHEMA " + schema + " CASCADE");
    }
    migration.close();
    observer.close();
  }

  private StepRun run(String id, String sql, Observation predicted, boolean batched)
      throws Exception {
    Plan.Step step = new Plan.Step(id, "c1", "t", sql, null, false, null, false, "any",
        Duration.ZERO, null, batched);
    return StepExecutorAccess.run(ds, migration, observer, schema, step, predicted);
  }

  private static Observation predicted(LockMode mode, boolean rewrites, boolean scans) {
    return new Observation(List.of(new TableLock("orders", mode)), rewrites, scans, null, "plan");
  }

  @Test
  void addNullableColumnTakesAccessExclusiveWithoutRewrite() throws Exception {
    StepRun r = run("A1", "ALTER TABLE orders ADD COLUMN customer_email text",
        predicted(LockMode.ACCESS_EXCLUSIVE, false, false), false);
    assertThat(r.error()).isNull();
    assertThat(r.observed().locks()).containsExactly(
        new TableLock("orders", LockMode.ACCESS_EXCLUSIVE));
    assertThat(r.observed().rewritesTable()).isFalse();
    assertThat(r.mismatches()).isEmpty();
    assertThat(r.observed().method()).isEqualTo("in-transaction");
    assertThat(r.matchesPrediction()).isTrue();
  }

  @Test
  void aWrongPredictionIsReportedAsAMismatch() throws Exception {
    // A volatile default rewrites the table; predict the opposite and a weaker lock.
    StepRun r = run("A1", "ALTER TABLE orders ADD COLUMN token double precision DEFAULT random()",
        predicted(LockMode.SHARE_UPDATE_EXCLUSIVE, false, false), false);
    assertThat(r.observed().rewritesTable()).isTrue();
    assertThat(r.matchesPrediction()).isFalse();
    assertThat(r.mismatches()).contains(
        "orders: predicted SHARE UPDATE EXCLUSIVE, observed ACCESS EXCLUSIVE",
        "predicted no table rewrite, observed one");
  }

  @Test
  void checkConstraintScansUnderAccessExclusive() throws Exception {
    StepRun r = run("A1", "ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0)",
        predicted(LockMode.ACCESS_EXCLUSIVE, false, true), false);
    assertThat(r.observed().scansTable()).isTrue();
    assertThat(r.matchesPrediction()).as(String.join("; ", r.mismatches())).isTrue();
  }

  @Test
  void concurrentIndexIsSampledFromASecondSession() throws Exception {
    StepRun r = run("C1", "CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total)",
        predicted(LockMode.SHARE_UPDATE_EXCLUSIVE, false, false), false);
    assertThat(r.error()).isNull();
    assertThat(r.observed().method()).isEqualTo("sampled");
    assertThat(r.observed().locks()).containsExactly(
        new TableLock("orders", LockMode.SHARE_UPDATE_EXCLUSIVE));
    assertThat(r.matchesPrediction()).isTrue();
  }

  @Test
  void batchedBackfillRunsUntilItChangesNoRow() throws Exception {
    StepRun r = run("C1", "UPDATE orders SET note = 'n' || id WHERE id IN (SELECT id FROM orders"
        + " WHERE note IS NULL LIMIT 500)", predicted(LockMode.ROW_EXCLUSIVE, false, false), true);
    assertThat(r.error()).isNull();
    assertThat(r.batches()).isEqualTo(5); // 4 batches of 500, then one that changes nothing
    assertThat(r.matchesPrediction()).as(String.join("; ", r.mismatches())).isTrue();
    try (Statement st = observer.createStatement();
        var rs = st.executeQuery("SELECT count(*) FROM " + schema + ".orders WHERE note IS NULL")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  @Test
  void stepsInsideAPlanTransactionCountOnlyTheLocksTheyAdd() throws Exception {
    run("D1", "BEGIN", new Observation(List.of(), false, false, null, "plan"), false);
    StepRun rename = run("D2", "ALTER TABLE orders RENAME COLUMN note TO remark",
        predicted(LockMode.ACCESS_EXCLUSIVE, false, false), false);
    StepRun again = run("D3", "ALTER TABLE orders ALTER COLUMN remark SET DEFAULT 'x'",
        predicted(LockMode.ACCESS_EXCLUSIVE, false, false), false);
    run("D4", "COMMIT", new Observation(List.of(), false, false, null, "plan"), false);
    assertThat(rename.observed().locks()).containsExactly(
        new TableLock("orders", LockMode.ACCESS_EXCLUSIVE));
    // Already held: nothing new shows, and that still matches the prediction.
    assertThat(again.observed().locks()).isEmpty();
    assertThat(again.matchesPrediction()).isTrue();
  }

  @Test
  void aLockReleasedBeforeCommitIsStillSeenFromOutside() throws Exception {
    // Rolling back to a savepoint releases the locks taken after it: the step's own read at the
    // end cannot see this SHARE lock, the second session sampling meanwhile does.
    StepRun r = run("A1", "SAVEPOINT s; LOCK TABLE orders IN SHARE MODE; SELECT pg_sleep(0.05);"
        + " ROLLBACK TO SAVEPOINT s", predicted(LockMode.SHARE, false, false), false);
    assertThat(r.error()).isNull();
    assertThat(r.observed().locks()).containsExactly(new TableLock("orders", LockMode.SHARE));
  }

  @Test
  void aFailingStepRecordsTheServerError() throws Exception {
    StepRun r = run("A1", "ALTER TABLE orders ADD COLUMN total int",
        predicted(LockMode.ACCESS_EXCLUSIVE, false, false), false);
    assertThat(r.error()).startsWith("42701").contains("already exists");
  }
}
