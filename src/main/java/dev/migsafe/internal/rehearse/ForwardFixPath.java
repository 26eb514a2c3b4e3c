package dev.migsafe.internal.rehearse;

import dev.migsafe.api.Plan;
import dev.migsafe.api.Plan.DecisionTree;
import dev.migsafe.api.Plan.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The forward-fix a rehearsal executes for one change: the first forward-fix outcome with SQL
 * that its decision tree offers once the point of no return has passed, searched in the order a
 * reader meets it (the "yes" branch first). It is run right after the step that passes the
 * point of no return, because that is the state the outcome is written for: later steps (the
 * drop of an old column) may remove what the fix reads.
 *
 * @param changeId the change it fixes forward
 * @param treeId the tree it comes from
 * @param afterStep the plan step after which only forward-fix remains
 * @param answers the answers that lead to the outcome, e.g. {@code pointOfNoReturnPassed=yes,
 *     errorRateAboveThreshold=yes}
 * @param statements the outcome's SQL, in order
 */
record ForwardFixPath(String changeId, String treeId, String afterStep, List<String> answers,
    List<String> statements) {

  static final String POINT_OF_NO_RETURN = "pointOfNoReturnPassed";

  /** Per tree with a point of no return and an executable forward-fix, in plan order. */
  static List<ForwardFixPath> of(Plan plan) {
    List<ForwardFixPath> out = new ArrayList<>();
    for (DecisionTree t : plan.decisionTrees()) {
      if (t.pointOfNoReturn() == null) {
        continue;
      }
      ForwardFixPath found = afterPointOfNoReturn(t, t.root(), new ArrayList<>(), false);
      if (found != null) {
        out.add(found);
      }
    }
    return out;
  }

  private static ForwardFixPath afterPointOfNoReturn(DecisionTree t, Node n, List<String> answers,
      boolean passed) {
    if (n == null) {
      return null;
    }
    if (n.isOutcome()) {
      List<String> sql = n.steps().stream().filter(RollbackPath::isSql).toList();
      return passed && "forward-fix".equals(n.outcome()) && !sql.isEmpty()
          ? new ForwardFixPath(t.changeId(), t.id(), t.pointOfNoReturn(), List.copyOf(answers),
              sql)
          : null;
    }
    String fact = n.fact() == null ? "?" : n.fact();
    answers.add(fact + "=yes");
    ForwardFixPath yes = afterPointOfNoReturn(t, n.yes(), answers,
        passed || POINT_OF_NO_RETURN.equals(n.fact()));
    answers.remove(answers.size() - 1);
    if (yes != null) {
      return yes;
    }
    // Below "no" to the point of no return the outcomes are for a release not yet final.
    if (POINT_OF_NO_RETURN.equals(n.fact())) {
      return null;
    }
    answers.add(fact + "=no");
    ForwardFixPath no = afterPointOfNoReturn(t, n.no(), answers, passed);
    answers.remove(answers.size() - 1);
    return no;
  }
}
