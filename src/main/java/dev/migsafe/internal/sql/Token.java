package dev.migsafe.internal.sql;

import java.util.Locale;

/**
 * One lexical token of PostgreSQL SQL with its place in the source.
 *
 * @param type what kind of token
 * @param text the token exactly as written
 * @param start offset of the first character in the source
 * @param end offset after the last character
 * @param line 1-based line
 * @param column 1-based column
 */
public record Token(Type type, String text, int start, int end, int line, int column) {

  /** Token kinds. Comments are kept so that suppressions can be read from them. */
  public enum Type {
    WORD,
    QUOTED_IDENT,
    STRING,
    DOLLAR_STRING,
    NUMBER,
    PARAM,
    OPERATOR,
    PUNCT,
    LINE_COMMENT,
    BLOCK_COMMENT
  }

  public boolean isComment() {
    return type == Type.LINE_COMMENT || type == Type.BLOCK_COMMENT;
  }

  /** True for an unquoted word equal to {@code keyword}, ignoring case. */
  public boolean is(String keyword) {
    return type == Type.WORD && text.equalsIgnoreCase(keyword);
  }

  public boolean isPunct(char c) {
    return type == Type.PUNCT && text.length() == 1 && text.charAt(0) == c;
  }

  /**
   * The identifier this token names: unquoted words fold to lower case, quoted identifiers keep
   * their case without the quotes (PostgreSQL's rule).
   */
  public String identifier() {
    if (type == Type.QUOTED_IDENT) {
      return text.substring(1, text.length() - 1).replace("\"\"", "\"");
    }
    return text.toLowerCase(Locale.ROOT);
  }

  public boolean isIdentifier() {
    return type == Type.WORD || type == Type.QUOTED_IDENT;
  }
}
