package dev.migsafe.internal.rehearse;

import java.util.List;

/**
 * Totals of a workload run.
 *
 * @param perTable queries and errors per table and kind
 * @param queries all queries run
 * @param errors the queries among them that failed
 * @param p50Millis median latency
 * @param p99Millis 99th percentile latency
 * @param maxMillis the longest query
 */
public record WorkloadStats(List<KindStats> perTable, long queries, long errors,
    long p50Millis, long p99Millis, long maxMillis) {

  /** One table and kind: the rate aimed at, the queries run and how many failed. */
  public record KindStats(String table, QueryKind kind, double targetPerSecond, long queries,
      long errors) {}

  /** The stats of a workload that never ran. */
  static WorkloadStats none() {
    return new WorkloadStats(List.of(), 0, 0, 0, 0, 0);
  }

  /** The entry for one table and kind, or null. */
  public KindStats of(String table, QueryKind kind) {
    return perTable.stream().filter(k -> k.table().equals(table) && k.kind() == kind)
        .findFirst().orElse(null);
  }
}
