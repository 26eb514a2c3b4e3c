package dev.migsafe.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.Migsafe;
import dev.migsafe.api.LintOptions;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.LockMode;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.TableLock;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The oracle: every statement form of {@code lock-oracle/forms.yaml} runs on a real PostgreSQL
 * of the oldest and the newest supported major, and what the server did must equal what migsafe
 * predicts. Transactional forms run inside a transaction that is rolled back, reading {@code
 * pg_locks} (granted locks of this backend), {@code pg_class.relfilenode} before and after
 * (rewrite) and {@code pg_stat_xact_user_tables.seq_scan} (scan). Forms that cannot run in a
 * transaction block are observed from a second connection: a third session holds SHARE UPDATE
 * EXCLUSIVE on the table, so the form queues and {@code pg_locks} shows the mode it requests;
 * their rewrite is read from {@code relfilenode} after they complete.
 */
class PgLockOracleTest {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  @TestFactory
  Stream<DynamicNode> serverAgreesWithMigsafe() throws IOException {
    OracleForm.File file = load();
    return PostgresServers.perVersion((version, major) -> {
      List<DynamicTest> tests = new ArrayList<>();
      for (OracleForm form : file.forms()) {
        if (form.appliesTo(major)) {
          tests.add(DynamicTest.dynamicTest("PostgreSQL " + major + " › " + form.name(),
              () -> check(version, major, file.setup(), form)));
        }
      }
      return tests;
    }).stream();
  }

  static OracleForm.File load() throws IOException {
    return PostgresServers.yaml("/lock-oracle/forms.yaml", OracleForm.File.class);
  }

  private static void check(String version, int major, String baseSetup, OracleForm form)
      throws Exception {
    String setup = baseSetup + (form.setup() == null ? "" : ";\n" + form.setup());
    ObservedFacts predicted = predict(major, setup, form.sql());
    ObservedFacts observed = observe(PostgresServers.server(version).getPostgresDatabase(), setup,
        form);
    if (predicted.fails() || observed.fails()) {
      assertThat(observed.fails()).as("fails on a non-empty table; predicted %s, observed %s",
          predicted, observed).isEqualTo(predicted.fails());
      return;
    }
    if (form.checks("locks")) {
      assertThat(only(observed.locks(), form)).as("locks of: %s", form.sql())
          .isEqualTo(only(predicted.locks(), form));
    }
    if (form.checks("rewrite")) {
      assertThat(observed.rewrites()).as("rewrite of: %s", form.sql())
          .isEqualTo(predicted.rewrites());
    }
    if (form.checks("scan") && observed.scans() != null) {
      assertThat(observed.scans()).as("scan of: %s", form.sql()).isEqualTo(predicted.scans());
    }
  }

  private static Map<String, LockMode> only(Map<String, LockMode> locks, OracleForm form) {
    if (form.tables() == null || form.tables().isEmpty()) {
      return locks;
    }
    Map<String, LockMode> kept = new java.util.TreeMap<>(locks);
    kept.keySet().retainAll(form.tables());
    return kept;
  }

  /** migsafe's facts for the form, with the setup as the starting schema. */
  private static ObservedFacts predict(int major, String setup, String sql) throws IOException {
    Path schema = Files.createTempFile("oracle-schema", ".sql");
    try {
      Files.writeString(schema, setup);
      LintOptions options = LintOptions.defaults().withEngineVersion(major).withSchemaFile(schema);
      LintResult result = Migsafe.builder().options(options).build().lint("form.sql", sql);
      Map<String, LockMode> locks = new HashMap<>();
      boolean rewrites = false;
      boolean scans = false;
      boolean fails = false;
      for (StatementResult s : result.files().get(0).statements()) {
        for (TableLock l : s.locks()) {
          locks.merge(l.table(), l.mode(), LockMode::strongest);
        }
        rewrites |= s.rewritesTable();
        scans |= s.scansTable();
        fails |= s.failsOnNonEmptyTable();
      }
      return new ObservedFacts(locks, rewrites, scans, fails);
    } finally {
      Files.deleteIfExists(schema);
    }
  }

  private static ObservedFacts observe(DataSource ds, String setup, OracleForm form)
      throws Exception {
    String schema = "oracle_" + SCHEMAS.incrementAndGet();
    try (Connection admin = ds.getConnection()) {
      admin.setAutoCommit(true);
      try (Statement st = admin.createStatement()) {
        st.execute("CREATE SCHEMA " + schema);
        st.execute("SET search_path = " + schema);
        for (String s : statements(setup)) {
          st.execute(s);
        }
      }
      try {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, Long> fileNodes = new HashMap<>();
        try (PreparedStatement ps = admin.prepareStatement(
            "SELECT c.oid, c.relname, c.relfilenode FROM pg_class c "
                + "WHERE c.relnamespace = ?::regnamespace AND c.relkind IN ('r', 'p', 'm')")) {
          ps.setString(1, schema);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              names.put(rs.getLong(1), rs.getString(2));
              fileNodes.put(rs.getLong(1), rs.getLong(3));
            }
          }
        }
        return form.nonTransactional()
            ? observeOutsideTransaction(ds, admin, schema, form, names, fileNodes)
            : observeInTransaction(ds, schema, form, names, fileNodes);
      } finally {
        try (Statement st = admin.createStatement()) {
          st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
      }
    }
  }

  private static ObservedFacts observeInTransaction(DataSource ds, String schema, OracleForm form,
      Map<Long, String> names, Map<Long, Long> fileNodes) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        st.execute("SET search_path = " + schema);
      }
      c.setAutoCommit(false);
      Array oids = c.createArrayOf("oid", names.keySet().toArray());
      // The session's pending statistics include earlier work, so scans are counted as the
      // difference across the form.
      long scansBefore = seqScans(c, oids);
      try (Statement st = c.createStatement()) {
        for (String s : statements(form.sql())) {
          st.execute(s);
        }
      } catch (SQLException e) {
        c.rollback();
        return new ObservedFacts(Map.of(), null, null, true);
      }
      Map<String, LockMode> locks = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT relation, mode FROM pg_locks "
          + "WHERE locktype = 'relation' AND pid = pg_backend_pid() AND granted "
          + "AND relation = ANY(?)")) {
        ps.setArray(1, oids);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            locks.merge(names.get(rs.getLong(1)), ObservedFacts.parseMode(rs.getString(2)),
                LockMode::strongest);
          }
        }
      }
      boolean rewrites = rewritten(c, oids, fileNodes);
      boolean scans = seqScans(c, oids) > scansBefore;
      c.rollback();
      return new ObservedFacts(locks, rewrites, scans, false);
    }
  }

  /** Whether any table's relfilenode differs from before: its storage was rewritten. */
  private static boolean rewritten(Connection c, Array oids, Map<Long, Long> fileNodes)
      throws SQLException {
    boolean rewrites = false;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT oid, relfilenode FROM pg_class WHERE oid = ANY(?)")) {
      ps.setArray(1, oids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rewrites |= rs.getLong(2) != fileNodes.get(rs.getLong(1));
        }
      }
    }
    return rewrites;
  }

  private static long seqScans(Connection c, Array oids) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT coalesce(sum(seq_scan), 0) FROM pg_stat_xact_user_tables WHERE relid = ANY(?)")) {
      ps.setArray(1, oids);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static ObservedFacts observeOutsideTransaction(DataSource ds, Connection admin,
      String schema, OracleForm form, Map<Long, String> names, Map<Long, Long> fileNodes)
      throws Exception {
    String target = firstTableOf(form.sql(), names);
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try (Connection blocker = ds.getConnection(); Connection work = ds.getConnection()) {
      blocker.setAutoCommit(false);
      try (Statement st = blocker.createStatement()) {
        // SHARE UPDATE EXCLUSIVE lets the brief ACCESS SHARE look-ups of VACUUM and friends
        // through and stops the first real lock, SHARE UPDATE EXCLUSIVE or stronger.
        st.execute("LOCK TABLE " + schema + "." + target + " IN SHARE UPDATE EXCLUSIVE MODE");
      }
      int pid;
      try (Statement st = work.createStatement()) {
        st.execute("SET search_path = " + schema);
        try (ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
          rs.next();
          pid = rs.getInt(1);
        }
      }
      Future<Boolean> run = worker.submit(() -> {
        try (Statement st = work.createStatement()) {
          st.execute(form.sql());
          return true;
        } catch (SQLException e) {
          return false;
        }
      });
      Map<String, LockMode> locks = new HashMap<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      Array oids = admin.createArrayOf("oid", names.keySet().toArray());
      while (locks.isEmpty() && System.nanoTime() < deadline && !run.isDone()) {
        try (PreparedStatement ps = admin.prepareStatement("SELECT relation, mode FROM pg_locks "
            + "WHERE locktype = 'relation' AND pid = ? AND NOT granted AND relation = ANY(?)")) {
          ps.setInt(1, pid);
          ps.setArray(2, oids);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              locks.merge(names.get(rs.getLong(1)), ObservedFacts.parseMode(rs.getString(2)),
                  LockMode::strongest);
            }
          }
        }
        Thread.sleep(20);
      }
      blocker.rollback();
      boolean ok = run.get(60, TimeUnit.SECONDS);
      if (!ok) {
        return new ObservedFacts(Map.of(), null, null, true);
      }
      return new ObservedFacts(locks, rewritten(admin, oids, fileNodes), null, false);
    } finally {
      worker.shutdownNow();
    }
  }

  /** The first table of the setup that the form's text names: the one to hold locked. */
  private static String firstTableOf(String sql, Map<Long, String> names) {
    String lower = sql.toLowerCase(java.util.Locale.ROOT);
    String best = null;
    int bestAt = Integer.MAX_VALUE;
    for (String n : names.values()) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + n + "\\b").matcher(lower);
      if (m.find() && m.start() < bestAt) {
        best = n;
        bestAt = m.start();
      }
    }
    if (best == null && lower.contains("orders_customer_idx")) {
      best = "orders";
    }
    return best == null ? "orders" : best;
  }

  private static List<String> statements(String sql) {
    return SqlSplitter.split(sql).stream().map(SourceStatement::text).toList();
  }
}
