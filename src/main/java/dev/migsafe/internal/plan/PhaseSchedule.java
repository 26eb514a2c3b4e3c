package dev.migsafe.internal.plan;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Start times for a phase's steps. Steps that must run together are placed together, in the
 * strictest window any of them needs: the statements between BEGIN and COMMIT (one
 * transaction), and a step with the session settings tied to it ({@code statement_timeout}
 * set right before it and reset right after).
 */
final class PhaseSchedule {
  private PhaseSchedule() {}

  /**
   * Where one step runs.
   *
   * @param at its start
   * @param paused for a backfill that pauses through the peaks, its stretches; else null
   */
  record Slot(ZonedDateTime at, Timeline.Paused paused) {}

  static List<Slot> of(List<JudgedStep> steps, Timeline timeline) {
    List<Slot> out = new ArrayList<>();
    int i = 0;
    while (i < steps.size()) {
      int end = groupEnd(steps, i);
      Duration total = Duration.ZERO;
      String window = "any";
      int paused = -1;
      for (int k = i; k <= end; k++) {
        total = total.plus(steps.get(k).estimate());
        window = stricter(window, steps.get(k).window());
        if (steps.get(k).pausesForPeaks()) {
          paused = k;
        }
      }
      if (paused >= 0 && window.equals("off-peak")) {
        Timeline.Paused run = timeline.placePaused(total);
        ZonedDateTime at = run.start();
        for (int k = i; k <= paused; k++) {
          out.add(new Slot(at, k == paused ? run : null));
          at = at.plus(steps.get(k).estimate());
        }
        // What follows the backfill in its group (the RESET) ends with its last batch.
        Duration after = Duration.ZERO;
        for (int k = paused + 1; k <= end; k++) {
          after = after.plus(steps.get(k).estimate());
        }
        at = run.end().minus(after);
        for (int k = paused + 1; k <= end; k++) {
          out.add(new Slot(at, null));
          at = at.plus(steps.get(k).estimate());
        }
      } else {
        ZonedDateTime at = timeline.place(window, total);
        for (int k = i; k <= end; k++) {
          out.add(new Slot(at, null));
          at = at.plus(steps.get(k).estimate());
        }
      }
      i = end + 1;
    }
    return out;
  }

  /** The last step of the group that starts at {@code i}. */
  private static int groupEnd(List<JudgedStep> steps, int i) {
    boolean inTransaction = false;
    for (int k = i; k < steps.size(); k++) {
      String sql = steps.get(k).draft().sql();
      if (isBegin(sql)) {
        inTransaction = true;
      } else if (isEnd(sql)) {
        inTransaction = false;
      }
      boolean tiedToNext = steps.get(k).tie() == JudgedStep.Tie.NEXT || k + 1 < steps.size()
          && steps.get(k + 1).tie() == JudgedStep.Tie.PREVIOUS;
      if (!inTransaction && !tiedToNext) {
        return k;
      }
    }
    return steps.size() - 1;
  }

  static boolean isBegin(String sql) {
    String s = sql == null ? "" : sql.strip().toUpperCase(Locale.ROOT);
    return s.equals("BEGIN") || s.startsWith("BEGIN ") || s.startsWith("START TRANSACTION");
  }

  static boolean isEnd(String sql) {
    String s = sql == null ? "" : sql.strip().toUpperCase(Locale.ROOT);
    return s.equals("COMMIT") || s.equals("END") || s.startsWith("ROLLBACK");
  }

  private static String stricter(String a, String b) {
    List<String> order = List.of("any", "off-peak", "maintenance");
    return order.indexOf(a) >= order.indexOf(b) ? a : b;
  }
}
