package dev.migsafe.internal.surfaces;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.treesitter.TSLanguage;
import org.treesitter.TreeSitterCSharp;
import org.treesitter.TreeSitterGo;
import org.treesitter.TreeSitterJava;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterKotlin;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterRuby;
import org.treesitter.TreeSitterRust;
import org.treesitter.TreeSitterTsx;
import org.treesitter.TreeSitterTypescript;

/**
 * The languages whose string literals are read for SQL, each with its tree-sitter grammar and
 * the grammar's names for string literals and for the expressions that join them. The node
 * names are the grammars' own (see each grammar's {@code node-types.json}).
 */
enum SourceLanguage {
  JAVA(TreeSitterJava::new, Set.of("string_literal"), Set.of("binary_expression"), "java"),
  KOTLIN(TreeSitterKotlin::new, Set.of("string_literal"), Set.of("additive_expression"),
      "kt", "kts"),
  GO(TreeSitterGo::new, Set.of("interpreted_string_literal", "raw_string_literal"),
      Set.of("binary_expression"), "go"),
  PYTHON(TreeSitterPython::new, Set.of("string"),
      Set.of("binary_operator", "concatenated_string"), "py"),
  RUBY(TreeSitterRuby::new, Set.of("string", "heredoc_body"), Set.of("binary"), "rb"),
  TYPESCRIPT(TreeSitterTypescript::new, Set.of("string", "template_string"),
      Set.of("binary_expression"), "ts", "mts", "cts"),
  /** TypeScript with JSX: its own grammar, as the TypeScript one recovers from JSX slowly. */
  TSX(TreeSitterTsx::new, Set.of("string", "template_string"), Set.of("binary_expression"),
      "tsx"),
  JAVASCRIPT(TreeSitterJavascript::new, Set.of("string", "template_string"),
      Set.of("binary_expression"), "js", "jsx", "mjs", "cjs"),
  RUST(TreeSitterRust::new, Set.of("string_literal", "raw_string_literal"), Set.of(), "rs"),
  CSHARP(TreeSitterCSharp::new, Set.of("string_literal", "verbatim_string_literal",
      "raw_string_literal", "interpolated_string_expression"), Set.of("binary_expression"),
      "cs");

  private static final Map<String, SourceLanguage> BY_EXTENSION = byExtension();

  private final Supplier<TSLanguage> grammar;
  private final Set<String> strings;
  private final Set<String> joins;
  private final String[] extensions;

  SourceLanguage(Supplier<TSLanguage> grammar, Set<String> strings, Set<String> joins,
      String... extensions) {
    this.grammar = grammar;
    this.strings = strings;
    this.joins = joins;
    this.extensions = extensions;
  }

  /** The language of a file name, or null when its strings are not read. */
  static SourceLanguage of(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? null : BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  TSLanguage grammar() {
    return grammar.get();
  }

  Set<String> stringTypes() {
    return strings;
  }

  boolean isString(String nodeType) {
    return strings.contains(nodeType);
  }

  boolean isJoin(String nodeType) {
    return joins.contains(nodeType);
  }

  private static Map<String, SourceLanguage> byExtension() {
    Map<String, SourceLanguage> m = new java.util.HashMap<>();
    for (SourceLanguage l : values()) {
      for (String e : l.extensions) {
        m.put(e, l);
      }
    }
    return Map.copyOf(m);
  }
}
