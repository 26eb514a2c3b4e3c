package dev.migsafe.internal.surfaces;

import org.treesitter.TSNode;

/** Whether a TypeScript or JavaScript expression is written: assigned, or {@code ++}ed. */
final class ScriptAssignments {
  private ScriptAssignments() {}

  static boolean isWritten(TSNode expression) {
    TSNode parent = TreeCalls.parent(expression);
    if (!SyntaxNodes.present(parent)) {
      return false;
    }
    return switch (TreeCalls.type(parent)) {
      case "assignment_expression", "augmented_assignment_expression" ->
          expression.equals(SyntaxNodes.field(parent, "left"));
      case "update_expression" -> true;
      default -> false;
    };
  }
}
