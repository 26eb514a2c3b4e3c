package dev.migsafe.internal.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tables a statement names, read from its tokens the way JSqlParser's
 * {@code TablesNamesFinder} reads them from its tree, so that lint need not parse a view, an
 * {@code INSERT ... SELECT}, an {@code UPDATE ... FROM} or a {@code CREATE TABLE ... AS} a
 * second time to learn which tables it reads (docs/performance.md: the parse and the compiled
 * parser were most of a lint's CPU).
 *
 * <p>What counts as a table, as the finder counts it: the target of {@code INSERT}, {@code
 * UPDATE}, {@code DELETE} and {@code MERGE} (also inside a {@code WITH}); each relation of a
 * {@code FROM}, {@code JOIN} or {@code USING} list at any depth (in subqueries of the select
 * list, of {@code WHERE}, of {@code LATERAL}); {@code TABLE name}. Not tables: a function in
 * {@code FROM}, and, as the finder removes them when it is done, every name a {@code WITH}
 * query or a parenthesised subquery's alias takes, compared as written. {@code FROM} inside a
 * function's parentheses ({@code EXTRACT(year FROM at)}) and in {@code IS DISTINCT FROM} opens
 * no list. {@code SourceTablesTest} compares this reading with the finder's on every statement
 * of the fixtures, examples and lock-oracle forms.
 */
public final class QueryRelations {
  /** Words that end a {@code FROM} list at its own level. */
  private static final Set<String> CLAUSE_ENDS = Set.of("WHERE", "GROUP", "HAVING", "WINDOW",
      "ORDER", "LIMIT", "OFFSET", "FETCH", "FOR", "UNION", "INTERSECT", "EXCEPT", "RETURNING",
      "SET", "SELECT", "VALUES", "WHEN", "DO");

  /** Words that open a parenthesised query rather than an expression or a column list. */
  private static final Set<String> QUERY_STARTS = Set.of("SELECT", "WITH", "VALUES", "TABLE",
      "INSERT", "UPDATE", "DELETE");

  /** Words that may stand between a from-list's comma or JOIN and the relation. */
  private static final Set<String> ITEM_PREFIXES = Set.of("LATERAL", "ONLY");

  /**
   * Parentheses deeper than this are not looked into: each level is a frame of this reader's
   * recursion, and a statement of thousands of nested parentheses must not overflow the stack
   * (no migration nests queries this deep).
   */
  static final int MAX_NESTING = 200;

  private final List<Token> tokens;
  private int nesting;
  /** For each {@code (}, the index of its {@code )} (or the end); -1 elsewhere. */
  private final int[] close;
  /**
   * Every relation named, as written ({@code "App".orders}). A HashSet, as in the finder: lint
   * reports the tables in its iteration order, which the output kept from the tree.
   */
  private final Set<String> named = new HashSet<>();
  /** Whether a WITH query is an INSERT, UPDATE or DELETE. */
  private boolean changingWith;
  /** WITH query names and subquery aliases, as written: the finder drops them from its set. */
  private final Set<String> other = new HashSet<>();

  private QueryRelations(List<Token> tokens) {
    this.tokens = tokens;
    this.close = matchParentheses(tokens);
  }

  /**
   * The user tables the statement names, as the schema model spells them ({@code public.}
   * dropped, each part folded as PostgreSQL folds it), without system catalogs; empty when
   * a {@code WITH} query changes data ({@code WITH x AS (INSERT ...)}), which the finder does
   * not walk: lint has reported no table read for those, and the lock facts do not cover
   * them (a rehearsal observed ROW SHARE where ACCESS SHARE would be predicted).
   *
   * @param kind the reader's kind of the statement: for {@code create-table}, {@code
   *     create-view} and {@code create-materialized-view} only the query after the first
   *     {@code AS} outside parentheses is read
   */
  public static Optional<Set<String>> tables(String kind, List<Token> tokens) {
    QueryRelations r = new QueryRelations(tokens);
    int from = 0;
    if (kind.startsWith("create-")) {
      from = r.afterTopLevelAs();
    }
    if (from < tokens.size()) {
      r.statement(from, tokens.size());
    }
    if (r.changingWith) {
      return Optional.empty();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String name : r.named) {
      if (r.other.contains(name)) {
        continue;
      }
      String n = QueryNames.normal(QueryNames.foldQualified(name));
      if (!QueryNames.isSystem(n)) {
        out.add(n);
      }
    }
    return Optional.of(out);
  }

  /**
   * For {@code UPDATE} and {@code DELETE} (also after a {@code WITH}), whether the statement
   * itself has a {@code WHERE} clause, as JSqlParser's tree tells it: one in a subquery or a
   * {@code WITH} query does not count. Null for any other statement.
   */
  public static Boolean topLevelWhere(List<Token> tokens) {
    int[] close = matchParentheses(tokens);
    Boolean where = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isPunct('(')) {
        i = close[i];
      } else if (where == null && (t.is("UPDATE") || t.is("DELETE"))) {
        where = false;
      } else if (where == null && (t.is("INSERT") || t.is("SELECT") || t.is("MERGE"))) {
        return null;
      } else if (where != null && t.is("WHERE")) {
        return true;
      }
    }
    return where;
  }

  private static int[] matchParentheses(List<Token> tokens) {
    int[] close = new int[tokens.size()];
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      close[i] = -1;
      Token t = tokens.get(i);
      if (t.isPunct('(')) {
        open.add(i);
      } else if (t.isPunct(')') && !open.isEmpty()) {
        close[open.remove(open.size() - 1)] = i;
      }
    }
    for (int i : open) {
      close[i] = tokens.size();
    }
    return close;
  }

  private int afterTopLevelAs() {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isPunct('(')) {
        i = close[i];
      } else if (tokens.get(i).is("AS")) {
        return i + 1;
      }
    }
    return tokens.size();
  }

  /** A statement or a query in {@code [from, to)}: its WITH queries, its target, its clauses. */
  private void statement(int from, int to) {
    int i = from;
    if (i < to && tokens.get(i).is("WITH")) {
      i = withQueries(i + 1, to);
    }
    if (i >= to) {
      return;
    }
    Token verb = tokens.get(i);
    if (verb.is("INSERT") || verb.is("UPDATE") || verb.is("DELETE") || verb.is("MERGE")) {
      i++;
      while (i < to && (tokens.get(i).is("INTO") || tokens.get(i).is("FROM")
          || tokens.get(i).is("ONLY"))) {
        i++;
      }
      i = target(i, to);
    }
    clauses(i, to, Level.QUERY);
  }

  /** {@code name [(columns)] AS [NOT] [MATERIALIZED] (query), ...}; returns what follows. */
  private int withQueries(int i, int to) {
    if (i < to && tokens.get(i).is("RECURSIVE")) {
      i++;
    }
    while (i < to && tokens.get(i).isIdentifier()) {
      other.add(tokens.get(i).text());
      i++;
      if (i < to && tokens.get(i).isPunct('(')) {
        i = close[i] + 1; // its column names
      }
      while (i < to && !tokens.get(i).isPunct('(')) {
        i++; // AS [NOT] MATERIALIZED
      }
      if (i >= to) {
        return i;
      }
      Token body = i + 1 < to ? tokens.get(i + 1) : null;
      changingWith |= body != null && (body.is("INSERT") || body.is("UPDATE") || body.is("DELETE"));
      if (nesting < MAX_NESTING) {
        nesting++;
        statement(i + 1, Math.min(close[i], to));
        nesting--;
      }
      i = close[i] + 1;
      if (i < to && tokens.get(i).isPunct(',')) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  /** How a stretch of tokens is read. */
  private enum Level {
    /** An expression, a column list, a function's arguments: only subqueries count. */
    EXPRESSION,
    /** A query's clauses: FROM, JOIN, USING and TABLE name relations. */
    QUERY,
    /** A parenthesised join in a FROM list: a FROM list from its first token. */
    FROM_LIST
  }

  private void clauses(int from, int to, Level level) {
    boolean query = level != Level.EXPRESSION;
    boolean fromList = level == Level.FROM_LIST;
    boolean expectItem = fromList;
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (t.isPunct('(')) {
        int end = Math.min(close[i], to);
        boolean subquery = opensQuery(i + 1, end);
        if (nesting < MAX_NESTING) {
          nesting++;
          if (subquery) {
            statement(i + 1, end);
          } else {
            clauses(i + 1, end, query && expectItem ? Level.FROM_LIST : Level.EXPRESSION);
          }
          nesting--;
        }
        i = end;
        if (query && expectItem && subquery) {
          i = alias(i + 1, to) - 1;
        }
        expectItem = false;
        continue;
      }
      if (!query) {
        continue;
      }
      if (t.type() == Token.Type.WORD) {
        if (t.is("FROM") && !(i > from && tokens.get(i - 1).is("DISTINCT"))
            || t.is("JOIN")) {
          fromList = true;
          expectItem = true;
          continue;
        }
        if (t.is("USING") && !(i + 1 < to && tokens.get(i + 1).isPunct('(')
            && !opensQuery(i + 2, Math.min(close[i + 1], to)))) {
          fromList = true;
          expectItem = true;
          continue;
        }
        if (t.is("TABLE")) {
          i = relation(i + 1, to) - 1;
          continue;
        }
        if (t.is("ON") || t.is("WITH")) {
          expectItem = false; // a join's condition; WITH ORDINALITY after a function
          continue;
        }
        if (CLAUSE_ENDS.contains(upper(t))) {
          fromList = false;
          expectItem = false;
          continue;
        }
        if (expectItem && ITEM_PREFIXES.contains(upper(t))) {
          continue;
        }
      }
      if (t.isPunct(',') && fromList) {
        expectItem = true;
        continue;
      }
      if (expectItem && t.isIdentifier()) {
        i = relation(i, to) - 1;
        expectItem = false;
      }
    }
  }

  /** The table a statement writes: never a function, though a column list may follow. */
  private int target(int i, int to) {
    int end = name(i, to);
    if (end > i) {
      named.add(text(i, end));
    }
    return end;
  }

  /** The index after a name at {@code i} ({@code a}, {@code s.a}, {@code "A"}), or i. */
  private int name(int i, int to) {
    if (i >= to || !tokens.get(i).isIdentifier()) {
      return i;
    }
    i++;
    while (i + 1 < to && tokens.get(i).isPunct('.') && tokens.get(i + 1).isIdentifier()) {
      i += 2;
    }
    return i;
  }

  /** A name as written, as JSqlParser's {@code getFullyQualifiedName} gives it. */
  private String text(int from, int to) {
    StringBuilder name = new StringBuilder();
    for (int i = from; i < to; i++) {
      name.append(tokens.get(i).text());
    }
    return name.toString();
  }

  /**
   * A relation's name at {@code i} ({@code a}, {@code s.a}, {@code "A"}); a name followed by
   * {@code (} is a function, not a table, and its arguments are read for subqueries. Returns
   * the index after the name (and the function's arguments).
   */
  private int relation(int i, int to) {
    int end = name(i, to);
    if (end == i) {
      return i;
    }
    if (end < to && tokens.get(end).isPunct('(')) {
      int args = Math.min(close[end], to);
      if (nesting < MAX_NESTING) {
        nesting++;
        clauses(end + 1, args, Level.EXPRESSION);
        nesting--;
      }
      return args + 1;
    }
    named.add(text(i, end));
    return end;
  }

  /** A subquery's alias after its {@code )}: {@code [AS] name}, which the finder drops. */
  private int alias(int i, int to) {
    if (i < to && tokens.get(i).is("AS")) {
      i++;
    }
    if (i < to && tokens.get(i).isIdentifier() && !isKeywordAfterItem(tokens.get(i))) {
      other.add(tokens.get(i).text());
      return i + 1;
    }
    return i;
  }

  private static boolean isKeywordAfterItem(Token t) {
    return t.type() == Token.Type.WORD && (CLAUSE_ENDS.contains(upper(t)) || t.is("JOIN")
        || t.is("LEFT") || t.is("RIGHT") || t.is("FULL") || t.is("INNER") || t.is("CROSS")
        || t.is("NATURAL") || t.is("USING") || t.is("FROM") || t.is("TABLE") || t.is("ON")
        || t.is("WITH"));
  }

  /** Whether {@code [from, to)}, a parenthesis' content, is a query: {@code ((SELECT ...))}. */
  private boolean opensQuery(int from, int to) {
    int i = from;
    while (i < to && tokens.get(i).isPunct('(')) {
      i++;
    }
    return i < to && tokens.get(i).type() == Token.Type.WORD
        && QUERY_STARTS.contains(upper(tokens.get(i)));
  }

  private static String upper(Token t) {
    return t.text().toUpperCase(java.util.Locale.ROOT);
  }
}
