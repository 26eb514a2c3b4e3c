package dev.migsafe.cli;

import dev.migsafe.api.Plan;
import dev.migsafe.api.Severity;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * When {@code plan} exits 1: a finding at or above a severity, and gates in the given states.
 * Written as a comma-separated list, e.g. {@code high,gate-blocked,gate-failed} (the default),
 * {@code high} (gates do not fail the run), {@code none} (nothing does).
 *
 * @param threshold the least severe finding that fails the run, or null when none does
 * @param gates the gate states that fail the run
 */
record PlanFailOn(Severity threshold, Set<GateState> gates) {
  /** What a CI job wants from a playbook by default: no blocked or failed gate, no high risk. */
  static final String DEFAULT = "high,gate-blocked,gate-failed";

  /** Gate states as {@code --fail-on} names them. */
  enum GateState {
    BLOCKED("gate-blocked", "blocked"),
    FAILED("gate-failed", "failed"),
    PENDING("gate-pending", "pending");

    final String option;
    final String status;

    GateState(String option, String status) {
      this.option = option;
      this.status = status;
    }
  }

  /**
   * Reads the option's value.
   *
   * @throws IllegalArgumentException naming the part that is neither a severity nor a gate state
   */
  static PlanFailOn parse(String text) {
    Severity threshold = null;
    Set<GateState> gates = EnumSet.noneOf(GateState.class);
    for (String raw : text.split(",", -1)) {
      String part = raw.strip().toLowerCase(Locale.ROOT);
      if (part.equals("none")) {
        continue;
      }
      GateState gate = null;
      for (GateState g : GateState.values()) {
        if (g.option.equals(part)) {
          gate = g;
        }
      }
      if (gate != null) {
        gates.add(gate);
        continue;
      }
      try {
        Severity s = Severity.parse(part);
        threshold = threshold == null || threshold.atLeast(s) ? s : threshold;
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + raw.strip() + "' is neither a severity "
            + "(blocker, high, medium, low, info) nor a gate state (gate-blocked, gate-failed, "
            + "gate-pending) nor none");
      }
    }
    return new PlanFailOn(threshold, Set.copyOf(gates));
  }

  /** Whether the plan fails the run. */
  boolean fails(Plan plan) {
    boolean finding = threshold != null
        && plan.findings().stream().anyMatch(f -> f.severity().atLeast(threshold));
    boolean gate = plan.gates().stream()
        .anyMatch(g -> gates.stream().anyMatch(s -> s.status.equals(g.status())));
    return finding || gate;
  }
}
