package dev.migsafe.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Token-level edits of one statement as written, for the fixes findings suggest: a keyword
 * inserted after another, text appended after a clause. Working on the user's own tokens keeps
 * everything else they wrote (quoting, a partial index's WHERE, an index method) exactly as it
 * was, which regenerating the statement from what migsafe understood would not.
 */
public final class StatementEdits {
  /** Names that need no quotes when they are not keywords. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_$]*");

  private final String text;
  private final List<Token> tokens;

  /** @param text one statement, without its semicolon */
  public StatementEdits(String text) {
    this.text = text;
    List<Token> all = new Lexer(text).tokens();
    List<Token> code = new ArrayList<>();
    for (Token t : all) {
      if (!t.isComment()) {
        code.add(t);
      }
    }
    this.tokens = code;
  }

  /** Whether the statement starts with these words, ignoring case. */
  public boolean startsWith(String... words) {
    if (tokens.size() < words.length) {
      return false;
    }
    for (int i = 0; i < words.length; i++) {
      if (!tokens.get(i).is(words[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The statement with {@code insertion} after the first of {@code keyword} among its first
   * {@code within} tokens, or null when there is none.
   */
  public String insertAfter(String keyword, int within, String insertion) {
    for (int i = 0; i < Math.min(within, tokens.size()); i++) {
      if (tokens.get(i).is(keyword)) {
        int at = tokens.get(i).end();
        return text.substring(0, at) + " " + insertion + text.substring(at);
      }
    }
    return null;
  }

  /**
   * The statement with {@code insertion} after the first of {@code keywords} outside
   * parentheses, or null when there is none.
   */
  public String insertAfterAny(List<String> keywords, String insertion) {
    int depth = 0;
    for (Token t : tokens) {
      depth += t.isPunct('(') ? 1 : t.isPunct(')') ? -1 : 0;
      if (depth == 0 && keywords.stream().anyMatch(t::is)) {
        return insertAt(t.end(), insertion);
      }
    }
    return null;
  }

  /** Whether an unquoted word appears in the statement, ignoring case. */
  public boolean hasWord(String word) {
    return tokens.stream().anyMatch(t -> t.is(word));
  }

  /** Whether a punctuation character appears outside parentheses. */
  public boolean hasTopLevel(char punct) {
    int depth = 0;
    for (Token t : tokens) {
      depth += t.isPunct('(') ? 1 : t.isPunct(')') ? -1 : 0;
      if (depth == 0 && t.isPunct(punct)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code clause} is the only action of an ALTER TABLE: nothing but the statement's
   * head before it and nothing after it.
   */
  public boolean onlyAction(SourceSpan clause) {
    String table = alterTableName();
    return table != null && text.substring(0, clause.start()).strip().endsWith(table)
        && text.substring(clause.end()).isBlank();
  }

  /** The statement with {@code insertion} after offset {@code at} (a clause's end). */
  public String insertAt(int at, String insertion) {
    return text.substring(0, at) + " " + insertion + text.substring(at);
  }

  /** The tokens from offset {@code start} up to offset {@code end} of the statement. */
  public List<Token> tokensBetween(int start, int end) {
    List<Token> out = new ArrayList<>();
    for (Token t : tokens) {
      if (t.start() >= start && t.end() <= end) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * The table name of an {@code ALTER TABLE} as written (with its quotes and schema), or null
   * when the statement is not one.
   */
  public String alterTableName() {
    if (!startsWith("ALTER", "TABLE")) {
      return null;
    }
    int i = 2;
    if (i + 1 < tokens.size() && tokens.get(i).is("IF") && tokens.get(i + 1).is("EXISTS")) {
      i += 2;
    }
    if (i < tokens.size() && tokens.get(i).is("ONLY")) {
      i++;
    }
    int first = i;
    while (i + 2 < tokens.size() && tokens.get(i + 1).isPunct('.')) {
      i += 2;
    }
    if (first >= tokens.size() || !tokens.get(i).isIdentifier()) {
      return null;
    }
    return text.substring(tokens.get(first).start(), tokens.get(i).end());
  }

  /** The source text of a token run. */
  public String text(List<Token> run) {
    return run.isEmpty() ? ""
        : text.substring(run.get(0).start(), run.get(run.size() - 1).end());
  }

  public String text() {
    return text;
  }

  /**
   * The name of a CHECK constraint proving {@code column} NOT NULL, for SQL: bare when
   * PostgreSQL reads it back unchanged (no keyword ends in {@code _not_null}), else quoted.
   */
  public static String notNullCheckName(String column) {
    String name = column + "_not_null";
    return PLAIN_NAME.matcher(name).matches() ? name
        : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** Upper-cased first word, for dispatch. */
  public String firstWord() {
    return tokens.isEmpty() ? "" : tokens.get(0).text().toUpperCase(Locale.ROOT);
  }
}
