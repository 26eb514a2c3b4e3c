package dev.migsafe.internal.rehearse;

import dev.migsafe.api.LockMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Polls {@code pg_locks} from a second session while a step runs in the first. This is how the
 * locks of statements that cannot run inside a transaction block ({@code CREATE INDEX
 * CONCURRENTLY}) are seen; requested but not yet granted locks count, because a statement that
 * queues for a lock blocks everyone behind it just as much.
 */
final class LockSampler {
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Map<Long, EnumSet<LockMode>> seen = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();
  private volatile SQLException failure;
  private volatile boolean sawWaiting;
  private final java.util.concurrent.CountDownLatch firstSample =
      new java.util.concurrent.CountDownLatch(1);

  private final long intervalNanos;

  private LockSampler(Connection observer, java.util.List<String> schema, int pid, long intervalNanos) {
    this.intervalNanos = intervalNanos;
    thread = new Thread(() -> poll(observer, schema, pid), "migsafe-lock-sampler");
    thread.setDaemon(true);
  }

  /** Starts sampling and returns once the first sample is taken, so none of the step is missed. */
  static LockSampler start(Connection observer, java.util.List<String> schema, int pid) {
    return start(observer, schema, pid, 200_000);
  }

  /** As above, sampling every {@code intervalNanos} at most. */
  static LockSampler start(Connection observer, java.util.List<String> schema, int pid, long intervalNanos) {
    LockSampler s = new LockSampler(observer, schema, pid, intervalNanos);
    s.thread.start();
    try {
      s.firstSample.await(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return s;
  }

  private void poll(Connection observer, java.util.List<String> schema, int pid) {
    try {
      while (running.get()) {
        Map<Long, String> n = new HashMap<>();
        boolean[] waiting = new boolean[1];
        Map<Long, EnumSet<LockMode>> now = ServerFacts.locks(observer, schema, pid, false, n,
            waiting);
        if (waiting[0]) {
          sawWaiting = true;
        }
        synchronized (this) {
          n.forEach(names::putIfAbsent);
          now.forEach((oid, modes) -> seen.computeIfAbsent(oid,
              k -> EnumSet.noneOf(LockMode.class)).addAll(modes));
        }
        firstSample.countDown();
        // A short pause: a busy loop would take a core from the step being observed on a small
        // machine, and a statement that cannot run in a transaction holds its lock for longer.
        java.util.concurrent.locks.LockSupport.parkNanos(intervalNanos);
      }
    } catch (SQLException e) {
      failure = e;
    } finally {
      firstSample.countDown();
    }
  }

  /** True once the observed session was seen queued for a lock. */
  boolean sawWaiting() {
    return sawWaiting;
  }

  /** Stops polling; returns every mode seen per table oid, with names added to {@code out}. */
  Map<Long, EnumSet<LockMode>> stop(Map<Long, String> namesOut) throws SQLException {
    running.set(false);
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
    synchronized (this) {
      names.forEach(namesOut::putIfAbsent);
      return seen;
    }
  }
}
