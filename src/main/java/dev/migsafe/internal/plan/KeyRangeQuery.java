package dev.migsafe.internal.plan;

import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import dev.migsafe.internal.sql.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A validation that counts rows of one table, restricted to a range of its key: {@code SELECT
 * count(*) FROM t [alias] [JOIN ...] [WHERE p]} becomes {@code ... WHERE (p) AND alias.key
 * BETWEEN :lo AND :hi}. Every row of {@code t} falls in exactly one range, so the counts of all
 * ranges add up to the count of the whole query, and each range is one bounded index range
 * scan instead of a scan of the whole table. A query that groups, deduplicates or combines
 * rows over the whole table (GROUP BY, a subquery in FROM, UNION, a RIGHT or FULL JOIN) does
 * not add up that way and is not split.
 *
 * <p>{@code :lo} and {@code :hi} are psql variables ({@code psql -v lo=1 -v hi=5000000}).
 */
final class KeyRangeQuery {
  /** Words after which no alias can follow the table name. */
  private static final Set<String> NOT_AN_ALIAS = Set.of("where", "join", "left", "right",
      "full", "inner", "cross", "natural", "on", "group", "order", "limit", "offset", "union",
      "intersect", "except", "window", "having", "fetch", "for", "tablesample");
  /**
   * Top-level words that make the count over the whole query differ from the sum over ranges.
   * (A top-level DISTINCT cannot occur: the select list is exactly {@code count(*)}.)
   */
  private static final Set<String> WHOLE_TABLE = Set.of("group", "having", "union", "intersect",
      "except", "window", "limit", "offset", "fetch", "right", "full");

  private KeyRangeQuery() {}

  /**
   * The table a query counts, or why it cannot be split.
   *
   * @param table the table as the schema model names it, null when it cannot be split
   * @param reason why not, as the end of a sentence
   */
  record Target(String table, String qualifier, int whereEnd, int end, String reason) {
    boolean splittable() {
      return table != null;
    }
  }

  static Target target(String sql) {
    List<SourceStatement> statements = SqlSplitter.split(sql);
    if (statements.size() != 1) {
      return no("it is not one query");
    }
    List<Token> t = statements.get(0).tokens();
    int from = topLevel(t, 0, "from");
    if (t.isEmpty() || !t.get(0).is("SELECT") || from < 0
        || !text(t, 1, from).equals("count(*)")) {
      return no("it is not one count(*) over the table");
    }
    int i = from + 1;
    if (i < t.size() && t.get(i).is("ONLY")) {
      i++;
    }
    if (i >= t.size() || !t.get(i).isIdentifier()) {
      return no("it counts the rows of a subquery, which key ranges of a table do not split");
    }
    int nameStart = i;
    StringBuilder name = new StringBuilder(t.get(i).identifier());
    while (i + 2 < t.size() && t.get(i + 1).isPunct('.') && t.get(i + 2).isIdentifier()) {
      name.append('.').append(t.get(i + 2).identifier());
      i += 2;
    }
    String qualifier = sqlText(sql, t, nameStart, i + 1);
    i++;
    if (i < t.size() && t.get(i).is("AS")) {
      i++;
    }
    if (i < t.size() && t.get(i).isIdentifier()
        && !NOT_AN_ALIAS.contains(t.get(i).text().toLowerCase(Locale.ROOT))) {
      qualifier = t.get(i).text();
      i++;
    }
    int depth = 0;
    int where = -1;
    for (int k = 1; k < t.size(); k++) {
      Token tok = t.get(k);
      if (tok.isPunct('(')) {
        depth++;
      } else if (tok.isPunct(')')) {
        depth--;
      } else if (depth == 0 && tok.type() == Token.Type.WORD) {
        String w = tok.text().toLowerCase(Locale.ROOT);
        if (w.equals("order") || w.equals("for")) {
          return no("it ends with " + tok.text().toUpperCase(Locale.ROOT) + ", after which no "
              + "key range can be added");
        }
        if (WHOLE_TABLE.contains(w)) {
          return no("it groups or combines rows over the whole table ("
              + tok.text().toUpperCase(Locale.ROOT) + "), which key ranges would cut apart");
        }
        if (w.equals("where") && where < 0) {
          where = k;
        }
      }
    }
    String table = name.toString();
    table = table.startsWith("public.") ? table.substring("public.".length()) : table;
    int end = t.get(t.size() - 1).end();
    return new Target(table, qualifier, where < 0 ? -1 : t.get(where).end(), end, null);
  }

  /** The query over one key range of {@code key}, a quoted column of the target table. */
  static String restrict(String sql, Target target, String key) {
    String range = target.qualifier() + "." + key + " BETWEEN :lo AND :hi";
    if (target.whereEnd() < 0) {
      return sql.substring(0, target.end()) + " WHERE " + range;
    }
    return sql.substring(0, target.whereEnd()) + " (" + sql.substring(target.whereEnd(),
        target.end()).strip() + ") AND " + range;
  }

  private static Target no(String reason) {
    return new Target(null, null, -1, -1, reason);
  }

  /** The index of the first top-level token equal to {@code word}, or -1. */
  private static int topLevel(List<Token> t, int start, String word) {
    int depth = 0;
    for (int k = start; k < t.size(); k++) {
      if (t.get(k).isPunct('(')) {
        depth++;
      } else if (t.get(k).isPunct(')')) {
        depth--;
      } else if (depth == 0 && t.get(k).is(word)) {
        return k;
      }
    }
    return -1;
  }

  /** The tokens from {@code from} to {@code to} (exclusive), lower case, without spaces. */
  private static String text(List<Token> t, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int k = from; k < to; k++) {
      sb.append(t.get(k).text().toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }

  private static String sqlText(String sql, List<Token> t, int from, int to) {
    return sql.substring(t.get(from).start(), t.get(to - 1).end());
  }
}
