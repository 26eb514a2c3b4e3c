package dev.migsafe.internal.sql;

/**
 * Where PostgreSQL's parser would stop on a statement, in the words it uses: {@code syntax
 * error at or near "int"}, or {@code at end of input} when the statement stops too early.
 *
 * @param line 1-based line of the token PostgreSQL would stop at
 * @param column 1-based column of that token
 * @param near the token as written, or null at the end of the statement
 * @param expected what the grammar allows there, for the reader of the finding
 */
public record SyntaxError(int line, int column, String near, String expected) {
  private static final int MAX_NEAR = 40;

  /** PostgreSQL's own wording, then what would have been accepted. */
  public String message() {
    String where = near == null ? "at end of input"
        : "at or near \"" + (near.length() > MAX_NEAR ? near.substring(0, MAX_NEAR) + "..." : near)
            + "\"";
    return "syntax error " + where + " (expected " + expected + ")";
  }
}
