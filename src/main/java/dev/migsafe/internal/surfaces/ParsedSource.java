package dev.migsafe.internal.surfaces;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
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

  /**
   * The byte offsets where any of the words stands whole in the source, sorted: a walk skips a
   * subtree none of them is in (most of a file, when it names a table once), which saves a
   * call into the native parser for each node.
   */
  int[] wordsAt(Collection<String> words) {
    List<Integer> at = new ArrayList<>();
    for (String w : new HashSet<>(words)) {
      byte[] word = w.getBytes(StandardCharsets.UTF_8);
      for (int i = indexOf(word, 0); i >= 0; i = indexOf(word, i + 1)) {
        if ((i == 0 || !isWordByte(utf8[i - 1]))
            && (i + word.length >= utf8.length || !isWordByte(utf8[i + word.length]))) {
          at.add(i);
        }
      }
    }
    return at.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** Whether one of the offsets lies within the node. */
  static boolean holds(int[] wordsAt, TSNode node) {
    int i = Arrays.binarySearch(wordsAt, node.getStartByte());
    int insertion = i >= 0 ? i : -i - 1;
    return insertion < wordsAt.length && wordsAt[insertion] < node.getEndByte();
  }

  private int indexOf(byte[] word, int from) {
    outer:
    for (int i = from; i + word.length <= utf8.length; i++) {
      for (int j = 0; j < word.length; j++) {
        if (utf8[i + j] != word[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean isWordByte(byte b) {
    return b < 0 || Character.isLetterOrDigit(b) || b == '_';
  }

  /** The text of a string literal without its quotes, escapes left as written. */
  String unquoted(TSNode literal) {
    String t = text(literal);
    return t.length() >= 2 ? t.substring(1, t.length() - 1) : t;
  }
}
