package dev.migsafe.internal.render;

import dev.migsafe.api.Rehearsal;
import dev.migsafe.api.TableLock;
import dev.migsafe.internal.plan.DurationText;
import java.util.stream.Collectors;

/** Short wordings shared by the Markdown and HTML rehearsal reports. */
final class RehearsalText {
  private RehearsalText() {}

  static String locks(Rehearsal.Observation o) {
    if (o.locks().isEmpty()) {
      return "none";
    }
    return o.locks().stream().map(RehearsalText::lock).collect(Collectors.joining(", "));
  }

  static String lock(TableLock l) {
    return l.table() + " " + l.mode().sqlName();
  }

  /** The plan's estimate for production and the rehearsal's projection, as people read them. */
  static String production(Rehearsal.StepRun s) {
    if (s.estimated() == null && s.projectedMs() == null) {
      return "–";
    }
    return (s.estimated() == null ? "–" : DurationText.human(s.estimated())) + " / "
        + (s.projectedMs() == null ? "–"
            : DurationText.human(java.time.Duration.ofMillis(s.projectedMs())))
        + (s.projectionFarFromEstimate() ? " (" + farFromEstimate(s) + ")" : "");
  }

  /** {@code 5.2× the estimate}, {@code 1/4.9 of the estimate}: how far off, either way. */
  static String farFromEstimate(Rehearsal.StepRun s) {
    double ratio = s.projectionRatio();
    return ratio >= 1 ? String.format(java.util.Locale.ROOT, "%.1f× the estimate", ratio)
        : String.format(java.util.Locale.ROOT, "1/%.1f of the estimate", 1 / ratio);
  }

  /** One end-state difference as a line: its message, and the plan's reason when declared. */
  static String difference(Rehearsal.EndStateDifference d) {
    return d.message() + (d.declared() ? " (declared by the plan: " + d.reason() + ")"
        : " (not declared by the plan)");
  }

  static String endState(Rehearsal.EndState e) {
    return !e.checked() ? "Not checked: " + e.reason()
        : (e.reached() ? "Reached: " : "Not reached: ") + e.reason();
  }

  static String yesNo(Boolean b) {
    return b == null ? "?" : b ? "yes" : "no";
  }

  static String number(Double d) {
    return d == null ? "–" : dev.migsafe.internal.rehearse.Numbers.format(d);
  }

  static String expectation(Rehearsal.ValidationRun v) {
    if (v.expect() != null) {
      return "= " + number(v.expect());
    }
    String min = v.min() == null ? "" : "≥ " + number(v.min());
    String max = v.max() == null ? "" : "≤ " + number(v.max());
    return (min + " " + max).strip();
  }

  static String result(Rehearsal.ValidationRun v) {
    if (v.defect()) {
      return "validation " + v.id() + " is broken: " + v.error();
    }
    return v.error() != null ? "error: " + v.error() : number(v.result());
  }

  static String summary(Rehearsal r) {
    // A failed step showed nothing to compare: it is counted apart, never as matching.
    long mismatched = r.differingSteps().size();
    long failedSteps = r.failedSteps().size();
    long failedValidations = r.validations().stream().filter(v -> !v.passed()).count();
    return r.steps().size() + " steps rehearsed, " + mismatched + " differ from the plan"
        + (failedSteps == 0 ? "" : ", " + failedSteps + " failed") + "; "
        + r.validations().size() + " validation runs, " + failedValidations + " failed; rollback "
        + (r.rollback().executed() ? "executed in " + r.rollback().durationMs() + " ms"
            : "not executed") + (r.forwardFixes().isEmpty() ? "" : "; "
                + r.forwardFixes().size() + " forward-fix" + (r.forwardFixes().size() == 1
                    ? "" : "es") + " run, " + r.failedForwardFixes().size() + " failed")
        + "; end state " + (!r.endState().checked() ? "not checked"
                : r.endState().reached() ? "reached" : "not reached");
  }
}
