package dev.migsafe.internal.plan;

/**
 * How fast this database does the work a step needs, for duration estimates. The defaults are
 * conservative figures for a busy production server on network storage; a team measures its
 * own and passes them with {@code plan --model FILE} (see docs/plan-model.md).
 *
 * @param scanMbPerSecond full-table sequential read (validation scans, SET NOT NULL checks)
 * @param rewriteMbPerSecond a table rewrite, including rebuilding its indexes
 * @param indexBuildMbPerSecond one index build pass over the table
 * @param backfillRowsPerSecond rows a backfill batch updates per second while it runs
 * @param catalogChangeSeconds a statement that only changes the catalog
 * @param deploySeconds a code deployment (phase B)
 */
public record ThroughputModel(
    double scanMbPerSecond,
    double rewriteMbPerSecond,
    double indexBuildMbPerSecond,
    double backfillRowsPerSecond,
    double catalogChangeSeconds,
    double deploySeconds) {

  public static final ThroughputModel DEFAULT = new ThroughputModel(200, 60, 50, 10_000, 0.1,
      1_800);

  /**
   * Write load slows everything that reads the table: each 1,000 writes per second is taken to
   * cost half of the throughput again, a rough but monotone penalty.
   */
  static double loadFactor(double writesPerSecond) {
    return 1 + Math.max(0, writesPerSecond) / 2_000;
  }
}
