package dev.migsafe.internal.rehearse;

import dev.migsafe.internal.catalog.SqlQuoting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.postgresql.PGStatement;

/**
 * The queries of one table and kind, one after another on one connection at a fixed rate. A
 * query blocked behind a step delays the next one, as a real client's would; after a delay the
 * loop resumes its rate without catching up, so a long lock wait is not followed by a burst.
 */
final class QueryLoop implements Runnable {
  /** The name the lock observer tells workload sessions apart by. */
  static final String APPLICATION_NAME = "migsafe-workload";
  private static final long IDLE = Long.MIN_VALUE;

  private final ConnectionFactory connections;
  private final WorkloadTable table;
  private final QueryKind kind;
  private final double perSecond;
  private final long periodNanos;
  private final List<Object[]> keys;
  private final Duration statementTimeout;
  private final QueryLog log;
  private final String sql;

  private volatile boolean stopping;
  /** {@code System.nanoTime()} when the running query started, {@link #IDLE} between queries. */
  private volatile long runningSince = IDLE;
  private volatile Connection connection;
  private volatile PreparedStatement statement;
  /** The number of the next row an insert loop writes. */
  private long nextRow;

  QueryLoop(ConnectionFactory connections, WorkloadTable table, QueryKind kind, double perSecond,
      List<Object[]> keys, Duration statementTimeout, QueryLog log) {
    this.connections = connections;
    this.table = table;
    this.kind = kind;
    this.perSecond = perSecond;
    this.periodNanos = (long) (1e9 / perSecond);
    this.keys = keys;
    this.statementTimeout = statementTimeout;
    this.log = log;
    this.sql = sql(table, kind, !keys.isEmpty());
    this.nextRow = table.insert() == null ? 0 : table.insert().firstRow();
  }

  /**
   * With a key: a read of one row, or an update that sets the key to itself (ROW EXCLUSIVE and
   * a row lock; it survives any column added, dropped or renamed, and fires no foreign key
   * check since the key does not change). Without: the same table locks without rows.
   */
  static String sql(WorkloadTable table, QueryKind kind, boolean keyed) {
    if (kind == QueryKind.INSERT) {
      return table.insert().sql();
    }
    String t = dev.migsafe.internal.plan.SqlQuoting.identifier(table.name());
    if (!keyed) {
      return kind == QueryKind.READ ? "SELECT 1 FROM " + t + " LIMIT 1"
          : "LOCK TABLE " + t + " IN ROW EXCLUSIVE MODE";
    }
    List<String> key = table.keyColumns().stream()
        .map(k -> SqlQuoting.identifier(k, "postgresql")).toList();
    String where = key.stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "));
    return kind == QueryKind.READ ? "SELECT * FROM " + t + " WHERE " + where
        : "UPDATE " + t + " SET " + key.get(0) + " = " + key.get(0) + " WHERE " + where;
  }

  @Override
  public void run() {
    long next = System.nanoTime();
    while (!stopping) {
      long now = System.nanoTime();
      if (now < next) {
        LockSupport.parkNanos(next - now);
        continue;
      }
      next = Math.max(next + periodNanos, now);
      runOne();
    }
    closeQuietly();
  }

  private void runOne() {
    long start = System.nanoTime();
    try {
      PreparedStatement ps = prepared();
      if (kind == QueryKind.INSERT) {
        // A failed insert uses up its number too: a unique value is never tried twice.
        ps.setLong(1, nextRow++);
      } else if (!keys.isEmpty()) {
        Object[] key = keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
        for (int i = 0; i < key.length; i++) {
          ps.setObject(i + 1, key[i]);
        }
      }
      start = System.nanoTime();
      runningSince = start;
      ps.execute();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      log.add(new QueryLog.Query(table.name(), kind, start, System.nanoTime(), null));
    } catch (SQLException e) {
      long end = System.nanoTime();
      if (!stopping) {
        log.add(new QueryLog.Query(table.name(), kind, start, end,
            e.getSQLState() + " " + firstLine(e.getMessage())));
      }
      // A renamed table or a broken connection: prepare again, on a new connection if needed.
      recover();
    } finally {
      runningSince = IDLE;
    }
  }

  private PreparedStatement prepared() throws SQLException {
    if (connection == null) {
      Connection c = connections.open();
      try (Statement s = c.createStatement()) {
        s.execute("SET application_name = '" + APPLICATION_NAME + "'");
        s.execute("SET statement_timeout = " + statementTimeout.toMillis());
      }
      // LOCK TABLE takes its lock for a transaction; the row form commits by itself.
      c.setAutoCommit(!(kind == QueryKind.WRITE && keys.isEmpty()));
      connection = c;
    }
    if (statement == null) {
      PreparedStatement ps = connection.prepareStatement(sql);
      // No server-side prepared statement: after a step adds a column, its cached plan
      // would fail with "cached plan must not change result type".
      if (ps.isWrapperFor(PGStatement.class)) {
        ps.unwrap(PGStatement.class).setPrepareThreshold(0);
      }
      statement = ps;
    }
    return statement;
  }

  private void recover() {
    Connection c = connection;
    try {
      if (statement != null) {
        statement.close();
      }
      if (c != null && !c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException ignored) {
      // the connection is broken; it is replaced below
    }
    statement = null;
    try {
      if (c != null && !c.isValid(2)) {
        closeQuietly();
      }
    } catch (SQLException e) {
      closeQuietly();
    }
  }

  /** The time the running query has been running at {@code nowNanos}, or 0 between queries. */
  long runningNanos(long nowNanos, long toNanos) {
    long since = runningSince;
    return since == IDLE || since > toNanos ? 0 : nowNanos - since;
  }

  /** Asks the loop to end; a query blocked on the server is cancelled. */
  void stop() {
    stopping = true;
    PreparedStatement ps = statement;
    if (ps != null && runningSince != IDLE) {
      try {
        ps.cancel();
      } catch (SQLException ignored) {
        // the query ends anyway when the connection closes
      }
    }
  }

  /** Closes the connection; called by the loop thread at its end, or by stop() if it hangs. */
  void closeQuietly() {
    Connection c = connection;
    connection = null;
    statement = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing a broken connection
      }
    }
  }

  String table() {
    return table.name();
  }

  QueryKind kind() {
    return kind;
  }

  double perSecond() {
    return perSecond;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
