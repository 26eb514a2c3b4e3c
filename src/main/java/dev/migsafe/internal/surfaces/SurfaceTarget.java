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

  /** Words after which SQL names a table: {@code FROM t}, {@code INSERT INTO t}, ... */
  private static final java.util.Set<String> TABLE_KEYWORDS = java.util.Set.of("from", "join",
      "into", "update", "using", "table", "only", "insert", "truncate", "copy");

  /**
   * Whether lower-cased text names the table the way SQL does: as a word right after a word
   * that introduces a table ({@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE}, {@code
   * USING}, {@code TABLE}, ...), or after a comma of a FROM list ({@code FROM a x, t}). Between the two may stand what code puts inside and between
   * strings: blanks, quotes, escapes, {@code +}, an escaped line break ({@code \n}), a {@code
   * (} after FROM or JOIN, and a schema ({@code public.t}, {@code "app".t}). Every SQL use of a table names it so, whether
   * the statement parses or not, and in code the table's name is otherwise common (a model,
   * a route, a variable): this test is what keeps most files from being parsed at all.
   */
  boolean mentionedInSql(String lower) {
    String name = bareTable().toLowerCase(java.util.Locale.ROOT);
    for (int at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
      if (!SourceFile.isWordAt(lower, at, at + name.length())) {
        continue;
      }
      boolean[] paren = {false};
      int i = skipSeparators(lower, beforeSchema(lower, at), paren);
      if (i >= 0 && lower.charAt(i) == ',') {
        if (inFromList(lower, i)) {
          return true;
        }
        continue;
      }
      int end = i + 1;
      while (i >= 0 && Character.isLetter(lower.charAt(i))) {
        i--;
      }
      String word = lower.substring(i + 1, end);
      // "...\nFROM t" in a literal: the escape's letter joins the keyword.
      if (i >= 0 && lower.charAt(i) == '\\' && word.length() > 1
          && "ntr".indexOf(word.charAt(0)) >= 0) {
        word = word.substring(1);
      }
      if (paren[0] ? word.equals("from") || word.equals("join") : TABLE_KEYWORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** The most tables a FROM list is read back over. */
  private static final int FROM_LIST = 8;

  /**
   * Whether the comma at {@code comma} continues a FROM list: before it, up to {@link
   * #FROM_LIST} items of a table's name and an optional alias, separated by commas, after
   * {@code FROM} (or {@code JOIN}, {@code USING}). In code, a comma before a name is mostly
   * an argument list or a destructuring.
   */
  private static boolean inFromList(String lower, int comma) {
    int i = comma;
    for (int item = 0; item < FROM_LIST; item++) {
      boolean[] paren = {false};
      i = skipSeparators(lower, i - 1, paren);
      int words = 0;
      // a name, and perhaps an alias (AS included), each maybe qualified
      while (i >= 0 && words < 4 && (Character.isLetterOrDigit(lower.charAt(i))
          || lower.charAt(i) == '_')) {
        int end = i + 1;
        while (i >= 0 && (Character.isLetterOrDigit(lower.charAt(i)) || lower.charAt(i) == '_'
            || lower.charAt(i) == '.' || isQuote(lower.charAt(i)))) {
          i--;
        }
        String word = lower.substring(i + 1, end);
        if (word.equals("from") || word.equals("join") || word.equals("using")) {
          return words > 0;
        }
        words++;
        i = skipSeparators(lower, i, paren);
      }
      if (words == 0 || i < 0 || lower.charAt(i) != ',') {
        return false;
      }
    }
    return false;
  }

  /**
   * The index before a schema that qualifies the name at {@code at} ({@code app.t}, {@code
   * "app"."t"}, escaped quotes too), or before the name.
   */
  private static int beforeSchema(String lower, int at) {
    int i = at - 1;
    while (i >= 0 && isQuote(lower.charAt(i))) {
      i--;
    }
    if (i < 0 || lower.charAt(i) != '.') {
      return at - 1;
    }
    for (i--; i >= 0 && (Character.isLetterOrDigit(lower.charAt(i)) || lower.charAt(i) == '_'
        || isQuote(lower.charAt(i))); i--) {
      // over the schema's name
    }
    return i;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '`' || c == '\\';
  }

  /**
   * Back over blanks, quotes and escapes, {@code +} and escaped line breaks; and over one
   * {@code (} (as in {@code FROM (t JOIN u ...)}), reported so that only a FROM or JOIN may
   * precede it: {@code update(documents)} is a call.
   */
  private static int skipSeparators(String lower, int i, boolean[] paren) {
    while (i >= 0) {
      char c = lower.charAt(i);
      if (Character.isWhitespace(c) || isQuote(c) || c == '\'' || c == '+') {
        i--;
      } else if (c == '(') {
        paren[0] = true;
        i--;
      } else if (i >= 1 && lower.charAt(i - 1) == '\\' && "ntr".indexOf(c) >= 0) {
        i -= 2;
      } else {
        return i;
      }
    }
    return i;
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
