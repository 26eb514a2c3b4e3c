package dev.migsafe.internal.plan;

import dev.migsafe.api.Plan;
import dev.migsafe.api.Plan.PlanFinding;
import dev.migsafe.api.Plan.Validation;
import dev.migsafe.api.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which validations a playbook carries and when they run (docs/plan-model.md,
 * "Validations"): a precondition that the recipe repairs in phase C moves after that repair;
 * a validation whose tables, columns or types are not there at its phase is left out and
 * reported; of two that check the same thing, the most specific stays; one that reads a large
 * table states its cost and its key-range form.
 */
final class ValidationPlacement {
  /** The finding that lists a validation left out, and why. */
  static final String LEFT_OUT_RULE = "plan-validation-left-out";

  private ValidationPlacement() {}

  /** The validations to emit, in their order, and a finding for each one left out. */
  record Placed(List<Validation> validations, List<PlanFinding> leftOut) {}

  static Placed of(List<ValidationCandidate> candidates, List<Plan.Phase> phases,
      PhaseSchemas schemas, ScanCosts costs) {
    Set<String> repaired = repairedInPhaseC(phases);
    List<ValidationCandidate> fitting = new ArrayList<>();
    List<PlanFinding> leftOut = new ArrayList<>();
    for (ValidationCandidate c : candidates) {
      ValidationCandidate placed = afterRepair(c, repaired);
      Optional<String> problem = ValidationFit.problem(placed, schemas);
      if (problem.isPresent()) {
        leftOut.add(new PlanFinding(LEFT_OUT_RULE, Severity.INFO,
            placed.change() == null ? null : placed.change().id(),
            "Validation " + placed.id() + " (" + placed.phase() + ", " + placed.validation()
                .source() + ") is left out: " + problem.get(),
            "A validation runs at its phase on the schema the playbook has reached by then; "
                + "a query on a table or column that is not there fails with an error, and a "
                + "template whose type rule does not hold either fails or proves nothing.",
            "If the check matters, write it as an invariant in the phase where its tables and "
                + "columns exist."));
      } else {
        fitting.add(placed);
      }
    }
    List<Validation> out = new ArrayList<>();
    for (ValidationCandidate c : ValidationDedupe.of(fitting)) {
      out.add(costs.cost(c.validation(), schemas));
    }
    return new Placed(List.copyOf(out), List.copyOf(leftOut));
  }

  /**
   * The changes whose recipe works on the rows in phase C (a backfill, or a repair people do:
   * fill the NULLs, fix the orphans, merge the duplicates).
   */
  static Set<String> repairedInPhaseC(List<Plan.Phase> phases) {
    Set<String> out = new HashSet<>();
    for (Plan.Phase ph : phases) {
      if (!ph.id().equals("C")) {
        continue;
      }
      for (Plan.Step s : ph.steps()) {
        if (s.changeId() != null && (s.batched() || s.action() != null)) {
          out.add(s.changeId());
        }
      }
    }
    return out;
  }

  /**
   * A {@code before} precondition on the rows (no NULLs, no orphans, no duplicates, no
   * violations) of a change whose recipe repairs the rows in phase C runs after phase C: before
   * the first step it would stop a playbook that is about to fix exactly that.
   */
  static ValidationCandidate afterRepair(ValidationCandidate c, Set<String> repaired) {
    if (!c.phase().equals("before") || c.checks() == null || !c.checks().repairable()
        || c.change() == null || !repaired.contains(c.change().id())) {
      return c;
    }
    Validation v = c.validation();
    return c.with(v.withPhase("after-backfill").withDescription(v.description()
        + "; checked after phase C, where the recipe repairs these rows"));
  }
}
