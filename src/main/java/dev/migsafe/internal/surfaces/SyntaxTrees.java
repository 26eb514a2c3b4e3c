package dev.migsafe.internal.surfaces;

import java.util.EnumMap;
import java.util.Map;
import org.treesitter.TSParser;
import org.treesitter.TSQuery;
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
