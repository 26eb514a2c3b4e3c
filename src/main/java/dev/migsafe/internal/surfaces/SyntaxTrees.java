package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryException;
import org.treesitter.TSQueryMatch;
import org.treesitter.TSTree;

/**
 * tree-sitter parses of source files. A parser is not safe to share between threads, and
 * making one loads its grammar, so each thread keeps one per language.
 */
final class SyntaxTrees {
  private static final ThreadLocal<Map<SourceLanguage, TSParser>> PARSERS =
      ThreadLocal.withInitial(() -> new EnumMap<>(SourceLanguage.class));

  /** Each language's query for its string nodes, made once per thread like the parsers. */
  private static final ThreadLocal<Map<SourceLanguage, TSQuery>> STRINGS =
      ThreadLocal.withInitial(() -> new EnumMap<>(SourceLanguage.class));

  private SyntaxTrees() {}

  /** The query capturing every string node of the language, in document order. */
  static TSQuery strings(SourceLanguage language) {
    return STRINGS.get().computeIfAbsent(language, l -> new TSQuery(l.grammar(),
        "[" + l.stringTypes().stream().sorted().map(t -> "(" + t + ")")
            .collect(java.util.stream.Collectors.joining(" ")) + "] @string"));
  }

  /** Each language's query for a set of node types, made once per thread like the parsers. */
  private static final ThreadLocal<Map<String, TSQuery>> KINDS =
      ThreadLocal.withInitial(java.util.HashMap::new);

  /**
   * The nodes of the types under a root, in document order (an outer node before the nodes in
   * it), found by a tree-sitter query: the ORM readers look at a few kinds of node, and
   * visiting every node from Java costs more than the parse. A type the language's grammar
   * does not have is left out (Kotlin has no {@code method_invocation}).
   */
  static List<TSNode> nodes(SourceLanguage language, TSNode root, List<String> types) {
    TSQuery query = KINDS.get().computeIfAbsent(language + ":" + types, k -> {
      List<String> known = types.stream().filter(t -> hasType(language, t))
          .map(t -> "(" + t + ")").toList();
      return known.isEmpty() ? null
          : new TSQuery(language.grammar(), "[" + String.join(" ", known) + "] @node");
    });
    List<TSNode> out = new ArrayList<>();
    if (query == null) {
      return out;
    }
    TSQueryCursor cursor = new TSQueryCursor();
    cursor.exec(query, root);
    TSQueryMatch match = new TSQueryMatch();
    while (cursor.nextCapture(match)) {
      out.add(match.getCaptures()[match.getCaptureIndex()].getNode());
    }
    return out;
  }

  /** Whether a grammar has a node type, asked once for all threads (a query costs to make). */
  private static final java.util.concurrent.ConcurrentMap<String, Boolean> TYPES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static boolean hasType(SourceLanguage language, String type) {
    return TYPES.computeIfAbsent(language + ":" + type, k -> {
      try {
        new TSQuery(language.grammar(), "(" + type + ")");
        return true;
      } catch (TSQueryException e) {
        return false;
      }
    });
  }

  /** The last parse of each thread: the SQL strings and an ORM's uses read the same file. */
  private record Parsed(SourceLanguage language, String source, TSTree tree) {}

  private static final ThreadLocal<Parsed> LAST = new ThreadLocal<>();

  static TSTree parse(SourceLanguage language, String source) {
    Parsed last = LAST.get();
    // The same String object: a file's text is read once and handed to each reader.
    if (last != null && last.language() == language && last.source() == source) {
      return last.tree();
    }
    TSTree tree = parseAgain(language, source);
    LAST.set(new Parsed(language, source, tree));
    return tree;
  }

  private static TSTree parseAgain(SourceLanguage language, String source) {
    TSParser parser = PARSERS.get().computeIfAbsent(language, l -> {
      TSParser p = new TSParser();
      p.setLanguage(l.grammar());
      return p;
    });
    return parser.parseString(null, source);
  }
}
