package dev.migsafe.internal.sql;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Parses one statement with JSqlParser under a time bound, so that a pathological statement
 * (deeply nested parentheses make its parser backtrack) cannot hang a run.
 *
 * <p>Most statements are parsed on the calling thread: handing each one to another thread and
 * waiting for it cost two thirds of a lint run's time. A watchdog thread bounds those parses by
 * setting JSqlParser's {@code interrupted} flag, which its parser checks where it backtracks.
 * Statements nested deeper than {@value #INLINE_MAX_NESTING} parentheses, where backtracking
 * grows fastest, still go to a parser thread that the caller stops waiting for after the bound.
 * Both routes give the same result as {@code CCJSqlParserUtil.parse} with a time-out.
 */
public final class StatementParser {
  /** Statements longer than this are not handed to JSqlParser; the reader still reads them. */
  static final int MAX_PARSE_CHARS = 100_000;

  private static final long TIMEOUT_MS = 2_000;

  /** For {@link #firstLine}, compiled once: it runs for every statement JSqlParser rejects. */
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");
  private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^[a-zA-Z0-9_.]+Exception:\\s*");
  private static final Pattern TOKEN_KINDS = Pattern.compile("\\s*<[A-Z_]+>");
  private static final Pattern SAID_TWICE = Pattern.compile("(\"[^\"]+\") \\1");
  private static final Pattern POSITION = Pattern.compile("^\\s*at line (\\d+), column (\\d+)");

  /**
   * Deepest parenthesis nesting parsed on the calling thread. Migration DDL and DML rarely go
   * deeper than a column list holding {@code numeric(10,2)}.
   */
  static final int INLINE_MAX_NESTING = 3;

  private static final Consumer<CCJSqlParser> OPTIONS =
      p -> p.withTimeOut(TIMEOUT_MS).withUnsupportedStatements(false);

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
      Statement st = CCJSqlParserUtil.getNestingDepth(sql) <= INLINE_MAX_NESTING
          ? parseHere(sql) : CCJSqlParserUtil.parse(sql, PARSER_THREADS, OPTIONS);
      return outcome(st);
    } catch (JSQLParserException e) {
      rethrowOutOfMemory(e);
      return new Parse(null, firstLine(e));
    } catch (RuntimeException | StackOverflowError e) {
      return new Parse(null, "the SQL parser failed: " + e.getClass().getSimpleName());
    }
  }

  /**
   * The route statements nested deeper than {@value #INLINE_MAX_NESTING} take, for any
   * statement: parsed on a parser thread that the caller waits for at most the bound. Tests
   * compare it with {@link #parse}.
   */
  public static Parse parseOnParserThread(String sql) {
    try {
      return outcome(CCJSqlParserUtil.parse(sql, PARSER_THREADS, OPTIONS));
    } catch (JSQLParserException e) {
      rethrowOutOfMemory(e);
      return new Parse(null, firstLine(e));
    } catch (RuntimeException | StackOverflowError e) {
      return new Parse(null, "the SQL parser failed: " + e.getClass().getSimpleName());
    }
  }

  private static Parse outcome(Statement st) {
    if (st == null || st instanceof UnsupportedStatement) {
      return new Parse(null, "syntax not supported by JSqlParser");
    }
    return new Parse(st, null);
  }

  /**
   * What {@code CCJSqlParserUtil.parse(sql, executor, OPTIONS)} does, on this thread: a simple
   * parse first, then, if that fails and the nesting allows it, a complex one; failures wrapped
   * as the executor would wrap them, so messages stay the same.
   */
  private static Statement parseHere(String sql) throws JSQLParserException {
    if (sql.isEmpty()) {
      return null;
    }
    try {
      return parseHere(sql, false);
    } catch (JSQLParserException e) {
      if (CCJSqlParserUtil.getNestingDepth(sql) <= CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
        return parseHere(sql, true);
      }
      throw e;
    }
  }

  private static Statement parseHere(String sql, boolean complex) throws JSQLParserException {
    CCJSqlParser parser = CCJSqlParserUtil.newParser(sql);
    OPTIONS.accept(parser);
    parser.withAllowComplexParsing(complex);
    Watchdog.Running running = Watchdog.start(parser, TIMEOUT_MS);
    try {
      Statement st = parser.Statement();
      if (running.timedOut) {
        throw timeOut();
      }
      return st;
    } catch (Exception | StackOverflowError e) {
      if (running.timedOut) {
        throw timeOut();
      }
      throw new JSQLParserException(new ExecutionException(e));
    } finally {
      Watchdog.finish(running);
    }
  }

  private static JSQLParserException timeOut() {
    return new JSQLParserException("Time out occurred.", new TimeoutException());
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

  /**
   * A parser thread that ran out of memory reaches the caller wrapped as a parse failure; it is
   * not one, and must end the run (exit 3) instead of becoming a finding.
   */
  private static void rethrowOutOfMemory(JSQLParserException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError oom) {
        throw oom;
      }
    }
  }

  private static String firstLine(Throwable e) {
    Throwable t = e.getCause() != null ? e.getCause() : e;
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    // JSqlParser reports its time-out as "Time out occurred." caused by a bare TimeoutException.
    if (t instanceof TimeoutException || msg.contains("Time out")) {
      return "the SQL parser gave up after " + TIMEOUT_MS + " ms";
    }
    return readable(msg);
  }

  /**
   * JSqlParser's message as one line: its first line without the exception's name and token
   * kinds, a keyword's text said once (it names a keyword by its text and by its kind, {@code
   * "NOT" "NOT"}), and where in the statement it stopped.
   */
  static String readable(String msg) {
    String[] lines = LINE_BREAK.split(msg.strip(), 3);
    String line = TOKEN_KINDS.matcher(EXCEPTION_PREFIX.matcher(lines[0]).replaceFirst(""))
        .replaceAll("").replace("Encountered unexpected token:", "unexpected token");
    line = SAID_TWICE.matcher(line).replaceAll("$1");
    Matcher at = POSITION.matcher(lines.length > 1 ? lines[1] : "");
    if (line.startsWith("unexpected token") && at.find()) {
      line += " at line " + at.group(1) + ", column " + at.group(2) + " of the statement";
    }
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  /**
   * One daemon thread that marks calling-thread parses past their deadline as interrupted. It
   * starts with the first parse and wakes ten times a second; a parse costs it one set insertion
   * and one removal.
   */
  private static final class Watchdog {
    private static final long TICK_MS = 100;
    private static final Set<Running> RUNNING = ConcurrentHashMap.newKeySet();

    static {
      Thread t = new Thread(Watchdog::watch, "migsafe-sql-parser-watchdog");
      t.setDaemon(true);
      t.start();
    }

    static final class Running {
      final CCJSqlParser parser;
      final long deadline;
      volatile boolean timedOut;

      Running(CCJSqlParser parser, long deadline) {
        this.parser = parser;
        this.deadline = deadline;
      }
    }

    static Running start(CCJSqlParser parser, long timeoutMs) {
      Running r = new Running(parser, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs));
      RUNNING.add(r);
      return r;
    }

    static void finish(Running r) {
      RUNNING.remove(r);
    }

    private static void watch() {
      while (true) {
        try {
          Thread.sleep(TICK_MS);
        } catch (InterruptedException e) {
          return;
        }
        long now = System.nanoTime();
        for (Running r : RUNNING) {
          if (now - r.deadline > 0) {
            r.timedOut = true;
            r.parser.interrupted = true;
          }
        }
      }
    }
  }
}
