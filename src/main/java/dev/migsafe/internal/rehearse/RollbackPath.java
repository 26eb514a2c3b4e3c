package dev.migsafe.internal.rehearse;

import dev.migsafe.api.Plan;
import dev.migsafe.api.Plan.DecisionTree;
import dev.migsafe.api.Plan.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rollback a rehearsal executes for one change: the SQL of the decision trees' rollback
 * outcome that undoes the most, which is the one for a release stopped at its last reversible
 * point. A tree's outcome mixes instructions for people ("Redeploy the release ...") with SQL;
 * the SQL is what starts with a statement keyword.
 *
 * @param changeId the change it undoes
 * @param treeId the tree it comes from
 * @param statements the SQL to run, in order
 * @param timeBound the outcome's time bound
 */
record RollbackPath(String changeId, String treeId, List<String> statements,
    Duration timeBound) {

  private static final Pattern SQL = Pattern.compile(
      "(?is)^\\s*(ALTER|DROP|CREATE|UPDATE|INSERT|DELETE|TRUNCATE|COMMENT|GRANT|REVOKE"
          + "|REINDEX|VACUUM|ANALYZE|SET|RESET|BEGIN|COMMIT|LOCK|SELECT|WITH)\\s.*");
  /** A statement that copies rows back in batches: run until it changes no row. */
  private static final Pattern BATCH = Pattern.compile("(?is)^\\s*UPDATE\\b.*\\bLIMIT\\s+\\d+.*");

  static boolean isSql(String step) {
    return SQL.matcher(step).matches();
  }

  static boolean isBatch(String statement) {
    return BATCH.matcher(statement).matches();
  }

  /** Per change, in plan order, the fullest rollback of its trees; changes without one left out. */
  static Map<String, RollbackPath> of(Plan plan) {
    Map<String, RollbackPath> out = new LinkedHashMap<>();
    for (DecisionTree t : plan.decisionTrees()) {
      List<Node> outcomes = new ArrayList<>();
      collect(t.root(), outcomes);
      for (Node n : outcomes) {
        List<String> sql = n.steps().stream().filter(RollbackPath::isSql).toList();
        RollbackPath candidate = new RollbackPath(t.changeId(), t.id(), sql, n.timeBound());
        RollbackPath best = out.get(t.changeId());
        if (best == null || sql.size() > best.statements().size()) {
          out.put(t.changeId(), candidate);
        }
      }
    }
    return out;
  }

  private static void collect(Node n, List<Node> out) {
    if (n == null) {
      return;
    }
    if (n.isOutcome()) {
      if ("rollback".equals(n.outcome())) {
        out.add(n);
      }
      return;
    }
    collect(n.yes(), out);
    collect(n.no(), out);
  }
}
