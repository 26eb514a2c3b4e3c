package dev.migsafe.internal.rehearse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every workload query, appended by the query threads without locking and read by the
 * rehearsal while they run. At the workload's bounded rates (200/s at most) an hour is under a
 * million small records, which a scan reads in milliseconds.
 */
final class QueryLog {
  /**
   * One query: its table and kind, {@code System.nanoTime()} at start and end, and {@code
   * "SQLSTATE message"} when it failed (null when it succeeded).
   */
  record Query(String table, QueryKind kind, long startNanos, long endNanos, String error) {
    boolean overlaps(long fromNanos, long toNanos) {
      return startNanos <= toNanos && endNanos >= fromNanos;
    }

    long nanos() {
      return endNanos - startNanos;
    }
  }

  private final ConcurrentLinkedQueue<Query> queries = new ConcurrentLinkedQueue<>();

  void add(Query q) {
    queries.add(q);
  }

  /** The longest query that overlapped [from, to], in nanoseconds. */
  long longestNanos(long fromNanos, long toNanos) {
    long longest = 0;
    for (Query q : queries) {
      if (q.overlaps(fromNanos, toNanos)) {
        longest = Math.max(longest, q.nanos());
      }
    }
    return longest;
  }

  /** The distinct errors of queries that overlapped [from, to], first seen first. */
  List<String> errors(long fromNanos, long toNanos) {
    Set<String> errors = new LinkedHashSet<>();
    for (Query q : queries) {
      if (q.error() != null && q.overlaps(fromNanos, toNanos)) {
        errors.add(q.table() + " " + q.kind().name().toLowerCase(java.util.Locale.ROOT) + ": "
            + q.error());
      }
    }
    return new ArrayList<>(errors);
  }

  List<Query> all() {
    return new ArrayList<>(queries);
  }
}
