package dev.migsafe.internal.sql;

import java.util.List;
import java.util.Set;

/**
 * Which tables a statement reads, as lint reports them (ACCESS SHARE on each), and when that
 * needs JSqlParser's tree rather than the statement's tokens.
 *
 * <p>JSqlParser costs about 95 % of a lint's CPU, so it is asked only where its tree tells
 * something the tokens do not: a statement of a kind that can read other tables and whose
 * tokens hold a clause that can name one ({@code SELECT}, {@code FROM}, {@code JOIN}, ...).
 * Without such a clause the tables JSqlParser's {@code TablesNamesFinder} reports are exactly
 * the statement's own target, which {@link #targets} gives from the reader's operations, so the
 * locks come out the same whichever route a statement takes.
 */
public final class SourceTables {
  /**
   * Statements that can read tables besides the one they change: {@code INSERT ... SELECT},
   * {@code UPDATE ... FROM}, a view's query, {@code CREATE TABLE ... AS}.
   */
  public static final Set<String> READING_KINDS = Set.of("insert", "update", "delete", "merge",
      "select", "create-view", "create-materialized-view", "create-table");

  /** The reading kinds whose target alone is named when no clause below is present. */
  private static final Set<String> TOKEN_READABLE = Set.of("insert", "update", "delete",
      "create-table");

  /**
   * Words that open a clause naming a relation other than the statement's target: a query
   * ({@code SELECT}, {@code TABLE t}, {@code FROM}), a join, {@code DELETE ... USING}. All are
   * reserved in PostgreSQL, so unquoted they are never a column's name. {@code WITH} counts
   * only first: elsewhere it is {@code timestamp with time zone}, and a query nested in
   * parentheses holds one of these words anyway.
   */
  private static final Set<String> RELATION_WORDS =
      Set.of("SELECT", "FROM", "JOIN", "USING", "TABLE");

  private SourceTables() {}

  /**
   * Whether lint needs JSqlParser's tree to tell which tables a statement the reader
   * understood reads: true for {@code merge}, {@code select} and views always, and for the
   * other reading kinds when a token can name another relation.
   */
  public static boolean needsQueryTree(String kind, List<Token> tokens) {
    if (!READING_KINDS.contains(kind)) {
      return false;
    }
    if (!TOKEN_READABLE.contains(kind)) {
      return true;
    }
    if (kind.equals("create-table")) {
      return createTableHasQuery(tokens);
    }
    // The statement's own head is skipped: DELETE FROM names the target.
    int from = kind.equals("delete") && tokens.size() > 1 && tokens.get(1).is("FROM") ? 2 : 1;
    for (int i = from; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.type() == Token.Type.WORD && RELATION_WORDS.contains(upper(t.text()))) {
        return true;
      }
    }
    return !tokens.isEmpty() && tokens.get(0).is("WITH");
  }

  /**
   * {@code CREATE TABLE ... AS query}: an {@code AS} outside the column list (inside it,
   * {@code GENERATED ... AS} is a column's), or a {@code SELECT} anywhere.
   */
  private static boolean createTableHasQuery(List<Token> tokens) {
    int depth = 0;
    for (Token t : tokens) {
      if (t.isPunct('(')) {
        depth++;
      } else if (t.isPunct(')')) {
        depth--;
      } else if (t.is("SELECT") || depth == 0 && t.is("AS")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The tables a statement without a relation-naming clause reads, as JSqlParser would name
   * them: its target (the first operation's table), unless it is a system catalog.
   */
  public static Set<String> targets(List<Operation> operations) {
    if (operations.isEmpty() || operations.get(0).getTable() == null) {
      return Set.of();
    }
    String table = operations.get(0).getTable();
    return QueryNames.isSystem(table) ? Set.of() : Set.of(table);
  }

  private static String upper(String word) {
    return word.toUpperCase(java.util.Locale.ROOT);
  }
}
