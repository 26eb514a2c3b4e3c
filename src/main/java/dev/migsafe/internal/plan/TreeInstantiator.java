package dev.migsafe.internal.plan;

import dev.migsafe.api.Plan.DecisionTree;
import dev.migsafe.api.Plan.Node;
import dev.migsafe.internal.plan.TreeDefinition.TreeNode;
import java.util.ArrayList;
import java.util.List;

/** A library tree filled in for one change: its template steps and the recipe's rollback. */
final class TreeInstantiator {
  static final String ROLLBACK = "$rollback";

  private TreeInstantiator() {}

  /**
   * @param rollbackSql the recipe's rollback statements in the order to run them (reverse
   *     step order); empty when nothing can be rolled back
   * @param pointOfNoReturn the plan step after which only forward-fix remains, or null
   */
  static DecisionTree of(TreeDefinition t, String changeId, Template template,
      List<String> rollbackSql, String pointOfNoReturn) {
    return new DecisionTree(t.id(), changeId, t.title(), node(t.root(), template, rollbackSql),
        pointOfNoReturn);
  }

  private static Node node(TreeNode n, Template template, List<String> rollbackSql) {
    if (n.isOutcome()) {
      List<String> steps = new ArrayList<>();
      for (String s : n.steps()) {
        if (s.equals(ROLLBACK)) {
          steps.addAll(rollbackSql.isEmpty()
              ? List.of("Nothing to undo: the steps so far changed no schema.") : rollbackSql);
        } else {
          steps.add(template.fill(s));
        }
      }
      return new Node(null, null, null, n.outcome(), List.copyOf(steps), n.timeBound());
    }
    return new Node(template.fill(n.question()), node(n.yes(), template, rollbackSql),
        node(n.no(), template, rollbackSql), null, List.of(), null, n.fact());
  }
}
