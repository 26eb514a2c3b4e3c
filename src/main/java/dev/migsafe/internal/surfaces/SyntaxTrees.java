package dev.migsafe.internal.surfaces;

import java.util.EnumMap;
import java.util.Map;
import org.treesitter.TSParser;
import org.treesitter.TSTree;

/**
 * tree-sitter parses of source files. A parser is not safe to share between threads, and
 * making one loads its grammar, so each thread keeps one per language.
 */
final class SyntaxTrees {
  private static final ThreadLocal<Map<SourceLanguage, TSParser>> PARSERS =
      ThreadLocal.withInitial(() -> new EnumMap<>(SourceLanguage.class));

  private SyntaxTrees() {}

  static TSTree parse(SourceLanguage language, String source) {
    TSParser parser = PARSERS.get().computeIfAbsent(language, l -> {
      TSParser p = new TSParser();
      p.setLanguage(l.grammar());
      return p;
    });
    return parser.parseString(null, source);
  }
}
