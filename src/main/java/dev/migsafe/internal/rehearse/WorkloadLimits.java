package dev.migsafe.internal.rehearse;

import java.time.Duration;

/**
 * Bounds on the background workload, which shares a small machine with the rehearsal.
 *
 * @param scaleFactor multiplies the packet's rates (1: the packet's own numbers)
 * @param maxPerTable queries per second at most, per table and kind (read or write)
 * @param maxTotal queries per second at most, all tables and kinds together
 * @param statementTimeout each workload query gives up after this long, so none waits forever
 *     behind a step that never finishes
 */
public record WorkloadLimits(double scaleFactor, double maxPerTable, double maxTotal,
    Duration statementTimeout) {

  /** 50/s per table and kind, 200/s in all, 60 s per query: two cores stay free enough. */
  public static WorkloadLimits defaults() {
    return new WorkloadLimits(1.0, 50, 200, Duration.ofSeconds(60));
  }
}
