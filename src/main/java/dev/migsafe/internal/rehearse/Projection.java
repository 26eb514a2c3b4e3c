package dev.migsafe.internal.rehearse;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal.StepRun;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A step's measured duration scaled to production, next to the plan's estimate: a check of the
 * throughput model with the server's own numbers. Only steps whose work grows with the rows are
 * projected (backfill batches, rewrites, scans, index builds); a catalog-only change takes as
 * long on a billion rows as on a thousand, apart from the lock wait. The projection is linear in
 * the rows, which suits batches and sequential passes and is optimistic for index builds
 * (n log n) and for tables that do not fit in memory.
 */
final class Projection {
  private static final Pattern INDEX_BUILD = Pattern.compile(
      "(?is)^\\s*(CREATE\\s+(UNIQUE\\s+)?INDEX|REINDEX)\\b.*");

  private Projection() {}

  /**
   * @param rehearsalRows rows per table in the rehearsal
   * @param pauseMs the pause the rehearsal made between batches
   */
  static StepRun of(StepRun run, Plan.Step step, MigrationPacket packet,
      Map<String, Long> rehearsalRows, long pauseMs) {
    boolean grows = step.batched() || Boolean.TRUE.equals(run.predicted().rewritesTable())
        || Boolean.TRUE.equals(run.predicted().scansTable())
        || INDEX_BUILD.matcher(step.sql()).matches();
    if (!grows || run.error() != null || run.predicted().locks().isEmpty()) {
      return run.withDurations(step.estimatedDuration(), null);
    }
    String table = run.predicted().locks().get(0).table();
    Long rows = rehearsalRows.get(table);
    MigrationPacket.TableProfile profile = packet.tables().get(table);
    if (rows == null || rows == 0 || profile == null || profile.rows() == null) {
      return run.withDurations(step.estimatedDuration(), null);
    }
    double factor = (double) profile.rows() / rows;
    long projected;
    if (step.batched()) {
      // The rehearsal paused less than production will; count the work and the pauses apart.
      long workMs = Math.max(0, run.durationMs() - Math.max(0, run.batches() - 1) * pauseMs);
      long batchSize = packet.backfill() != null && packet.backfill().batchSize() != null
          ? packet.backfill().batchSize()
          : dev.migsafe.internal.plan.ChangeTemplate.DEFAULT_BATCH_SIZE;
      Duration pause = packet.backfill() != null && packet.backfill().pauseBetweenBatches() != null
          ? packet.backfill().pauseBetweenBatches() : Duration.ofMillis(100);
      projected = Math.round(workMs * factor
          + Math.ceil((double) profile.rows() / batchSize) * pause.toMillis());
    } else {
      projected = Math.round(run.durationMs() * factor);
    }
    return run.withDurations(step.estimatedDuration(), projected);
  }
}
