package dev.migsafe.internal.plan;

/**
 * Quoting of identifiers and literals for SQL that migsafe generates. Untrusted text from a
 * packet or a schema never becomes SQL syntax: an identifier is always double-quoted with its
 * quotes doubled, a literal single-quoted with its quotes doubled.
 */
public final class SqlQuoting {
  private SqlQuoting() {}

  /**
   * A quoted identifier; a qualified name ({@code schema.table}) quotes each part. Names
   * migsafe read from DDL are already folded, so quoting keeps their meaning.
   */
  public static String identifier(String name) {
    if (name == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (String part : splitQualified(name)) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(dev.migsafe.internal.catalog.SqlQuoting.identifier(part, "postgresql"));
    }
    return sb.toString();
  }

  /** A string literal, or NULL. */
  public static String literal(String value) {
    return value == null ? "NULL"
        : dev.migsafe.internal.catalog.SqlQuoting.literal(value, "postgresql");
  }

  /** Splits {@code a.b} at dots, but a name holding a quote or odd characters stays whole. */
  private static String[] splitQualified(String name) {
    if (name.matches("[A-Za-z0-9_$]+(\\.[A-Za-z0-9_$]+)?")) {
      return name.split("\\.");
    }
    return new String[] {name};
  }
}
