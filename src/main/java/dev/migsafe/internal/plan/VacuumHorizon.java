package dev.migsafe.internal.plan;

import dev.migsafe.api.Plan.PlanFinding;
import dev.migsafe.api.Severity;
import dev.migsafe.internal.model.TableScale;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code CREATE INDEX CONCURRENTLY} waits for, and holds, snapshots for as long as it builds:
 * while it runs, VACUUM on every table of the database can remove no row version newer than its
 * start. On a hot table a build of hours leaves hours of dead tuples behind it, and the table
 * and its indexes bloat. A batched backfill does not do this: each batch is its own transaction.
 */
final class VacuumHorizon {
  /** Builds shorter than this hold the horizon back for less than autovacuum's usual cycle. */
  static final Duration LONG_BUILD = Duration.ofHours(1);

  private VacuumHorizon() {}

  static Optional<PlanFinding> warning(StepExpander.Draft d, PlanChange f, Duration estimate) {
    String sql = d.sql() == null ? "" : d.sql().toUpperCase(Locale.ROOT);
    if (f == null || d.backfill() || !sql.contains("CONCURRENTLY") || !sql.startsWith("CREATE")
        || estimate.compareTo(LONG_BUILD) < 0 || f.getWritesPerSecond() < TableScale.BLOATING_WRITES_PER_SECOND) {
      return Optional.empty();
    }
    return Optional.of(new PlanFinding("plan-long-build-holds-back-vacuum", Severity.MEDIUM,
        d.change().id(), "Building an index CONCURRENTLY on " + d.change().table() + " is "
            + "estimated at " + hours(estimate) + "; for that long VACUUM cannot remove dead "
            + "rows anywhere in the database, while " + d.change().table() + " takes about "
            + Math.round(f.getWritesPerSecond()) + " writes per second",
        "A concurrent build keeps its snapshot open for the whole build, which holds back the "
            + "xmin horizon of every VACUUM, so dead tuples pile up on all busy tables.",
        "Run the build in the quietest window, watch n_dead_tup of the busiest tables while it "
            + "runs, and run VACUUM on them once it is done."));
  }

  private static String hours(Duration d) {
    return d.toHours() + " h " + d.toMinutesPart() + " min";
  }
}
