package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;

/**
 * The modules a JavaScript or TypeScript file loads, read off its text: {@code import ... from
 * "x"}, {@code export ... from "x"}, {@code import "x"}, {@code import("x")} and {@code
 * require("x")}, type-only imports included.
 *
 * <p>Read from the text, not the tree: the first pass reads every script file of a repository
 * and a parse of each would cost more than the rest of that pass. A match inside a comment or
 * a string only adds a module the file does not load, which can only keep a file among those
 * read for a model's uses, never drop one. A load whose module is computed ({@code
 * require(path.join(dir, file))}, as Sequelize's generated {@code models/index.js} loads every
 * model) cannot be followed, so the file is taken to load anything.
 *
 * @param specifiers the modules as written, in order
 * @param computed whether the file also loads a module whose name is computed
 */
record ScriptImports(List<String> specifiers, boolean computed) {

  /** The words that load a module, each followed by the module's name in quotes. */
  private static final List<String> WORDS = List.of("from", "import", "require");
  /** Longer is not a module name: a sentence in a string that happens to follow "from". */
  private static final int MAX_NAME = 300;

  ScriptImports {
    specifiers = List.copyOf(specifiers);
  }

  static ScriptImports of(String text) {
    // By where they stand: the words are searched one after the other.
    java.util.TreeMap<Integer, String> out = new java.util.TreeMap<>();
    boolean computed = false;
    // Each word's places found with indexOf, then the few characters after it read by hand:
    // the first pass does this on every script of a repository, and a regular expression
    // with alternatives over the whole text cost as much as the rest of that pass.
    for (String word : WORDS) {
      for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        int end = at + word.length();
        if (!SourceFile.isWordAt(text, at, end) || at > 0 && text.charAt(at - 1) == '$'
            || inCommentLine(text, at)) {
          continue;
        }
        int i = skipSpace(text, end);
        boolean call = i < text.length() && text.charAt(i) == '(';
        if (call) {
          i = skipSpace(text, i + 1);
        } else if (word.equals("require")) {
          continue;
        }
        String name = quoted(text, i);
        if (name != null) {
          out.put(i, name);
        } else if (call && !word.equals("from") && i < text.length()
            && (at == 0 || text.charAt(at - 1) != '.') && text.charAt(i) != ')') {
          // require(name) or import(`./x/${y}`): not one module that can be named.
          computed = true;
        }
      }
    }
    return new ScriptImports(new ArrayList<>(out.values()), computed);
  }

  /** The name in quotes that starts at {@code i}, or null (also for a template with ${}). */
  private static String quoted(String text, int i) {
    if (i >= text.length()) {
      return null;
    }
    char q = text.charAt(i);
    if (q != '"' && q != '\'' && q != '`') {
      return null;
    }
    for (int j = i + 1; j < text.length() && j <= i + 1 + MAX_NAME; j++) {
      char c = text.charAt(j);
      if (c == q) {
        return j == i + 1 ? null : text.substring(i + 1, j);
      }
      if (c == '\n' || c == '\r' || c == '\'' || c == '"' || c == '`' || c == '$') {
        return null;
      }
    }
    return null;
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * Whether the line holding the offset is a comment up to it ({@code //}, or a block
   * comment's line that starts with {@code *}): documentation shows imports of modules that
   * do not exist ({@code import('./MyComponent')}), which would leave the file's imports
   * unknown.
   */
  private static boolean inCommentLine(String text, int at) {
    int i = text.lastIndexOf('\n', at - 1) + 1;
    while (i < at && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return text.startsWith("//", i) || text.startsWith("*", i) || text.startsWith("/*", i);
  }
}
