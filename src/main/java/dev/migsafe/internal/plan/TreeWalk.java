package dev.migsafe.internal.plan;

import java.util.Map;

/**
 * A walk through one decision tree with known answers; the compiled rules move it from
 * question to question until an outcome, or a question whose fact is unknown.
 */
public final class TreeWalk {
  private final String tree;
  private final Map<String, Boolean> answers;
  private String node;

  public TreeWalk(String tree, String startNode, Map<String, Boolean> answers) {
    this.tree = tree;
    this.node = startNode;
    this.answers = Map.copyOf(answers);
  }

  public String getTree() {
    return tree;
  }

  public String getNode() {
    return node;
  }

  public void setNode(String node) {
    this.node = node;
  }

  /** True when the fact is known and true. */
  public boolean yes(String fact) {
    return Boolean.TRUE.equals(answers.get(fact));
  }

  /** True when the fact is known and false. */
  public boolean no(String fact) {
    return Boolean.FALSE.equals(answers.get(fact));
  }
}
