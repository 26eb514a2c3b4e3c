package dev.migsafe.internal.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A decision tree as written in {@code library/decision-trees/<id>.yaml}.
 *
 * @param id equal to the file name
 * @param title what situation it decides
 * @param appliesTo the change kinds it guards
 * @param root the first question
 */
public record TreeDefinition(String id, String title, List<String> appliesTo, TreeNode root) {

  /**
   * Walks the tree with the answers known so far and returns the node it stops at: an outcome,
   * or the first question whose fact is not answered (the operator has to find out first).
   */
  public TreeNode decide(Map<String, Boolean> answers) {
    TreeNode n = root;
    while (n != null && !n.isOutcome()) {
      Boolean answer = answers.get(n.fact());
      if (answer == null) {
        return n;
      }
      n = answer ? n.yes() : n.no();
    }
    return n;
  }

  /**
   * A question ({@code question}, {@code fact}, {@code yes}, {@code no}) or an outcome
   * ({@code outcome}, {@code steps}, {@code timeBound}). {@code key} numbers the nodes
   * depth-first ({@code n1}, {@code n2}, ...) so that a message can name one.
   */
  public record TreeNode(String key, String question, String fact, TreeNode yes, TreeNode no,
      String outcome, List<String> steps, Duration timeBound) {
    public boolean isOutcome() {
      return outcome != null;
    }
  }
}
