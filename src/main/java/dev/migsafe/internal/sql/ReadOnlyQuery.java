package dev.migsafe.internal.sql;

import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * What an invariant or a validation may be: exactly one {@code SELECT}, or {@code WITH ...
 * SELECT}, as a whole. The driver runs every statement of a string, so checking only the first
 * one would let {@code SELECT 0; COPY ... TO PROGRAM ...} through. This check gives the early,
 * precise error; the defence is that the query then runs as an unprivileged role in a {@code
 * READ ONLY} transaction with a {@code statement_timeout} ({@link #TIMEOUT_SETTING}).
 */
public final class ReadOnlyQuery {
  /** How long one validation may run in a rehearsal, as {@code statement_timeout} takes it. */
  public static final String TIMEOUT_SETTING = "60s";

  private ReadOnlyQuery() {}

  /**
   * Why {@code sql} is not one read-only query, with the 1-based line and column of the place
   * within {@code sql}; empty when it is one.
   */
  public static Optional<Problem> check(String sql) {
    List<SourceStatement> statements = SqlSplitter.split(sql == null ? "" : sql);
    if (statements.isEmpty()) {
      return Optional.of(new Problem(1, 1, "holds no query"));
    }
    SourceStatement first = statements.get(0);
    if (statements.size() > 1) {
      SourceStatement second = statements.get(1);
      return Optional.of(new Problem(second.line(), second.column(),
          "must be exactly one query, but a second statement starts here"));
    }
    if (first.unterminated()) {
      return Optional.of(new Problem(first.line(), first.column(),
          "has a string, identifier or comment that is never closed"));
    }
    Token head = first.tokens().get(0);
    if (!head.is("SELECT") && !head.is("WITH") && !head.isPunct('(')) {
      return Optional.of(new Problem(head.line(), head.column(),
          "must be a SELECT or WITH ... SELECT, not " + head.text()));
    }
    Statement parsed;
    try {
      parsed = CCJSqlParserUtil.parse(first.text());
    } catch (JSQLParserException | RuntimeException e) {
      return Optional.of(new Problem(first.line(), first.column(), "does not parse as SQL"));
    }
    if (!(parsed instanceof Select select)) {
      return Optional.of(new Problem(head.line(), head.column(),
          "must be a SELECT or WITH ... SELECT, not a statement that changes data"));
    }
    if (select instanceof PlainSelect plain && plain.getIntoTables() != null
        && !plain.getIntoTables().isEmpty()) {
      return Optional.of(new Problem(head.line(), head.column(),
          "must not create a table with SELECT ... INTO"));
    }
    if (select.getWithItemsList() != null) {
      for (var with : select.getWithItemsList()) {
        // PostgreSQL allows INSERT, UPDATE and DELETE only in a top-level WITH, so this is the
        // one place a data-changing query can hide inside a SELECT.
        if (!(with.getParenthesedStatement() instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect)) {
          return Optional.of(new Problem(head.line(), head.column(),
              "must not change data in a WITH clause"));
        }
      }
    }
    return Optional.empty();
  }

  /** A place inside the query and what is wrong there. */
  public record Problem(int line, int column, String message) {}
}
