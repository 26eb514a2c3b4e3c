package dev.migsafe.internal.surfaces;

import java.nio.charset.StandardCharsets;
import org.treesitter.TSNode;

/**
 * A file's text as its tree-sitter tree sees it: nodes hold byte offsets into the UTF-8 form,
 * so their text and 1-based places are read from the same bytes.
 */
final class ParsedSource {
  private final byte[] utf8;
  final TSNode root;

  ParsedSource(SourceLanguage language, String source) {
    this.utf8 = source.getBytes(StandardCharsets.UTF_8);
    this.root = SyntaxTrees.parse(language, source).getRootNode();
  }

  String text(TSNode node) {
    return new String(utf8, node.getStartByte(), node.getEndByte() - node.getStartByte(),
        StandardCharsets.UTF_8);
  }

  static int line(TSNode node) {
    return node.getStartPoint().getRow() + 1;
  }

  int column(TSNode node) {
    return StringLiterals.column(utf8, node);
  }

  /** The child in a grammar field, or null (the binding returns a null node instead). */
  static TSNode field(TSNode node, String name) {
    if (node == null) {
      return null;
    }
    TSNode c = node.getChildByFieldName(name);
    return c == null || c.isNull() ? null : c;
  }

  /** The text of a string literal without its quotes, escapes left as written. */
  String unquoted(TSNode literal) {
    String t = text(literal);
    return t.length() >= 2 ? t.substring(1, t.length() - 1) : t;
  }
}
