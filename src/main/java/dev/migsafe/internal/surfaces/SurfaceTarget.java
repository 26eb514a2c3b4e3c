package dev.migsafe.internal.surfaces;

import dev.migsafe.internal.sql.QueryNames;

/**
 * What to look for: a table, and optionally one of its columns, named as in SQL (an unquoted
 * name folds to lower case; {@code public.} may be left out).
 *
 * @param table the table, folded
 * @param column the column, folded, or null for every use of the table
 * @param reason why it is looked for (a packet's change, a migration's statement), or null
 *     when the user named it
 */
public record SurfaceTarget(String table, String column, String reason) {

  /** A target from names as a user types them. */
  public static SurfaceTarget of(String table, String column) {
    String t = QueryNames.fold(table);
    return new SurfaceTarget(t.startsWith("public.") ? t.substring(7) : t,
        column == null ? null : QueryNames.fold(column), null);
  }

  /** The same target, looked for because of {@code why}. */
  SurfaceTarget because(String why) {
    return new SurfaceTarget(table, column, why);
  }

  /** {@code table} or {@code table.column}. */
  public String display() {
    return column == null ? table : table + "." + column;
  }

  /**
   * Whether a reference is to this target: the table (a qualified name also by its last part),
   * and, when a column is asked for, that column; a reference to the whole table matches only
   * when no column is asked for.
   */
  boolean matches(String refTable, String refColumn) {
    if (!matchesTable(refTable)) {
      return false;
    }
    return column == null ? refColumn == null : column.equals(refColumn);
  }

  /** Whether a table is the target's (a qualified name also by its last part). */
  boolean matchesTable(String refTable) {
    return refTable.equals(table) || refTable.endsWith("." + table)
        || table.endsWith("." + refTable);
  }

  /** Whether the names appear as words in text that does not parse. */
  boolean namedIn(String text) {
    String bare = table.contains(".") ? table.substring(table.lastIndexOf('.') + 1) : table;
    return SourceFile.hasWord(text, bare) && (column == null || SourceFile.hasWord(text, column));
  }
}
