package dev.migsafe.internal.sql;

import java.util.List;

/**
 * One statement of a script, as written.
 *
 * @param index 0-based position in the script
 * @param text the statement's text from its first token to its last, without the semicolon
 * @param line 1-based line of its first token
 * @param column 1-based column of its first token
 * @param tokens its tokens, comments left out
 * @param comments comments above it (since the previous statement) and inside it
 * @param unterminated whether a string, identifier or comment in it is never closed
 */
public record SourceStatement(
    int index,
    String text,
    int line,
    int column,
    List<Token> tokens,
    List<Token> comments,
    boolean unterminated) {

  /** The last line the statement occupies. */
  public int endLine() {
    Token last = tokens.get(tokens.size() - 1);
    return last.line() + (int) last.text().chars().filter(c -> c == '\n').count();
  }
}
