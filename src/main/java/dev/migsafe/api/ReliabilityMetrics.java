package dev.migsafe.api;

/**
 * The reliability figures of one period (docs/report.md). Percentages
 * are rounded half-up to one decimal and ratios to two; a period without migrations, or
 * without any migration that has both durations, has zeros.
 *
 * @param migrations past migrations whose date falls in the period
 * @param incidents {@code outcome.incidents} entries, summed over them
 * @param migrationsWithIncident migrations with at least one incident
 * @param testedRollbackPct 100 × migrations with {@code rollback.tested} / migrations
 * @param overrunPct 100 × migrations that took longer than planned / migrations with both
 *     {@code plannedWindow} and {@code actualDuration}
 * @param durationRatioMedian nearest-rank 50th percentile of actualDuration / plannedWindow
 * @param durationRatioP90 nearest-rank 90th percentile of the same ratios
 * @param integrityDefects sum of {@code outcome.integrityDefects}
 * @param integrityDefectRatePct 100 × migrations with a defect / migrations
 * @param driftHotfixes {@code outcome.hotfixes} entries with {@code cause: schema-drift}
 * @param rolledBack migrations with {@code outcome.status: rolled-back}
 */
public record ReliabilityMetrics(
    int migrations,
    int incidents,
    int migrationsWithIncident,
    double testedRollbackPct,
    double overrunPct,
    double durationRatioMedian,
    double durationRatioP90,
    int integrityDefects,
    double integrityDefectRatePct,
    int driftHotfixes,
    int rolledBack) {

  public static final ReliabilityMetrics ZERO =
      new ReliabilityMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  public boolean empty() {
    return migrations == 0;
  }
}
