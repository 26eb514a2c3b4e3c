package dev.migsafe.internal.rehearse;

import dev.migsafe.api.Plan.Gate;
import dev.migsafe.api.Rehearsal.RollbackRun;
import dev.migsafe.api.Rehearsal.Stop;
import dev.migsafe.api.Rehearsal.ValidationRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides the two gates that need evidence: {@code invariants-before-and-after} from the
 * invariants' runs, {@code rollback-executable-and-time-bounded} from the executed rollback.
 * Other gates are the plan's, unchanged. A gate the packet already blocks (no invariants) or
 * fails (a rollback without a time bound) stays so: a rehearsal cannot make it pass.
 *
 * <p>A gate passes only on evidence. When the run saw nothing that could decide it (no
 * invariant was rehearsed; no rollback statement ran) it stays {@code pending}, the status the
 * plan gives a gate whose evidence is still to come, with the reason: {@code plan --rehearsal}
 * and {@code outcome record} then count it as not passed.
 */
public final class RehearsalGates {
  public static final String INVARIANTS = "invariants-before-and-after";
  public static final String ROLLBACK = "rollback-executable-and-time-bounded";

  private RehearsalGates() {}

  public static List<Gate> decide(List<Gate> planned, List<ValidationRun> validations,
      RollbackRun rollback, Stop stopped, boolean cutoverReached) {
    List<Gate> out = new ArrayList<>();
    for (Gate g : planned) {
      if (g.status().equals("blocked") || g.status().equals("failed")) {
        out.add(g);
      } else if (g.id().equals(INVARIANTS)) {
        out.add(invariants(validations, stopped, cutoverReached));
      } else if (g.id().equals(ROLLBACK)) {
        out.add(rollback(rollback));
      } else {
        out.add(g);
      }
    }
    return out;
  }

  private static Gate invariants(List<ValidationRun> runs, Stop stopped, boolean cutoverReached) {
    List<ValidationRun> invariants = runs.stream()
        .filter(v -> v.source().equals("invariant") && !v.ranAt().equals("after-rollback"))
        .toList();
    List<String> failed = invariants.stream().filter(v -> !v.passed())
        .map(v -> v.id() + " " + v.ranAt() + " (" + outcome(v) + ")").distinct().toList();
    if (!failed.isEmpty()) {
      return new Gate(INVARIANTS, "failed", "invariant failed: " + String.join("; ", failed));
    }
    if (invariants.isEmpty()) {
      return new Gate(INVARIANTS, "pending", "no invariant ran in the rehearsal"
          + (stopped == null ? "" : " (it stopped at " + stopped.at() + ")")
          + ": nothing was seen that could pass this gate");
    }
    if (!cutoverReached) {
      return new Gate(INVARIANTS, "failed", "the rehearsal stopped "
          + (stopped == null ? "" : "at " + stopped.at() + " ") + "before the invariants after "
          + "cutover could run" + (stopped == null ? "" : ": " + stopped.reason()));
    }
    return new Gate(INVARIANTS, "passed", invariants.size() + " invariant runs passed before, "
        + "after backfill and after cutover");
  }

  private static Gate rollback(RollbackRun r) {
    if (!r.executed()) {
      return new Gate(ROLLBACK, r.error() == null ? "pending" : "failed", r.reason());
    }
    List<String> problems = new ArrayList<>();
    if (r.statements().isEmpty() && r.error() == null) {
      // The starting state was compared with itself: that proves no rollback.
      return new Gate(ROLLBACK, "pending", "no rollback statement ran"
          + (r.fromStep() == null ? "" : " from " + r.fromStep()) + ": nothing was rolled back, "
          + "so nothing shows that the rollback is executable and time-bounded");
    }
    if (r.error() != null) {
      problems.add("a rollback statement failed: " + r.error());
    }
    if (!r.withinBound()) {
      problems.add("took " + r.durationMs() + " ms"
          + (r.projectedDurationMs() == null ? "" : ", projected to "
              + Duration.ofMillis(r.projectedDurationMs()) + " at production's row counts")
          + ", over its bound of " + r.timeBound());
    }
    if (!r.schemaRestored()) {
      problems.add("the schema was not restored: " + String.join("; ", r.differences()));
    }
    if (!r.invariantsHold()) {
      problems.add("the invariants of the starting state do not hold after it");
    }
    return problems.isEmpty()
        ? new Gate(ROLLBACK, "passed", "rolled back from " + r.fromStep() + " in "
            + r.durationMs() + " ms (bound " + r.timeBound() + "); schema restored and "
            + "invariants hold" + (r.keptByDesign().isEmpty() ? ""
                : "; kept by design: " + String.join("; ", r.keptByDesign())))
        : new Gate(ROLLBACK, "failed", "rollback from " + r.fromStep() + ": "
            + String.join("; ", problems));
  }

  private static String outcome(ValidationRun v) {
    if (v.error() != null) {
      return v.error();
    }
    String want = v.expect() != null ? "expected " + Numbers.format(v.expect())
        : "expected " + (v.min() == null ? "" : ">= " + Numbers.format(v.min()))
            + (v.min() != null && v.max() != null ? " and " : "")
            + (v.max() == null ? "" : "<= " + Numbers.format(v.max()));
    return "returned " + Numbers.format(v.result()) + ", " + want;
  }
}
