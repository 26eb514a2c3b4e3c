package dev.migsafe.internal.catalog;

import dev.migsafe.api.MigsafeException;

/**
 * Quotes values for SQL text so that they can only ever be one identifier or one string
 * literal, whatever characters they hold: {@code x"; DROP TABLE y; --} becomes the identifier
 * {@code "x""; DROP TABLE y; --"}.
 */
public final class SqlQuoting {
  private SqlQuoting() {}

  /**
   * A quoted identifier: PostgreSQL's double quotes, MySQL's backticks (MySQL reads {@code "x"}
   * as a string unless ANSI_QUOTES is set). The quote character inside is doubled, which both
   * servers read as one literal quote character.
   */
  public static String identifier(String value, String dialect) {
    check(value);
    if ("mysql".equals(dialect)) {
      return "`" + value.replace("`", "``") + "`";
    }
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  /**
   * A string literal. A backslash is the one character whose meaning depends on server
   * settings (MySQL without NO_BACKSLASH_ESCAPES, PostgreSQL with standard_conforming_strings
   * off), so a value that holds one is written in a form that means the same either way:
   * MySQL doubles it; PostgreSQL uses an escape string {@code E'...'}, where it is always an
   * escape.
   */
  public static String literal(String value, String dialect) {
    check(value);
    String quoted = value.replace("'", "''");
    if (!value.contains("\\")) {
      return "'" + quoted + "'";
    }
    String escaped = quoted.replace("\\", "\\\\");
    return "mysql".equals(dialect) ? "'" + escaped + "'" : "E'" + escaped + "'";
  }

  private static void check(String value) {
    if (value == null || value.isEmpty()) {
      throw MigsafeException.badInput("an empty name cannot be put into SQL");
    }
    if (value.indexOf('\0') >= 0) {
      throw MigsafeException.badInput("a name with a NUL character cannot be put into SQL");
    }
  }
}
