package dev.migsafe.internal.rehearse;

import dev.migsafe.api.LockMode;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal.Observation;
import dev.migsafe.api.Rehearsal.StepRun;
import dev.migsafe.api.TableLock;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Runs one playbook step on the rehearsal database and observes what the server did: the locks
 * (read by the step's own session before commit where the statement can run in a transaction,
 * sampled from a second session where it cannot), whether a table was rewritten (its {@code
 * relfilenode} changed), whether it was scanned (the transaction's sequential scans), and how long
 * the background workload waited. Then it compares all that with the plan's prediction.
 */
final class StepExecutor {
  /** A batched backfill that still changes rows after this many runs is not converging. */
  static final int MAX_BATCHES = 100_000;

  /** How long the queue probe holds a step back at most before letting it run. */
  private static final long PROBE_MILLIS = 2_000;

  private final Connection migration;
  private final Connection observer;
  private final ConnectionFactory connections;
  private final List<String> schema;
  private final int serverMajor;
  private final WaitMeter workload;
  private final Duration pauseBetweenBatches;
  private final int migrationPid;
  private boolean inPlanTransaction;

  /**
   * @param connections a third session for the queue probe of statements that cannot run in a
   *     transaction
   */
  StepExecutor(Connection migration, Connection observer, ConnectionFactory connections,
      List<String> schema, int serverMajor, WaitMeter workload, Duration pauseBetweenBatches)
      throws SQLException {
    this.migration = migration;
    this.observer = observer;
    this.connections = connections;
    this.schema = schema;
    this.serverMajor = serverMajor;
    this.workload = workload;
    this.pauseBetweenBatches = pauseBetweenBatches;
    this.migrationPid = ServerFacts.backendPid(migration);
    migration.setAutoCommit(true);
  }

  /** True while a transaction that a plan step opened ({@code BEGIN}) is still open. */
  boolean inPlanTransaction() {
    return inPlanTransaction;
  }

  /** Ends a transaction a plan step opened, when the rehearsal stops inside it. */
  void abandonPlanTransaction() throws SQLException {
    if (inPlanTransaction) {
      try (Statement st = migration.createStatement()) {
        st.execute("ROLLBACK");
      }
      inPlanTransaction = false;
    }
  }

  StepRun run(Plan.Step step, Observation predicted, String pass) throws SQLException {
    List<String> statements = SqlSplitter.split(step.sql()).stream()
        .map(SourceStatement::text).toList();
    StepKind kind = StepKind.of(statements, serverMajor);
    if (kind == StepKind.CONTROL) {
      return control(step, statements, predicted, pass);
    }
    boolean dml = statements.stream().allMatch(StepKind::isDml);
    Map<Long, String> names = ServerFacts.tableNames(observer, schema);
    // Inside the plan's transaction a table may already carry a name the observer cannot see
    // yet (a rename before COMMIT): the step's own session knows it.
    Map<Long, String> sessionNames = inPlanTransaction()
        ? ServerFacts.tableNames(migration, schema) : names;
    Map<Long, Long> filesBefore = ServerFacts.relfilenodes(observer, schema);
    Execution ex = kind == StepKind.OUTSIDE_TRANSACTION
        ? sampled(statements, names, predicted)
        : inTransaction(step, statements, names);
    Map<Long, Long> filesAfter = ServerFacts.relfilenodes(observer, schema);

    List<TableLock> locks = new ArrayList<>();
    Map<String, LockMode> observedByTable = new TreeMap<>();
    ex.newModes.forEach((oid, modes) -> {
      LockMode strongest = modes.stream().reduce(null, LockMode::strongest);
      if (strongest != null && filesBefore.containsKey(oid)) {
        observedByTable.put(names.get(oid), strongest);
      }
    });
    observedByTable.forEach((t, m) -> locks.add(new TableLock(t, m)));
    boolean rewrote = filesBefore.entrySet().stream().anyMatch(e ->
        filesAfter.containsKey(e.getKey()) && !filesAfter.get(e.getKey()).equals(e.getValue()));
    // A scan counts on the tables the step changes; a table it only reads (ACCESS SHARE: the
    // source of a materialized view, of an INSERT ... SELECT) is read as any query reads it.
    Boolean scanned = ex.scans == null ? null : predicted.locks().stream()
        .filter(l -> l.mode() != LockMode.ACCESS_SHARE)
        .map(l -> oidOf(names, l.table()))
        .anyMatch(oid -> oid != null && ex.scans.getOrDefault(oid, 0L) > 0);
    long waited = workload.maxWaitMillis(ex.startNanos, ex.endNanos);
    Observation observed = new Observation(List.copyOf(locks), rewrote, scanned, waited,
        kind == StepKind.OUTSIDE_TRANSACTION ? "sampled" : "in-transaction");

    List<String> mismatches = ex.error != null ? List.of()
        : compare(predicted, observed, ex, names, sessionNames, dml || step.batched());
    return new StepRun(step.id(), phaseOf(step), step.changeId(), pass, step.sql(),
        (ex.endNanos - ex.startNanos) / 1_000_000, ex.batches, predicted, observed,
        mismatches.isEmpty(), mismatches, ex.error, null, null);
  }

  private StepRun control(Plan.Step step, List<String> statements, Observation predicted,
      String pass) {
    long start = System.nanoTime();
    String error = null;
    try (Statement st = migration.createStatement()) {
      for (String s : statements) {
        st.execute(s);
        if (StepKind.opensTransaction(s)) {
          inPlanTransaction = true;
        } else if (StepKind.closesTransaction(s)) {
          inPlanTransaction = false;
        }
      }
    } catch (SQLException e) {
      error = Errors.describe(e);
    }
    long end = System.nanoTime();
    return new StepRun(step.id(), phaseOf(step), step.changeId(), pass, step.sql(),
        (end - start) / 1_000_000, 1, predicted,
        new Observation(List.of(), null, null, workload.maxWaitMillis(start, end), "none"),
        true, List.of(), error, null, null);
  }

  /** What one step did, before it is compared with the prediction. */
  private static final class Execution {
    Map<Long, EnumSet<LockMode>> heldBefore = Map.of();
    Map<Long, EnumSet<LockMode>> newModes = new HashMap<>();
    Map<Long, Long> scans;
    long startNanos;
    long endNanos;
    int batches = 1;
    String error;
  }

  private Execution inTransaction(Plan.Step step, List<String> statements,
      Map<Long, String> names) throws SQLException {
    Execution ex = new Execution();
    boolean own = !inPlanTransaction;
    if (own) {
      migration.setAutoCommit(false);
    }
    Map<Long, Long> scansBefore = Map.of();
    try {
      if (!own) {
        ex.heldBefore = ServerFacts.locks(migration, schema, 0, true, names);
      }
      // Since PostgreSQL 15 the "transaction" counters also hold earlier transactions' counts
      // not yet flushed to the shared statistics; flushing happens only between transactions,
      // so the difference within this one is exact.
      scansBefore = ServerFacts.transactionSeqScans(migration, schema);
      // Seen from outside too, every 2 ms: a lock the step waits for shows while it waits, and
      // one released before commit would otherwise be missed. Exact facts come from inside.
      LockSampler sampler = LockSampler.start(observer, schema, migrationPid, 2_000_000);
      ex.startNanos = System.nanoTime();
      long busy = 0;
      try (Statement st = migration.createStatement()) {
        boolean more = true;
        ex.batches = 0;
        int firstChanged = 0;
        while (more) {
          long t0 = System.nanoTime();
          int changed = 0;
          for (String s : statements) {
            st.execute(s);
            changed += Math.max(0, st.getUpdateCount());
          }
          busy += System.nanoTime() - t0;
          ex.batches++;
          Map<Long, EnumSet<LockMode>> held = ServerFacts.locks(migration, schema, 0, true, names);
          addNew(ex, held);
          if (ex.scans == null) {
            ex.scans = minus(ServerFacts.transactionSeqScans(migration, schema), scansBefore);
          }
          if (ex.batches == 1) {
            firstChanged = changed;
          }
          // Caught up: a batch that changes under a tenth of the first one's rows is copying
          // what the workload's inserts added meanwhile; without a dual-write trigger they
          // never stop coming, and the after-backfill validation is what should see them.
          boolean caughtUp = ex.batches > 1 && changed * 10L < firstChanged;
          more = step.batched() && own && changed > 0 && !caughtUp && ex.batches < MAX_BATCHES;
          if (own) {
            migration.commit();
          }
          if (more) {
            pause();
          }
        }
        if (step.batched() && ex.batches >= MAX_BATCHES) {
          ex.error = "the batch still changed rows after " + MAX_BATCHES + " runs";
        }
      } finally {
        Map<Long, EnumSet<LockMode>> seen = sampler.stop(names);
        seen.forEach((oid, modes) -> modes.removeAll(
            ex.heldBefore.getOrDefault(oid, EnumSet.noneOf(LockMode.class))));
        addNew(ex, seen);
      }
      ex.endNanos = ex.startNanos + (step.batched() ? System.nanoTime() - ex.startNanos : busy);
    } catch (SQLException e) {
      ex.endNanos = System.nanoTime();
      ex.error = Errors.describe(e);
      if (own) {
        migration.rollback();
      } else {
        // The plan's transaction is aborted; the runner stops and rolls it back.
        inPlanTransaction = true;
      }
    } finally {
      if (own) {
        migration.setAutoCommit(true);
      }
    }
    return ex;
  }

  /**
   * Runs statements that cannot run in a transaction block while a second session samples the
   * locks they take. A fast statement could finish between two samples, so a third session first
   * holds SHARE UPDATE EXCLUSIVE on the tables the step names (which conflicts with every mode
   * a schema change takes, and with none a read or a write takes, so the workload is not held
   * up): the step queues, the sampler sees the mode it asks for, and the probe lets it go. The
   * step's time is counted from that moment.
   */
  private Execution sampled(List<String> statements, Map<Long, String> names,
      Observation predicted) throws SQLException {
    Execution ex = new Execution();
    List<String> tables = predicted.locks().stream().map(TableLock::table)
        .filter(names::containsValue).distinct().toList();
    Connection probe = tables.isEmpty() ? null : connections.open();
    long[] released = {0};
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    Thread releaser = null;
    try {
      LockSampler sampler;
      if (probe != null) {
        probe.setAutoCommit(false);
        try (Statement st = probe.createStatement()) {
          st.execute("LOCK TABLE " + String.join(", ", tables.stream()
              .map(dev.migsafe.internal.plan.SqlQuoting::identifier).toList())
              + " IN SHARE UPDATE EXCLUSIVE MODE");
        }
        sampler = LockSampler.start(observer, schema, migrationPid);
        LockSampler s = sampler;
        releaser = new Thread(() -> {
          long until = System.nanoTime() + PROBE_MILLIS * 1_000_000;
          while (!s.sawWaiting() && !done.get() && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
          }
          try {
            probe.commit();
          } catch (SQLException ignored) {
            // closing the session below ends its transaction just the same
          }
          released[0] = System.nanoTime();
        }, "migsafe-queue-probe");
        releaser.setDaemon(true);
        releaser.start();
      } else {
        sampler = LockSampler.start(observer, schema, migrationPid);
      }
      long started = System.nanoTime();
      try (Statement st = migration.createStatement()) {
        for (String s : statements) {
          st.execute(s);
        }
      } catch (SQLException e) {
        ex.error = Errors.describe(e);
      } finally {
        ex.endNanos = System.nanoTime();
        done.set(true);
        if (releaser != null) {
          try {
            releaser.join(PROBE_MILLIS + 1_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        ex.startNanos = released[0] == 0 ? started : Math.min(released[0], ex.endNanos);
        addNew(ex, sampler.stop(names));
      }
    } finally {
      if (probe != null) {
        probe.close();
      }
    }
    return ex;
  }

  private static void addNew(Execution ex, Map<Long, EnumSet<LockMode>> held) {
    held.forEach((oid, modes) -> {
      EnumSet<LockMode> fresh = EnumSet.copyOf(modes);
      EnumSet<LockMode> before = ex.heldBefore.get(oid);
      if (before != null) {
        fresh.removeAll(before);
      }
      if (!fresh.isEmpty()) {
        ex.newModes.computeIfAbsent(oid, k -> EnumSet.noneOf(LockMode.class)).addAll(fresh);
      }
    });
  }

  private static Map<Long, Long> minus(Map<Long, Long> after, Map<Long, Long> before) {
    Map<Long, Long> out = new HashMap<>();
    after.forEach((k, v) -> out.put(k, v - before.getOrDefault(k, 0L)));
    return out;
  }

  private void pause() {
    try {
      Thread.sleep(pauseBetweenBatches.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Where the server and the plan disagree. A lock counts as observed when the step acquired
   * it, or when the session already held that mode or a stronger one (a request covered by a
   * held lock leaves no trace in {@code pg_locks}: a view created over a table the same
   * transaction renamed). Locks on tables the plan did not name are a mismatch
   * only when they block schema changes or writes; the lighter ones come with any query.
   */
  private static List<String> compare(Observation predicted, Observation observed,
      Execution ex, Map<Long, String> names, Map<Long, String> sessionNames,
      boolean dataChange) {
    List<String> out = new ArrayList<>();
    Map<String, LockMode> seen = new TreeMap<>();
    observed.locks().forEach(l -> seen.put(l.table(), l.mode()));
    for (TableLock p : predicted.locks()) {
      LockMode o = seen.remove(p.table());
      if (Objects.equals(o, p.mode())) {
        continue;
      }
      Long oid = oidOf(names, p.table());
      oid = oid != null ? oid : oidOf(sessionNames, p.table());
      EnumSet<LockMode> held = oid == null ? null : ex.heldBefore.get(oid);
      if (held != null && held.stream().anyMatch(m -> m.compareTo(p.mode()) >= 0)
          && (o == null || o.compareTo(p.mode()) < 0)) {
        continue;
      }
      out.add(p.table() + ": predicted " + p.mode().sqlName() + ", observed "
          + (o == null ? "no lock" : o.sqlName()));
    }
    seen.forEach((table, mode) -> {
      if (mode.compareTo(LockMode.SHARE_UPDATE_EXCLUSIVE) >= 0) {
        out.add(table + ": observed " + mode.sqlName() + ", which the plan did not predict");
      }
    });
    if (!Objects.equals(predicted.rewritesTable(), observed.rewritesTable())) {
      out.add("predicted " + (predicted.rewritesTable() ? "a" : "no") + " table rewrite, observed "
          + (observed.rewritesTable() ? "one" : "none"));
    }
    // A data change reads the table as its query plan likes; "scans" is about DDL that reads
    // the whole table under its lock, and a rewrite reads it anyway.
    if (!dataChange && observed.scansTable() != null && !predicted.rewritesTable()
        && !observed.rewritesTable() && !predicted.scansTable().equals(observed.scansTable())) {
      out.add("predicted " + (predicted.scansTable() ? "a" : "no") + " full-table scan, observed "
          + (observed.scansTable() ? "one" : "none"));
    }
    return out;
  }

  private static Long oidOf(Map<Long, String> names, String table) {
    return names.entrySet().stream().filter(e -> e.getValue().equals(table))
        .map(Map.Entry::getKey).findFirst().orElse(null);
  }

  static String phaseOf(Plan.Step step) {
    return step.id().replaceAll("[0-9]+$", "");
  }
}
