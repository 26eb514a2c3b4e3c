package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  private static final Pattern LITERAL = Pattern.compile(
      "\\b(?:from|import|require)\\s*\\(?\\s*(['\"`])([^'\"`\\r\\n$]{1,300})\\1");
  /** {@code require(name)} or {@code import(`./x/${y}`)}: not one literal module. */
  private static final Pattern COMPUTED = Pattern.compile(
      "(?<![.\\w$])(?:require|import)\\s*\\(\\s*(?:[^'\"`\\s)]|`[^`]*\\$\\{)");

  ScriptImports {
    specifiers = List.copyOf(specifiers);
  }

  static ScriptImports of(String text) {
    List<String> out = new ArrayList<>();
    // The three words first: most files are mostly code without them, and a regular
    // expression over the whole text costs more than three searches.
    if (!text.contains("from") && !text.contains("import") && !text.contains("require")) {
      return new ScriptImports(out, false);
    }
    Matcher m = LITERAL.matcher(text);
    while (m.find()) {
      if (!inCommentLine(text, m.start())) {
        out.add(m.group(2));
      }
    }
    Matcher c = COMPUTED.matcher(text);
    boolean computed = false;
    while (!computed && c.find()) {
      computed = !inCommentLine(text, c.start());
    }
    return new ScriptImports(out, computed);
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
