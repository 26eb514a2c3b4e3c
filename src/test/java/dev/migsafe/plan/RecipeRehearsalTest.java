package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Change;
import dev.migsafe.api.Plan;
import dev.migsafe.internal.plan.ChangeTemplate;
import dev.migsafe.internal.plan.Recipe;
import dev.migsafe.internal.plan.Recipe.RecipeStep;
import dev.migsafe.internal.plan.Template;
import dev.migsafe.internal.rehearse.StepExecutorAccess;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import dev.migsafe.locks.PostgresServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every recipe, filled for the sample change of {@link RecipeLibraryTest}, on a real
 * PostgreSQL server (the oldest and the newest version under test, so both sides of the
 * version-dependent steps): all its steps must run in order, backfills until they change no
 * row, and each SQL step is observed as {@code rehearse} observes it (locks, rewrite, scan) and
 * must match what lint predicts for it on the schema the steps before it left; and the
 * rollbacks of the steps before the point of no return, in reverse order, must restore the
 * catalog exactly.
 */
class RecipeRehearsalTest {
  private static final String DATABASE = "migsafe_recipes";
  private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

  private static final String SEED = """
      INSERT INTO customers VALUES (1, 'a@example.com', 'Ada Lovelace', 'gold'),
        (2, 'b@example.com', 'Bob Stone', NULL), (3, 'c@example.com', NULL, NULL);
      INSERT INTO coupons VALUES (1, 'SPRING');
      INSERT INTO legacy_carts VALUES (1, 'x');
      INSERT INTO orders (customer_id, status, total, quantity, points, email, shipping_street,
        shipping_city, currency, legacy_code)
        SELECT 1 + g % 3, 'paid', g, 1 + g % 4, CASE WHEN g % 2 = 0 THEN g END,
          'o' || g || '@example.com', 'Main St ' || g, 'Berlin', 'EUR', 'L' || g
        FROM generate_series(1, 11) g;
      INSERT INTO order_events VALUES (1, 1, '{}'), (1, 2, '{}'), (2, 1, '{}')
      """;

  /** What a person does for the action steps that change the schema, for the sample changes. */
  private static final Map<String, List<String>> ACTIONS = Map.of(
      "split-column: Add the new columns", List.of(
          "ALTER TABLE customers ADD COLUMN first_name text, ADD COLUMN last_name text"),
      "merge-column: Drop the old columns", List.of(
          "ALTER TABLE orders DROP COLUMN shipping_street, DROP COLUMN shipping_city"),
      "create-table: Create the table", List.of("CREATE TABLE refunds (id bigint PRIMARY KEY,"
          + " order_id integer NOT NULL, amount numeric(12,2) NOT NULL)"),
      "create-table: Add its foreign keys", List.of(
          "ALTER TABLE refunds ADD CONSTRAINT refunds_order_id_fkey FOREIGN KEY (order_id)"
              + " REFERENCES orders (id) NOT VALID",
          "ALTER TABLE refunds VALIDATE CONSTRAINT refunds_order_id_fkey"),
      "change-type-primary-key: Widen the id sequence", List.of(
          "ALTER SEQUENCE orders_id_seq AS bigint"),
      "change-type-primary-key: Hand the sequence", List.of(
          "ALTER SEQUENCE orders_id_seq OWNED BY orders.id"),
      "remove-enum-value: Move the rows off the label", List.of(
          "UPDATE orders SET status = 'pending' WHERE status = 'cancelled'"),
      "remove-enum-value: Create the replacement type", List.of(
          "CREATE TYPE order_status_new AS ENUM ('pending', 'paid', 'shipped')"),
      "remove-enum-value: Move every column", List.of(
          "ALTER TABLE orders ALTER COLUMN status DROP DEFAULT",
          "ALTER TABLE orders ALTER COLUMN status TYPE order_status_new"
              + " USING status::text::order_status_new",
          "ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending'"),
      "remove-enum-value: Give the replacement", List.of(
          "ALTER TYPE order_status_new RENAME TO order_status"));

  /** Steps without a rollback that still leave the catalog as it was (or only relax it). */
  private static final Pattern NEUTRAL = Pattern.compile(
      "(?is)(ALTER TABLE .* VALIDATE CONSTRAINT .*|CREATE OR REPLACE FUNCTION .*"
          + "|ALTER TABLE .* DROP NOT NULL)");

  private static final String SNAPSHOT = """
      SELECT x FROM (
        SELECT format('column %s.%s %s %s %s', table_name, column_name, data_type, is_nullable,
          column_default) AS x FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL SELECT format('constraint %s %s %s %s', conrelid::regclass, conname,
          pg_get_constraintdef(oid), convalidated) FROM pg_constraint
          WHERE connamespace = 'public'::regnamespace
        UNION ALL SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL SELECT format('trigger %s %s', tgrelid::regclass, tgname) FROM pg_trigger
          WHERE NOT tgisinternal
        UNION ALL SELECT format('relation %s %s', relname, relkind) FROM pg_class
          WHERE relnamespace = 'public'::regnamespace
        UNION ALL SELECT format('enum %s %s', enumtypid::regtype, enumlabel) FROM pg_enum
      ) s ORDER BY x
      """;

  @TestFactory
  Stream<DynamicNode> everyRecipeRunsAndItsRollbackRestoresTheCatalog() throws Exception {
    Map<String, Recipe> recipes = RecipeLibraryTest.loadAll(new ArrayList<>());
    List<DynamicNode> perVersion = new ArrayList<>();
    for (String version : PostgresServers.oldestAndNewest()) {
      int major = PostgresServers.major(version);
      List<DynamicTest> tests = new ArrayList<>();
      for (Recipe r : recipes.values()) {
        tests.add(DynamicTest.dynamicTest("PostgreSQL " + major + " › " + r.id(),
            () -> rehearse(version, major, r)));
      }
      perVersion.add(DynamicContainer.dynamicContainer("PostgreSQL " + version, tests));
    }
    return perVersion.stream();
  }

  private static void rehearse(String version, int major, Recipe r) throws Exception {
    Change c = RecipeLibraryTest.sampleFor(r, r.kinds().get(0));
    Schema current = SchemaReader.read(RecipeLibraryTest.CURRENT);
    Schema target = SchemaReader.read(RecipeLibraryTest.TARGET);
    Template t = ChangeTemplate.of(c, current, target, 3);
    List<RecipeStep> steps = new ArrayList<>();
    for (RecipeStep s : r.steps()) {
      if (RecipeLibraryTest.included(s, major, Boolean.TRUE.equals(c.notNull()),
          c.defaultValue() != null, t)) {
        steps.add(s);
      }
    }
    try (Connection conn = connect(version)) {
      reset(conn);
      observeEachStep(version, major, conn, r, steps, t);

      reset(conn);
      List<String> before = snapshot(conn);
      List<RecipeStep> prefix = beforePointOfNoReturn(steps);
      boolean restorable = true;
      for (RecipeStep s : prefix) {
        restorable &= run(conn, r, s, t) && (s.sql() == null || s.rollback() != null
            || NEUTRAL.matcher(t.fill(s.sql())).matches());
      }
      for (int i = prefix.size() - 1; i >= 0; i--) {
        if (prefix.get(i).rollback() != null) {
          execute(conn, t.fill(prefix.get(i).rollback()));
        }
      }
      if (restorable) {
        assertThat(snapshot(conn)).as("catalog after the rollback of %s", r.id())
            .isEqualTo(before);
      }
    }
  }

  /**
   * Runs the steps through the rehearsal's observer, each against lint's prediction for it on
   * the schema so far (the sample schema, then every statement run before it).
   */
  private static void observeEachStep(String version, int major, Connection conn, Recipe r,
      List<RecipeStep> steps, Template t) throws Exception {
    StringBuilder schemaSoFar = new StringBuilder(RecipeLibraryTest.CURRENT).append(";\n");
    javax.sql.DataSource ds = PostgresServers.server(version).getDatabase("postgres", DATABASE);
    List<String> mismatches = new ArrayList<>();
    try (Connection observer = ds.getConnection()) {
      for (int i = 0; i < steps.size(); i++) {
        RecipeStep s = steps.get(i);
        String sql = s.sql() != null ? t.fill(s.sql()) : s.backfill() != null
            ? t.fill(s.backfill()) : null;
        if (sql == null) {
          run(conn, r, s, t);
          actionSql(r, s).forEach(a -> schemaSoFar.append(a).append(";\n"));
          continue;
        }
        Plan.Step step = new Plan.Step("S" + i, "c1", s.title(), sql, null, false, null, false,
            "any", java.time.Duration.ZERO, null, s.backfill() != null);
        dev.migsafe.api.Rehearsal.StepRun run = StepExecutorAccess.run(ds, conn, observer,
            "public", major, step, predict(major, schemaSoFar.toString(), sql));
        assertThat(run.error()).as("%s step %s: %s", r.id(), i, sql).isNull();
        if (!run.matchesPrediction()) {
          mismatches.add(sql + ": " + run.mismatches());
        }
        schemaSoFar.append(sql).append(";\n");
      }
    }
    assertThat(mismatches).as("steps of %s where the server did not do what lint predicts",
        r.id()).isEmpty();
  }

  /** What lint says one statement does to each table, on the schema built by {@code setup}. */
  private static dev.migsafe.api.Rehearsal.Observation predict(int major, String setup,
      String sql) throws java.io.IOException {
    java.nio.file.Path schema = java.nio.file.Files.createTempFile("recipe-schema", ".sql");
    try {
      java.nio.file.Files.writeString(schema, setup);
      dev.migsafe.api.LintResult result = dev.migsafe.Migsafe.builder().options(
          dev.migsafe.api.LintOptions.defaults().withEngineVersion(major)
              .withTransactionMode(dev.migsafe.api.TransactionMode.NEVER)
              .withSchemaFile(schema)).build().lint("step.sql", sql);
      Map<String, dev.migsafe.api.LockMode> locks = new java.util.TreeMap<>();
      boolean rewrites = false;
      boolean scans = false;
      for (dev.migsafe.api.StatementResult st : result.files().get(0).statements()) {
        st.locks().forEach(l -> locks.merge(l.table(), l.mode(),
            dev.migsafe.api.LockMode::strongest));
        rewrites |= st.rewritesTable();
        scans |= st.scansTable();
      }
      List<dev.migsafe.api.TableLock> out = new ArrayList<>();
      locks.forEach((table, mode) -> out.add(new dev.migsafe.api.TableLock(table, mode)));
      return new dev.migsafe.api.Rehearsal.Observation(out, rewrites, scans, null, "lint");
    } finally {
      java.nio.file.Files.deleteIfExists(schema);
    }
  }

  private static List<String> actionSql(Recipe r, RecipeStep s) {
    for (Map.Entry<String, List<String>> e : ACTIONS.entrySet()) {
      if ((r.id() + ": " + s.title()).startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return List.of();
  }

  /**
   * The steps a rollback may undo. When the point of no return is the COMMIT of a transaction,
   * the statements inside it are undone by ROLLBACK, so the prefix ends before its BEGIN.
   */
  private static List<RecipeStep> beforePointOfNoReturn(List<RecipeStep> steps) {
    int end = steps.size();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).pointOfNoReturn()) {
        end = i;
        if ("COMMIT".equals(steps.get(i).sql())) {
          while (end > 0 && !"BEGIN".equals(steps.get(end - 1).sql())) {
            end--;
          }
          end = Math.max(0, end - 1);
        }
        break;
      }
    }
    return steps.subList(0, end);
  }

  /** Runs one step; false when it was an action done by hand with SQL from {@link #ACTIONS}. */
  private static boolean run(Connection conn, Recipe r, RecipeStep s, Template t)
      throws SQLException {
    if (s.sql() != null) {
      execute(conn, t.fill(s.sql()));
    } else if (s.backfill() != null) {
      String sql = t.fill(s.backfill());
      for (int batch = 0; batch < 1000; batch++) {
        try (Statement st = conn.createStatement()) {
          if (st.executeUpdate(sql) == 0) {
            break;
          }
        }
      }
    } else {
      for (Map.Entry<String, List<String>> e : ACTIONS.entrySet()) {
        if ((r.id() + ": " + s.title()).startsWith(e.getKey())) {
          for (String sql : e.getValue()) {
            execute(conn, sql);
          }
          return false;
        }
      }
    }
    return true;
  }

  private static void execute(Connection conn, String sql) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + "\n  in: " + sql, e);
    }
  }

  private static Connection connect(String version) throws SQLException {
    EmbeddedPostgres pg = PostgresServers.server(version);
    if (CREATED.add(version)) {
      try (Connection admin = pg.getPostgresDatabase().getConnection();
          Statement st = admin.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + DATABASE);
        st.execute("CREATE DATABASE " + DATABASE);
      }
    }
    Connection conn = pg.getDatabase("postgres", DATABASE).getConnection();
    conn.setAutoCommit(true);
    return conn;
  }

  private static void reset(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("DROP SCHEMA public CASCADE");
      st.execute("CREATE SCHEMA public");
      st.execute(RecipeLibraryTest.CURRENT);
      st.execute(SEED);
    }
  }

  private static List<String> snapshot(Connection conn) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(SNAPSHOT)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
