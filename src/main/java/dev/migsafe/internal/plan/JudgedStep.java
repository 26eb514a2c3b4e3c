package dev.migsafe.internal.plan;

import dev.migsafe.api.LockMode;
import java.time.Duration;

/**
 * A step with what the analysis and the model say about it, before it is numbered and
 * scheduled.
 *
 * @param window {@code any}, {@code off-peak} or {@code maintenance}
 * @param tie whether it must run right next to a neighbour, in the same session
 * @param note what the plan adds to the recipe's step, or null
 */
record JudgedStep(StepExpander.Draft draft, LockMode lock, boolean rewrites, boolean scans,
    Duration estimate, String window, Tie tie, String note) {

  /** A session setting that only makes sense right before, or right after, another step. */
  enum Tie {
    NONE,
    /** Runs right before the next step: {@code SET statement_timeout}. */
    NEXT,
    /** Runs right after the previous step: the {@code RESET} that undoes the setting. */
    PREVIOUS
  }

  JudgedStep withNote(String more) {
    if (more == null) {
      return this;
    }
    return new JudgedStep(draft, lock, rewrites, scans, estimate, window, tie,
        note == null ? more : note + " " + more);
  }

  /** A batched backfill that must avoid peaks: it pauses through them rather than wait. */
  boolean pausesForPeaks() {
    return draft.backfill() && window.equals("off-peak");
  }
}
