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
  /** The longest stretch between a statement's verb and its table that the prefilter allows. */
  private static final int STATEMENT_SPAN = 20_000;
  private static final java.util.regex.Pattern DML_VERB =
      java.util.regex.Pattern.compile("(?i)\\b(?:select|insert|update|delete|merge)\\b");

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

  /**
   * Whether the text has a DML verb followed, within a statement's length, by the table's name
   * (its last part) as a word, in any case: what every SQL use of the table has, whether it
   * parses or not. Two linear passes (the verbs, then the name), not a backtracking pattern:
   * in code, {@code update} and {@code delete} are common words.
   */
  boolean mentionedInSql(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    String name = bareTable().toLowerCase(java.util.Locale.ROOT);
    java.util.regex.Matcher verb = DML_VERB.matcher(lower);
    boolean verbsLeft = verb.find();
    int lastVerbEnd = -1;
    for (int at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
      if (!SourceFile.isWordAt(lower, at, at + name.length())) {
        continue;
      }
      // Verbs come in order: advance to the last one that ends before this name.
      while (verbsLeft && verb.end() <= at) {
        lastVerbEnd = verb.end();
        verbsLeft = verb.find();
      }
      if (lastVerbEnd >= 0 && at - lastVerbEnd <= STATEMENT_SPAN) {
        return true;
      }
    }
    return false;
  }

  /** The table's name without its schema, as SQL may write it unqualified. */
  String bareTable() {
    return table.contains(".") ? table.substring(table.lastIndexOf('.') + 1) : table;
  }


  /** Whether the names appear as words in text that does not parse. */
  boolean namedIn(String text) {
    return SourceFile.hasWord(text, bareTable()) && (column == null || SourceFile.hasWord(text, column));
  }
}
