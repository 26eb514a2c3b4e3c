package dev.migsafe.internal.surfaces;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/**
 * A file's text as tree-sitter addresses it (UTF-8 bytes) with its parse: the text, line and
 * column of a node, and its named children, for the ORM readers that walk the tree. Null-safe
 * where a grammar leaves an optional field out (tree-sitter returns a null node for it).
 */
final class SyntaxSource {
  private final byte[] utf8;
  private final TSNode root;

  SyntaxSource(SourceLanguage language, String text) {
    this.utf8 = text.getBytes(StandardCharsets.UTF_8);
    this.root = SyntaxTrees.parse(language, text).getRootNode();
  }

  TSNode root() {
    return root;
  }

  /** The node's text, or empty for a node a grammar left out (a file with syntax errors). */
  String text(TSNode node) {
    if (node == null) {
      return "";
    }
    return new String(utf8, node.getStartByte(), node.getEndByte() - node.getStartByte(),
        StandardCharsets.UTF_8);
  }

  /** 1-based line of the node's start. */
  static int line(TSNode node) {
    return node.getStartPoint().getRow() + 1;
  }

  /** 1-based column of the node's start, in characters. */
  int column(TSNode node) {
    return StringLiterals.column(utf8, node);
  }

  /** The child in a grammar field, or null when the node has none. */
  static TSNode field(TSNode node, String name) {
    TSNode c = node.getChildByFieldName(name);
    return c == null || c.isNull() ? null : c;
  }

  /** The named children, none for a node a grammar left out. */
  static List<TSNode> namedChildren(TSNode node) {
    if (node == null) {
      return List.of();
    }
    List<TSNode> out = new ArrayList<>(node.getNamedChildCount());
    for (int i = 0; i < node.getNamedChildCount(); i++) {
      out.add(node.getNamedChild(i));
    }
    return out;
  }

  /**
   * Whether the node is assigned to: the {@code left} of a parent of one of the assignment
   * types ({@code x.email = 1}, {@code x.email ||= 1}), not of a comparison.
   */
  static boolean isAssigned(TSNode node, java.util.Set<String> assignmentTypes) {
    TSNode parent = node.getParent();
    if (parent == null || parent.isNull() || !assignmentTypes.contains(parent.getType())) {
      return false;
    }
    TSNode c = field(parent, "left");
    return c != null && c.getStartByte() == node.getStartByte()
        && c.getEndByte() == node.getEndByte();
  }
}
