package dev.migsafe.internal.plan;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.Plan.ConsumerImpact;
import dev.migsafe.api.Plan.DecisionTree;
import dev.migsafe.api.Plan.Gate;
import dev.migsafe.api.Plan.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The gates a release must pass. Before a rehearsal nothing has run, so evidence-based gates are
 * pending; gates the packet alone decides are passed or blocked now.
 */
final class Gates {
  private Gates() {}

  static List<Gate> of(MigrationPacket p, List<ConsumerImpact> consumers,
      List<DecisionTree> trees) {
    List<Gate> out = new ArrayList<>();
    out.add(p.invariants().isEmpty()
        ? new Gate("invariants-before-and-after", "blocked",
            "the packet declares no business invariants to check before and after cutover")
        : new Gate("invariants-before-and-after", "pending", p.invariants().size()
            + " invariants to run before and after cutover; a rehearsal records the results"));
    List<String> unbounded = new ArrayList<>();
    for (DecisionTree t : trees) {
      if (hasUnboundedRollback(t.root())) {
        unbounded.add(t.id() + " (" + t.changeId() + ")");
      }
    }
    out.add(unbounded.isEmpty()
        ? new Gate("rollback-executable-and-time-bounded", "pending",
            "every rollback has concrete steps and a time bound; a rehearsal executes them")
        : new Gate("rollback-executable-and-time-bounded", "failed",
            "rollback without a time bound in " + String.join(", ", unbounded)));
    List<String> unacknowledged = consumers.stream()
        .filter(c -> !c.affectedBy().isEmpty() && !c.acknowledged())
        .map(c -> c.service() + " (" + c.owner() + ")").toList();
    out.add(unacknowledged.isEmpty()
        ? new Gate("consumers-acknowledged", "passed",
            "every affected consumer's owner has acknowledged the change")
        : new Gate("consumers-acknowledged", "blocked",
            "not acknowledged: " + String.join(", ", unacknowledged)));
    String criticality = p.constraints().criticality();
    boolean required = criticality.equals("high") || criticality.equals("critical");
    if (!required) {
      out.add(new Gate("human-review", "passed", "not required for criticality "
          + criticality));
    } else if (p.reviewers().isEmpty()) {
      out.add(new Gate("human-review", "blocked", "criticality " + criticality
          + " needs a database owner's review and the packet names no reviewers"));
    } else {
      out.add(new Gate("human-review", "pending", "criticality " + criticality
          + ": waiting for " + String.join(", ", p.reviewers())));
    }
    return out;
  }

  private static boolean hasUnboundedRollback(Node n) {
    if (n == null) {
      return false;
    }
    if (n.isOutcome()) {
      return n.outcome().equals("rollback") && n.timeBound() == null;
    }
    return hasUnboundedRollback(n.yes()) || hasUnboundedRollback(n.no());
  }
}
