package dev.migsafe.internal.sql;

import java.util.List;
import java.util.Set;

/**
 * Which tables a statement the reader understood reads, as lint reports them (ACCESS SHARE on
 * each), without JSqlParser: parsing the statement a second time was most of a lint's CPU,
 * and loading and compiling the parser most of the rest (docs/performance.md).
 *
 * <p>A statement of a kind that can read other tables and whose tokens hold a clause that can
 * name one ({@code SELECT}, {@code FROM}, {@code JOIN}, ...) has its relations read from its
 * tokens by {@link QueryRelations}, the way JSqlParser's {@code TablesNamesFinder} named them.
 * Without such a clause the finder named exactly the statement's own target, which
 * {@link #targets} gives from the reader's operations. {@code SourceTablesTest} holds both
 * routes to the finder's answer.
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
   * Whether a statement may read a relation besides its target: true for {@code merge},
   * {@code select} and views always, and for the other reading kinds when a token can name
   * another relation.
   */
  public static boolean namesOtherRelations(String kind, List<Token> tokens) {
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
   * The tables a statement the reader understood reads or writes, as JSqlParser's tree named
   * them: with a clause that can name another relation, each relation its tokens name
   * ({@link QueryRelations}; empty where the tree told nothing); without one, its target.
   */
  public static java.util.Optional<Set<String>> read(String kind, List<Token> tokens,
      List<Operation> operations) {
    return namesOtherRelations(kind, tokens) ? QueryRelations.tables(kind, tokens)
        : java.util.Optional.of(targets(operations));
  }

  /**
   * Whether an {@code UPDATE} or {@code DELETE} with such a clause has a {@code WHERE} of its
   * own, as JSqlParser's tree told it (the reader's operation counts a {@code WHERE} anywhere,
   * a subquery's too); null for other statements, where the reader's answer stands.
   */
  public static Boolean where(String kind, List<Token> tokens) {
    return namesOtherRelations(kind, tokens) ? QueryRelations.topLevelWhere(tokens) : null;
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
