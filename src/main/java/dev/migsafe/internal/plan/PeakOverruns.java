package dev.migsafe.internal.plan;

import dev.migsafe.api.Plan.PlanFinding;
import dev.migsafe.api.Severity;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Steps that must avoid peak traffic but are longer than the off-peak gap they start in. A
 * batched backfill pauses through the peaks, and its note says how; anything else runs through
 * the peak, and the plan says which one rather than pretend the step fits.
 */
final class PeakOverruns {
  static final String RUNS_THROUGH_PEAK = "plan-step-runs-through-peak";
  static final String PAUSED_FOR_PEAKS = "plan-backfill-paused-for-peaks";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern(
      "EEE yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z",
      Locale.ROOT);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
      "EEE yyyy-MM-dd HH:mm z", Locale.ROOT);

  private PeakOverruns() {}

  /** The note of a backfill that pauses for the peaks: when to stop, when to go on. */
  static String pauseNote(Timeline.Paused run, Duration work) {
    return "Pause the batch loop when a peak window starts (the first: " + peak(run.firstPeak())
        + ") and resume it when the peak ends; the batch predicate picks up where it stopped. "
        + DurationText.human(work) + " of batches over " + run.stretches()
        + " off-peak stretches: done around " + WHEN.format(run.end()) + ".";
  }

  static PlanFinding paused(String stepId, String changeId, String title, Timeline.Paused run,
      Duration work) {
    return new PlanFinding(PAUSED_FOR_PEAKS, Severity.LOW, changeId, stepId + " (" + title
        + ") needs " + DurationText.human(work) + " of batches, more than the off-peak gap "
        + "before the peak of " + peak(run.firstPeak()) + ": it pauses at every peak start "
        + "and resumes when the peak ends, over " + run.stretches() + " off-peak stretches, "
        + "done around " + WHEN.format(run.end()),
        "A backfill that ran through a peak would add its writes, WAL and replica lag to the "
        + "busiest traffic; paused, it stretches phase C over days instead.",
        "Keep the pauses, or raise the throughput the packet allows (backfill.batchSize, "
        + "pauseBetweenBatches) if the replicas keep up, then plan again.");
  }

  /**
   * A step that runs through a peak. Under a lock that blocks writes it stops the peak's
   * writes, which is as bad as a plan gets short of a blocker; otherwise it competes with them.
   */
  static PlanFinding runsThrough(String stepId, String changeId, String title,
      ZonedDateTime at, Duration estimate, Timeline.Interval peak, boolean blocksWrites) {
    return new PlanFinding(RUNS_THROUGH_PEAK, blocksWrites ? Severity.HIGH : Severity.MEDIUM,
        changeId, stepId + " (" + title + ", est. " + DurationText.human(estimate)
            + ", from " + WHEN.format(at) + ") runs through the peak of " + peak(peak)
            + ": no off-peak gap within a week is long enough for it",
        blocksWrites ? "Its lock blocks writes for the whole step, peak traffic included."
            : "It reads or writes the whole table while peak traffic runs, competing with it "
                + "for I/O, and holds back vacuum for as long as it runs.",
        "Run it in a longer window (a weekend, a maintenance window), or accept the load and "
            + "have someone watch it through the peak.");
  }

  private static String peak(Timeline.Interval i) {
    return i == null ? "?" : DAY.format(i.start()) + "-" + TIME.format(i.end());
  }
}
