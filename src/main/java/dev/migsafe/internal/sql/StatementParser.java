package dev.migsafe.internal.sql;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Parses one statement with JSqlParser under a time bound, so that a pathological statement
 * (deeply nested parentheses make its parser backtrack) cannot hang a run.
 */
public final class StatementParser {
  /** Statements longer than this are not handed to JSqlParser; the reader still reads them. */
  static final int MAX_PARSE_CHARS = 100_000;

  private static final long TIMEOUT_MS = 2_000;

  /** Daemon threads: a parse that overruns its bound is abandoned, never waited for at exit. */
  private static final ExecutorService PARSER_THREADS =
      Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "migsafe-sql-parser");
        t.setDaemon(true);
        return t;
      });

  private StatementParser() {}

  /**
   * The outcome of a parse.
   *
   * @param statement JSqlParser's tree, or null when it did not parse
   * @param error why it did not parse, one line, or null
   */
  public record Parse(Statement statement, String error) {
    public boolean ok() {
      return statement != null;
    }
  }

  public static Parse parse(String sql) {
    if (sql.length() > MAX_PARSE_CHARS) {
      return new Parse(null, "statement longer than " + MAX_PARSE_CHARS
          + " characters, not handed to the SQL parser");
    }
    try {
      Statement st = CCJSqlParserUtil.parse(sql, PARSER_THREADS,
          p -> p.withTimeOut(TIMEOUT_MS).withUnsupportedStatements(false));
      if (st == null || st instanceof UnsupportedStatement) {
        return new Parse(null, "syntax not supported by JSqlParser");
      }
      return new Parse(st, null);
    } catch (JSQLParserException e) {
      return new Parse(null, firstLine(e));
    } catch (RuntimeException | StackOverflowError e) {
      return new Parse(null, "the SQL parser failed: " + e.getClass().getSimpleName());
    }
  }

  /** For DML, whether JSqlParser saw a WHERE clause; null when it cannot tell. */
  public static Boolean hasWhere(Statement st) {
    if (st instanceof Update u) {
      return u.getWhere() != null;
    }
    if (st instanceof Delete d) {
      return d.getWhere() != null;
    }
    return null;
  }

  private static String firstLine(Throwable e) {
    Throwable t = e.getCause() != null ? e.getCause() : e;
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    if (msg.contains("Time out")) {
      return "the SQL parser gave up after " + TIMEOUT_MS + " ms";
    }
    String line = msg.strip().split("\\R", 2)[0]
        .replaceFirst("^[a-zA-Z0-9_.]+Exception:\\s*", "")
        .replaceAll("\\s*<[A-Z_]+>", "")
        .replace("Encountered unexpected token:", "unexpected token");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
