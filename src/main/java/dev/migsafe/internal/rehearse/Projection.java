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
    Long projected = projectMs(packet, run.predicted().locks().get(0).table(), rehearsalRows,
        run.durationMs(), run.batches(), pauseMs, step.batched());
    return run.withDurations(step.estimatedDuration(), projected);
  }

  /**
   * A measured duration on {@code table} scaled to the packet's row count, or null when either
   * count is unknown. A batched statement's pauses are taken out and production's put in.
   */
  static Long projectMs(MigrationPacket packet, String table, Map<String, Long> rehearsalRows,
      long durationMs, int batches, long pauseMs, boolean batched) {
    Long rows = rehearsalRows.get(table);
    MigrationPacket.TableProfile profile = packet.tables().get(table);
    if (rows == null || rows == 0 || profile == null || profile.rows() == null) {
      return null;
    }
    double factor = (double) profile.rows() / rows;
    if (!batched) {
      return Math.round(durationMs * factor);
    }
    // The rehearsal paused less than production will; count the work and the pauses apart.
    // The batches that changed rows (all but the last) scale with the rows: a backfill copies
    // every row, a copy-back only those that diverged, in production as in the rehearsal.
    long changing = Math.max(0, batches - 1);
    long workMs = Math.max(0, durationMs - changing * pauseMs);
    Duration pause = packet.backfill() != null && packet.backfill().pauseBetweenBatches() != null
        ? packet.backfill().pauseBetweenBatches() : Duration.ofMillis(100);
    return Math.round(workMs * factor + Math.ceil(changing * factor) * pause.toMillis());
  }
}
