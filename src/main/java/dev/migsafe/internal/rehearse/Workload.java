package dev.migsafe.internal.rehearse;

import dev.migsafe.internal.catalog.SqlQuoting;
import dev.migsafe.internal.rehearse.WorkloadStats.KindStats;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A background workload during a rehearsal: reads and writes by key, and inserts of new rows
 * ({@link InsertRow}), on the touched tables at
 * rates derived from the packet ({@link #rates}), each table and kind on its own thread and
 * connection, every query recorded. The rehearsal asks how long any query waited while a step
 * ran ({@link #maxWaitMillis}) and which errors the step caused ({@link #errorsBetween}); a
 * failing query never stops the workload.
 *
 * <p>It only ever runs against this machine: {@link #start} refuses a non-loopback host, so a
 * rehearsal cannot put load on a shared staging server.
 */
public final class Workload {
  /** How many keys of each table the workload picks its rows from. */
  private static final int SAMPLED_KEYS = 1000;

  private final List<QueryLoop> loops;
  private final List<Thread> threads;
  private final QueryLog log;
  private final String disabledReason;
  private WorkloadStats stats;

  private Workload(List<QueryLoop> loops, QueryLog log, String disabledReason) {
    this.loops = loops;
    this.log = log;
    this.disabledReason = disabledReason;
    this.threads = new ArrayList<>();
  }

  /** One table and kind with the rate the workload runs it at. */
  public record QueryRate(WorkloadTable table, QueryKind kind, double perSecond) {}

  /**
   * The rate of each table and kind: the packet's rate times {@code scaleFactor}, at least 1/s
   * when the packet's rate is above 0 (so that a lock is seen within about a second, even on a
   * quiet table) and at most {@code maxPerTable}; when they add up to more than {@code
   * maxTotal}, all are lowered in proportion. Rates of 0 (absent from the packet) run nothing.
   */
  public static List<QueryRate> rates(List<WorkloadTable> tables, WorkloadLimits limits) {
    List<QueryRate> rates = new ArrayList<>();
    for (WorkloadTable t : tables) {
      for (QueryKind kind : QueryKind.values()) {
        if (kind == QueryKind.INSERT && t.insert() == null) {
          continue;
        }
        double packet = kind == QueryKind.READ ? t.readsPerSecond() : t.writesPerSecond();
        if (packet > 0) {
          double scaled = Math.min(Math.max(packet * limits.scaleFactor(), 1.0),
              limits.maxPerTable());
          rates.add(new QueryRate(t, kind, scaled));
        }
      }
    }
    double total = rates.stream().mapToDouble(QueryRate::perSecond).sum();
    if (total <= limits.maxTotal()) {
      return rates;
    }
    double factor = limits.maxTotal() / total;
    return rates.stream().map(r -> new QueryRate(r.table(), r.kind(), r.perSecond() * factor))
        .toList();
  }

  /**
   * Starts the workload; it runs until {@link #stop}. Returns a disabled workload, with the
   * reason, when the server is not on this machine or there is nothing to run.
   */
  public static Workload start(ConnectionFactory connections, List<WorkloadTable> tables,
      WorkloadLimits limits) {
    if (!ConnectionFactory.isLoopback(connections.host())) {
      return disabled("the workload runs on loopback only, and the server is at "
          + connections.host());
    }
    List<QueryRate> rates = rates(tables, limits);
    if (rates.isEmpty()) {
      return disabled("no table has reads or writes per second in the packet");
    }
    QueryLog log = new QueryLog();
    List<QueryLoop> loops = new ArrayList<>();
    for (WorkloadTable table : tables) {
      List<Object[]> keys = sampleKeys(connections, table);
      rates.stream().filter(r -> r.table() == table).forEach(r -> loops.add(new QueryLoop(
          connections, table, r.kind(), r.perSecond(), keys, limits.statementTimeout(), log)));
    }
    Workload w = new Workload(loops, log, null);
    for (QueryLoop loop : loops) {
      Thread t = new Thread(loop, "migsafe-workload-" + loop.table() + "-" + loop.kind());
      t.setDaemon(true);
      w.threads.add(t);
      t.start();
    }
    return w;
  }

  private static Workload disabled(String reason) {
    return new Workload(List.of(), new QueryLog(), reason);
  }

  /**
   * Existing keys to pick rows by, read once at the start; empty (table locks only) when the
   * table has no key or cannot be read.
   */
  private static List<Object[]> sampleKeys(ConnectionFactory connections, WorkloadTable table) {
    if (table.keyColumns().isEmpty()) {
      return List.of();
    }
    String columns = table.keyColumns().stream()
        .map(k -> SqlQuoting.identifier(k, "postgresql")).collect(Collectors.joining(", "));
    String sql = "SELECT " + columns + " FROM "
        + dev.migsafe.internal.plan.SqlQuoting.identifier(table.name())
        + " ORDER BY random() LIMIT " + SAMPLED_KEYS;
    List<Object[]> keys = new ArrayList<>();
    try (Connection c = connections.open(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = table.keyColumns().size();
      while (rs.next()) {
        Object[] key = new Object[n];
        for (int i = 0; i < n; i++) {
          key[i] = rs.getObject(i + 1);
        }
        keys.add(key);
      }
    } catch (SQLException e) {
      return List.of();
    }
    return keys;
  }

  public boolean enabled() {
    return disabledReason == null;
  }

  /** Why the workload does not run, or null when it does. */
  public String disabledReason() {
    return disabledReason;
  }

  /**
   * The longest any workload query took among those that overlapped [from, to] ({@code
   * System.nanoTime()} values); a query still running counts until now.
   */
  public long maxWaitMillis(long fromNanos, long toNanos) {
    long now = System.nanoTime();
    long longest = log.longestNanos(fromNanos, toNanos);
    for (QueryLoop loop : loops) {
      longest = Math.max(longest, loop.runningNanos(now, toNanos));
    }
    return longest / 1_000_000;
  }

  /** The distinct errors of queries that overlapped [from, to], as {@code "table kind: SQLSTATE message"}. */
  public List<String> errorsBetween(long fromNanos, long toNanos) {
    return log.errors(fromNanos, toNanos);
  }

  /**
   * Stops the inserts: the old application they stand for is replaced at cutover, and its
   * rows, written after its columns are gone, would only count as errors. Reads and writes by
   * key go on. Idempotent.
   */
  public synchronized void stopInserts() {
    loops.stream().filter(l -> l.kind() == QueryKind.INSERT).forEach(QueryLoop::stop);
  }

  /** Stops every query thread, closes every connection and returns the totals. Idempotent. */
  public synchronized WorkloadStats stop() {
    if (stats != null) {
      return stats;
    }
    loops.forEach(QueryLoop::stop);
    for (int i = 0; i < threads.size(); i++) {
      try {
        threads.get(i).join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (threads.get(i).isAlive()) {
        loops.get(i).closeQuietly();
      }
    }
    stats = enabled() ? totals() : WorkloadStats.none();
    return stats;
  }

  private WorkloadStats totals() {
    List<QueryLog.Query> all = log.all();
    List<KindStats> perTable = new ArrayList<>();
    for (QueryLoop loop : loops) {
      List<QueryLog.Query> mine = all.stream()
          .filter(q -> q.table().equals(loop.table()) && q.kind() == loop.kind()).toList();
      perTable.add(new KindStats(loop.table(), loop.kind(), loop.perSecond(), mine.size(),
          mine.stream().filter(q -> q.error() != null).count()));
    }
    long[] millis = all.stream().mapToLong(q -> q.nanos() / 1_000_000).sorted().toArray();
    return new WorkloadStats(perTable, all.size(),
        all.stream().filter(q -> q.error() != null).count(), percentile(millis, 0.50),
        percentile(millis, 0.99), millis.length == 0 ? 0 : millis[millis.length - 1]);
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }
}
