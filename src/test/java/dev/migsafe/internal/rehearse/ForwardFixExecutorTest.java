package dev.migsafe.internal.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal.ForwardFixRun;
import dev.migsafe.locks.PostgresServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tree's forward-fix is run where it applies, proven executable or not, and leaves nothing
 * behind: the playbook goes on from the state it left.
 */
class ForwardFixExecutorTest {
  private static EmbeddedPostgres pg;

  @BeforeAll
  static void database() throws SQLException {
    String newest = PostgresServers.versions()[PostgresServers.versions().length - 1];
    pg = PostgresServers.server(newest);
    try (Connection admin = pg.getPostgresDatabase().getConnection();
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS forward_fix");
      s.execute("CREATE DATABASE forward_fix");
    }
    try (Connection c = scratch().connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, code text)");
    }
  }

  private static ScratchDatabase scratch() {
    return new ScratchDatabase() {
      @Override
      public Connection connect() throws SQLException {
        return pg.getDatabase("postgres", "forward_fix").getConnection();
      }

      @Override
      public String schema() {
        return "public";
      }

      @Override
      public String serverVersion() {
        try (Connection c = connect()) {
          return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public boolean embedded() {
        return true;
      }

      @Override
      public String description() {
        return "test";
      }

      @Override
      public String host() {
        return "localhost";
      }

      @Override
      public ScratchDatabase companion() {
        throw new UnsupportedOperationException("a forward-fix needs no companion database");
      }

      @Override
      public void close() {}
    };
  }

  private static ForwardFixPath fix(String... sql) {
    return new ForwardFixPath("c1", "drop-column", "D4",
        List.of("pointOfNoReturnPassed=yes"), List.of(sql));
  }

  private static boolean hasColumn(String column) throws SQLException {
    try (Connection c = scratch().connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.columns "
            + "WHERE table_name = 'orders' AND column_name = '" + column + "'")) {
      rs.next();
      return rs.getInt(1) == 1;
    }
  }

  @Test
  void anExecutableFixRunsAndIsRolledBack() throws SQLException {
    ForwardFixRun run = new ForwardFixExecutor(scratch()).run(fix(
        "ALTER TABLE orders ADD COLUMN IF NOT EXISTS email text",
        "CREATE INDEX CONCURRENTLY orders_email_idx ON orders (email)"));
    assertThat(run.error()).isNull();
    assertThat(run.statements()).extracting(s -> s.error()).containsExactly(null, null);
    // The statements as the tree wrote them, and what the run changed about them.
    assertThat(run.statements().get(1).sql()).contains("CONCURRENTLY");
    assertThat(run.note()).contains("without CONCURRENTLY");
    assertThat(hasColumn("email")).isFalse();
  }

  @Test
  void aFixThatNamesWhatDoesNotExistFailsAndStopsThere() throws SQLException {
    ForwardFixRun run = new ForwardFixExecutor(scratch()).run(fix(
        "ALTER TABLE orders ALTER COLUMN customer_id SET DEFAULT 0",
        "ALTER TABLE orders ADD COLUMN email text"));
    assertThat(run.error()).contains("column \"customer_id\" of relation \"orders\" does not "
        + "exist");
    assertThat(run.statements()).hasSize(1);
    assertThat(run.note()).isEqualTo("1 statement(s) after the failing one did not run");
    assertThat(hasColumn("email")).isFalse();
  }

  @Test
  void theFirstForwardFixWithSqlAfterThePointOfNoReturnIsChosen() {
    Plan.Node prose = new Plan.Node(null, null, null, "forward-fix",
        List.of("Fix the mapping and redeploy."), Duration.ofHours(1));
    Plan.Node sql = new Plan.Node(null, null, null, "forward-fix",
        List.of("Put the column back:", "ALTER TABLE orders ADD COLUMN IF NOT EXISTS email text"),
        Duration.ofHours(1));
    Plan.Node before = new Plan.Node(null, null, null, "forward-fix",
        List.of("ALTER TABLE orders DROP COLUMN email"), Duration.ofHours(1));
    Plan.Node afterPoint = new Plan.Node("Did an alert fire?", prose, sql, null, List.of(), null,
        "errorRateAboveThreshold");
    Plan.Node root = new Plan.Node("Passed?", afterPoint, before, null, List.of(), null,
        "pointOfNoReturnPassed");
    Plan.DecisionTree tree = new Plan.DecisionTree("drop-column", "c1", "t", root, "D4");
    Plan.DecisionTree noPoint = new Plan.DecisionTree("add-column", "c2", "t", root, null);
    Plan plan = new Plan(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(tree, noPoint), List.of(), List.of(), List.of());
    assertThat(ForwardFixPath.of(plan)).containsExactly(new ForwardFixPath("c1", "drop-column",
        "D4", List.of("pointOfNoReturnPassed=yes", "errorRateAboveThreshold=no"),
        List.of("ALTER TABLE orders ADD COLUMN IF NOT EXISTS email text")));
  }
}
