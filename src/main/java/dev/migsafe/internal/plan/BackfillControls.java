package dev.migsafe.internal.plan;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What operators need to run a key-range backfill for hours without hurting production: how
 * far it is and how long it has left, how to pause and resume it, and the two signals that say
 * "slow down" — replicas falling behind (every batch is WAL they must replay) and dead tuples
 * piling up faster than autovacuum removes them (every updated row leaves one).
 */
final class BackfillControls {
  /** Pause while a replica lags more than this, when the packet sets no replicationLagLimit. */
  static final Duration DEFAULT_LAG_LIMIT = Duration.ofSeconds(30);
  /** autovacuum's default scale factor: above it, the table is already due for a vacuum. */
  static final int DEFAULT_DEAD_TUPLE_PERCENT = 20;
  private static final Duration MIN_BATCH_TIMEOUT = Duration.ofSeconds(5);

  private BackfillControls() {}

  /**
   * The statement_timeout of one batch: ten times its estimate, at least 5 s. The playbook sets
   * it right before the batch step ({@link StatementTimeouts}), so the two never differ.
   */
  static Duration batchTimeout(Duration batchTime) {
    Duration timeout = batchTime.multipliedBy(10);
    return timeout.compareTo(MIN_BATCH_TIMEOUT) < 0 ? MIN_BATCH_TIMEOUT : timeout;
  }

  /** The step that sets the batch's statement_timeout, which a new session sets again. */
  private static String timeoutFirst(List<Plan.Phase> phases, Plan.Step batch) {
    for (Plan.Phase ph : phases) {
      int i = ph.steps().indexOf(batch);
      if (i > 0 && ph.steps().get(i - 1).sql() != null
          && ph.steps().get(i - 1).sql().startsWith("SET statement_timeout")) {
        return ", after step " + ph.steps().get(i - 1).id() + " in a new session";
      }
    }
    return "";
  }

  static List<Plan.BackfillControl> of(List<KeyRangeBackfill.Expansion> backfills,
      List<Plan.Phase> phases, MigrationPacket p, Duration batchTime) {
    List<Plan.BackfillControl> out = new ArrayList<>();
    for (KeyRangeBackfill.Expansion b : backfills) {
      Plan.Step step = phases.stream().flatMap(ph -> ph.steps().stream())
          .filter(s -> s.batched() && s.sql() != null && s.sql().contains(
              SqlQuoting.identifier(b.progressTable())))
          .findFirst().orElse(null);
      if (step == null) {
        continue;
      }
      var change = b.phaseC().get(0).change();
      var profile = p.tables().get(change.table());
      long rows = profile == null || profile.rows() == null ? 0 : profile.rows();
      long batches = Math.max(1, (rows + b.batchSize() - 1) / b.batchSize());
      Duration pause = p.backfill().pauseBetweenBatches() == null ? Duration.ofMillis(100)
          : p.backfill().pauseBetweenBatches();
      Duration timeout = batchTimeout(batchTime);
      String progress = SqlQuoting.identifier(b.progressTable());
      Duration lagLimit = p.constraints().replicationLagLimit() != null
          ? p.constraints().replicationLagLimit() : DEFAULT_LAG_LIMIT;
      Integer deadLimit = p.backfill().maxDeadTuplePercent();
      out.add(new Plan.BackfillControl(step.id(), change.id(), change.table(),
          b.progressTable(), b.primaryKey(), b.batchSize(), pause, batches,
          step.estimatedDuration(), timeout,
          "Stop between two batches at any time: each batch commits alone, so nothing is half "
              + "done. To resume, run step " + step.id() + " again" + timeoutFirst(phases, step)
              + ": it starts at next_key in " + b.progressTable() + "; the step that records "
              + "the key range records it only once.",
          "SELECT rows_done, round(100.0 * (next_key - first_key) / greatest(last_key - "
              + "first_key + 1, 1), 1) AS percent_done, CASE WHEN next_key > first_key THEN "
              + "(now() - started_at) * ((last_key - next_key + 1)::float8 / (next_key - "
              + "first_key)) END AS time_left FROM " + progress,
          "SELECT coalesce(max(extract(epoch FROM replay_lag)), 0) AS lag_seconds FROM "
              + "pg_stat_replication",
          lagLimit,
          "SELECT n_dead_tup, n_live_tup FROM pg_stat_user_tables WHERE relid = "
              + SqlQuoting.literal(SqlQuoting.identifier(change.table())) + "::regclass",
          deadLimit == null ? DEFAULT_DEAD_TUPLE_PERCENT : deadLimit));
    }
    return out;
  }
}
