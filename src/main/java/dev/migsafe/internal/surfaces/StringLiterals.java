package dev.migsafe.internal.surfaces;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSTree;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;

/**
 * The string literals of a source file, read with the language's tree-sitter grammar: each
 * literal's text as the program sees it (delimiters and prefixes gone), and literals joined
 * with {@code +} (or written side by side, as Python allows) read as one string, so that SQL
 * split over several lines of code is read whole. An interpolated part ({@code ${x}},
 * {@code {x}}, {@code #{x}}) becomes a {@code ?} parameter.
 */
final class StringLiterals {
  /** A literal, or literals joined, with where it starts. */
  record Literal(String text, int line, int column) {}

  private final SourceLanguage language;
  private final byte[] utf8;
  private final List<Literal> out = new ArrayList<>();

  private StringLiterals(SourceLanguage language, byte[] utf8) {
    this.language = language;
    this.utf8 = utf8;
  }

  static List<Literal> of(SourceLanguage language, String source) {
    StringLiterals s = new StringLiterals(language, source.getBytes(StandardCharsets.UTF_8));
    TSTree tree = SyntaxTrees.parse(language, source);
    s.walk(tree.getRootNode());
    return s.out;
  }

  /**
   * The literals of {@link #of} that can hold one of the words: those that stand where a word
   * is in the lower-cased text. A large file has thousands of strings and names a table in a
   * few places; the query is asked about the bytes of each place only. A literal holding none
   * of the words whole is one {@link #of} gives too and no SQL in it can name them.
   *
   * @param lower the source in lower case
   * @param words lower-case words, one of which an interesting literal holds
   */
  static List<Literal> containing(SourceLanguage language, String source, String lower,
      List<String> words) {
    if (lower.length() != source.length()) {
      // Lower-casing changed the length (a few non-ASCII letters do): offsets differ.
      return of(language, source);
    }
    SyntaxNodes offsets = new SyntaxNodes(source);
    StringLiterals s = new StringLiterals(language, offsets.utf8());
    List<int[]> places = new ArrayList<>();
    for (String w : words) {
      for (int at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
        places.add(new int[] {offsets.byteOffset(source, at),
            offsets.byteOffset(source, at + w.length())});
      }
    }
    if (places.isEmpty()) {
      return s.out;
    }
    places.sort((a, b) -> Integer.compare(a[0], b[0]));
    TSTree tree = SyntaxTrees.parse(language, source);
    TSQueryCursor cursor = new TSQueryCursor();
    int readUpTo = -1;
    for (int[] place : places) {
      if (place[1] <= readUpTo) {
        continue;
      }
      // The strings the place touches, in document order: the same reading as walk's, from
      // the first string that holds it.
      cursor.setByteRange(place[0], place[1]);
      cursor.exec(SyntaxTrees.strings(language), tree.getRootNode());
      readUpTo = s.read(cursor, readUpTo);
    }
    return s.out;
  }

  /**
   * Reads every string, each with the joins of strings above it. The strings are found by a
   * tree-sitter query, which filters the tree natively: visiting every node from Java costs
   * more than the parse itself. Strings come in document order, so one inside a join or a
   * string already read is skipped.
   */
  private void walk(TSNode root) {
    TSQueryCursor cursor = new TSQueryCursor();
    cursor.exec(SyntaxTrees.strings(language), root);
    read(cursor, -1);
  }

  /**
   * Reads the strings a query cursor captures that start at or after a byte offset, and
   * returns the offset where the last string or join read ends.
   */
  private int read(TSQueryCursor cursor, int readUpTo) {
    TSQueryMatch match = new TSQueryMatch();
    while (cursor.nextCapture(match)) {
      TSNode node = match.getCaptures()[match.getCaptureIndex()].getNode();
      if (TreeCalls.start(node) < readUpTo) {
        continue;
      }
      TSNode top = node;
      String text = null;
      for (TSNode parent = TreeCalls.parent(top); SyntaxNodes.present(parent)
          && language.isJoin(TreeCalls.type(parent)); parent = TreeCalls.parent(parent)) {
        StringBuilder joined = new StringBuilder();
        if (!joinedText(parent, joined)) {
          break;
        }
        top = parent;
        text = joined.toString();
      }
      out.add(literal(top, text != null ? text : content(node)));
      readUpTo = TreeCalls.end(top);
    }
    return readUpTo;
  }

  /** Appends the text of a join whose every operand is a string or a join; false otherwise. */
  private boolean joinedText(TSNode node, StringBuilder sb) {
    for (int i = 0; i < node.getChildCount(); i++) {
      TSNode child = node.getChild(i);
      String type = TreeCalls.type(child);
      if (!child.isNamed()) {
        // The operator: only + joins strings (Python's side-by-side strings have none).
        if (!type.equals("+")) {
          return false;
        }
      } else if (language.isString(type)) {
        sb.append(content(child));
      } else if (!language.isJoin(type) || !joinedText(child, sb)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The literal's text without its delimiters: the grammar's content and fragment nodes, with
   * interpolations as {@code ?}; a literal with no such children (an empty string, C#'s
   * verbatim strings) is cut between its first and last quote.
   */
  private String content(TSNode node) {
    StringBuilder sb = new StringBuilder();
    boolean any = false;
    for (int i = 0; i < TreeCalls.namedChildCount(node); i++) {
      TSNode child = TreeCalls.namedChild(node, i);
      String type = TreeCalls.type(child);
      if (type.contains("content") || type.contains("fragment")) {
        sb.append(text(child));
        any = true;
      } else if (type.equals("escape_sequence")) {
        sb.append(unescape(text(child)));
        any = true;
      } else if (type.contains("interpolation") || type.contains("substitution")) {
        sb.append('?');
        any = true;
      }
    }
    if (any) {
      return sb.toString();
    }
    String raw = text(node);
    int first = raw.indexOf('"');
    int last = raw.lastIndexOf('"');
    return first >= 0 && last > first ? raw.substring(first + 1, last) : "";
  }

  /**
   * What an escape stands for where it matters to SQL: a line continuation (a backslash at the
   * end of a line, with the next line's indentation in Rust) is nothing, {@code \n} and
   * {@code \t} are white space, an escaped quote or backslash is itself.
   */
  static String unescape(String escape) {
    if (escape.length() < 2) {
      return escape;
    }
    char c = escape.charAt(1);
    return switch (c) {
      case '\n', '\r' -> "";
      case 'n' -> "\n";
      case 't' -> "\t";
      default -> escape.substring(1);
    };
  }

  /** One string node as a literal: its text as the program sees it, and where it starts. */
  static Literal one(SourceLanguage language, byte[] utf8, TSNode node) {
    StringLiterals s = new StringLiterals(language, utf8);
    return s.literal(node, s.content(node));
  }

  private Literal literal(TSNode node, String text) {
    return new Literal(text, node.getStartPoint().getRow() + 1, column(utf8, node));
  }

  /** The 1-based column of a node in characters (tree-sitter counts bytes of UTF-8). */
  static int column(byte[] utf8, TSNode node) {
    int byteColumn = node.getStartPoint().getColumn();
    int lineStart = TreeCalls.start(node) - byteColumn;
    return new String(utf8, lineStart, byteColumn, StandardCharsets.UTF_8).length() + 1;
  }

  private String text(TSNode node) {
    return new String(utf8, TreeCalls.start(node), TreeCalls.end(node) - TreeCalls.start(node),
        StandardCharsets.UTF_8);
  }
}
