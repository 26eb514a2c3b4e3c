package dev.migsafe.internal.plan;

import dev.migsafe.internal.plan.TreeDefinition.TreeNode;

/**
 * Compiles decision trees into DRL for the plan knowledge base: one rule attaches a tree to
 * the changes of the kinds it guards, and each question becomes two rules that move a {@link
 * TreeWalk} to its yes or no branch, so Drools decides a tree from observed facts.
 */
public final class TreeCompiler {
  private TreeCompiler() {}

  public static String compile(Iterable<TreeDefinition> trees) {
    StringBuilder drl = new StringBuilder();
    drl.append("package dev.migsafe.plan.trees;\n\n")
        .append("import dev.migsafe.internal.plan.PlanChange;\n")
        .append("import dev.migsafe.internal.plan.TreeWalk;\n\n");
    for (TreeDefinition t : trees) {
      drl.append("rule \"tree ").append(t.id()).append(" applies\"\nwhen\n")
          .append("  $c : PlanChange(kind in (")
          .append(String.join(", ", t.appliesTo().stream().map(TreeCompiler::str).toList()))
          .append("))\nthen\n  $c.attachTree(").append(str(t.id())).append(");\nend\n\n");
      questions(drl, t.id(), t.root());
    }
    return drl.toString();
  }

  private static void questions(StringBuilder drl, String tree, TreeNode n) {
    if (n == null || n.isOutcome()) {
      return;
    }
    for (boolean answer : new boolean[] {true, false}) {
      TreeNode next = answer ? n.yes() : n.no();
      drl.append("rule \"tree ").append(tree).append(' ').append(n.key())
          .append(answer ? " yes" : " no").append("\"\nwhen\n")
          .append("  $w : TreeWalk(tree == ").append(str(tree)).append(", node == ")
          .append(str(n.key())).append(", ").append(answer ? "yes(" : "no(")
          .append(str(n.fact())).append("))\nthen\n  modify($w) { setNode(")
          .append(str(next.key())).append(") }\nend\n\n");
    }
    questions(drl, tree, n.yes());
    questions(drl, tree, n.no());
  }

  /** A DRL string literal; ids and facts are validated names, quotes escaped all the same. */
  private static String str(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
