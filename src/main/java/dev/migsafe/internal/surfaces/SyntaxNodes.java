package dev.migsafe.internal.surfaces;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.treesitter.TSNode;

/**
 * The few questions the ORM readers ask of a tree-sitter node, over the UTF-8 bytes the tree
 * was parsed from (tree-sitter's offsets are byte offsets).
 */
final class SyntaxNodes {
  private final byte[] utf8;
  /** The UTF-8 offset of each character offset, for text that is not ASCII. */
  private int[] byteAt;

  SyntaxNodes(String source) {
    this.utf8 = source.getBytes(StandardCharsets.UTF_8);
  }

  /** The UTF-8 offset of a character offset of the source (the same for ASCII text). */
  int byteOffset(String source, int at) {
    if (utf8.length == source.length()) {
      return at;
    }
    if (byteAt == null) {
      // Once per file: a UTF-8 prefix per offset would be quadratic.
      byteAt = new int[source.length() + 1];
      int b = 0;
      for (int i = 0; i < source.length(); i++) {
        byteAt[i] = b;
        char c = source.charAt(i);
        b += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
      }
      byteAt[source.length()] = b;
    }
    return byteAt[at];
  }

  /**
   * The node at each place the name stands as a whole word and the text passes a check, in
   * the order they stand: the smallest named node spanning the name (for a name inside a
   * string or a comment, that string or comment). The script readers ask the tree about the
   * few places their text allows rather than visiting every node from Java, which costs more
   * than the parse.
   *
   * @param where given the name's character offset, whether the text there allows a match
   */
  List<TSNode> at(String source, TSNode root, String name, IntPredicate where) {
    List<TSNode> out = new ArrayList<>();
    int length = byteLength(name);
    for (int at = source.indexOf(name); at >= 0; at = source.indexOf(name, at + 1)) {
      if (SourceFile.isWordAt(source, at, at + name.length()) && where.test(at)) {
        int start = byteOffset(source, at);
        TSNode node = TreeCalls.namedDescendant(root, start, start + length);
        if (present(node)) {
          out.add(node);
        }
      }
    }
    return out;
  }

  /** The source as the tree was parsed from it, in UTF-8. */
  byte[] utf8() {
    return utf8;
  }

  int byteLength(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  String text(TSNode node) {
    return new String(utf8, TreeCalls.start(node), TreeCalls.end(node) - TreeCalls.start(node),
        StandardCharsets.UTF_8);
  }

  /** 1-based line. */
  static int line(TSNode node) {
    return node.getStartPoint().getRow() + 1;
  }

  /** 1-based column in characters. */
  int column(TSNode node) {
    return StringLiterals.column(utf8, node);
  }

  /** Whether the node is there: not Java's null, not tree-sitter's null node. */
  static boolean present(TSNode node) {
    return node != null && !TreeCalls.isNull(node);
  }

  static TSNode field(TSNode node, String name) {
    TSNode f = TreeCalls.field(node, name);
    return present(f) ? f : null;
  }

  /** The named children, of one of the types when any is given. */
  static List<TSNode> children(TSNode node, String... types) {
    List<TSNode> out = new ArrayList<>();
    for (int i = 0; i < TreeCalls.namedChildCount(node); i++) {
      TSNode c = TreeCalls.namedChild(node, i);
      if (types.length == 0 || List.of(types).contains(TreeCalls.type(c))) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * A declaration's name: Java's {@code name} field, else Kotlin's first child of the kind
   * ({@code type_identifier} for a class, {@code simple_identifier} for a function), or null.
   */
  static TSNode name(TSNode declaration, String kotlinType) {
    TSNode name = field(declaration, "name");
    return name != null ? name : child(declaration, kotlinType);
  }

  /** The first named child of the type, or null. */
  static TSNode child(TSNode node, String type) {
    for (int i = 0; i < TreeCalls.namedChildCount(node); i++) {
      if (TreeCalls.namedChild(node, i).getType().equals(type)) {
        return TreeCalls.namedChild(node, i);
      }
    }
    return null;
  }

  /** Whether an unnamed child (a keyword) of this text is there: Kotlin's {@code interface}. */
  boolean hasKeyword(TSNode node, String keyword) {
    for (int i = 0; i < node.getChildCount(); i++) {
      TSNode c = node.getChild(i);
      if (!c.isNamed() && TreeCalls.type(c).equals(keyword)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text a string literal holds, for the simple literals of annotations and object keys:
   * its content and fragment children, or the literal without its quotes.
   */
  String stringValue(TSNode literal) {
    StringBuilder sb = new StringBuilder();
    boolean any = false;
    for (TSNode c : children(literal)) {
      if (TreeCalls.type(c).contains("content") || TreeCalls.type(c).contains("fragment")) {
        sb.append(text(c));
        any = true;
      }
    }
    if (any) {
      return sb.toString();
    }
    String raw = text(literal);
    return raw.length() >= 2 ? raw.substring(1, raw.length() - 1) : "";
  }
}
