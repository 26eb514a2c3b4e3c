package dev.migsafe.internal.sql;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Splits a SQL script into statements at top-level semicolons. Semicolons inside strings,
 * quoted identifiers, comments, dollar-quoted bodies and parentheses do not end a statement; a
 * {@code BEGIN ATOMIC ... END} function body (PostgreSQL 14+) is kept whole. A byte order mark is
 * dropped and CRLF line ends count as one line. Statements are produced lazily, so a script of
 * tens of megabytes never has all its tokens in memory at once.
 */
public final class SqlSplitter {

  private SqlSplitter() {}

  /** All statements of the script. */
  public static List<SourceStatement> split(String script) {
    List<SourceStatement> out = new ArrayList<>();
    iterate(script).forEachRemaining(out::add);
    return out;
  }

  /** The statements of the script, one at a time. */
  public static StatementIterator iterate(String script) {
    return new StatementIterator(normalise(script));
  }

  /** The statements of a script, read lazily; then the comments after the last one. */
  public static final class StatementIterator implements Iterator<SourceStatement> {
    private final String src;
    private final Lexer lexer;
    private int index;
    private SourceStatement pending;
    private boolean done;
    private List<Token> trailing = List.of();

    /**
     * Comments after the last statement (a file-wide ignore may stand there); complete once
     * {@link #hasNext} has returned false.
     */
    public List<Token> trailingComments() {
      return trailing;
    }

    StatementIterator(String src) {
      this.src = src;
      this.lexer = new Lexer(src);
    }

    @Override
    public boolean hasNext() {
      if (pending == null && !done) {
        pending = readNext();
      }
      return pending != null;
    }

    @Override
    public SourceStatement next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      SourceStatement s = pending;
      pending = null;
      return s;
    }

    private SourceStatement readNext() {
      List<Token> tokens = new ArrayList<>();
      List<Token> comments = new ArrayList<>();
      int depth = 0;
      int atomicDepth = 0;
      while (true) {
        Token t = lexer.next();
        if (t == null) {
          done = true;
          if (tokens.isEmpty()) {
            trailing = List.copyOf(comments);
            return null;
          }
          return build(tokens, comments, lexer.sawUnterminated());
        }
        if (t.isComment()) {
          comments.add(t);
          continue;
        }
        if (t.isPunct('(')) {
          depth++;
        } else if (t.isPunct(')')) {
          depth = Math.max(0, depth - 1);
        } else if (t.is("ATOMIC") && !tokens.isEmpty()
            && tokens.get(tokens.size() - 1).is("BEGIN")) {
          atomicDepth++;
        } else if (atomicDepth > 0 && t.is("END") && depth == 0) {
          atomicDepth--;
        }
        if (t.isPunct(';') && depth == 0 && atomicDepth == 0) {
          if (tokens.isEmpty()) {
            comments.clear();
            continue;
          }
          return build(tokens, comments, false);
        }
        tokens.add(t);
      }
    }

    private SourceStatement build(List<Token> tokens, List<Token> comments, boolean unterminated) {
      Token first = tokens.get(0);
      Token last = tokens.get(tokens.size() - 1);
      return new SourceStatement(index++, src.substring(first.start(), last.end()), first.line(),
          first.column(), List.copyOf(tokens), List.copyOf(comments), unterminated);
    }
  }

  /** Drops a byte order mark and folds CRLF and lone CR to LF, so lines count as editors do. */
  static String normalise(String script) {
    String s = script;
    if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    if (s.indexOf('\r') >= 0) {
      s = s.replace("\r\n", "\n").replace('\r', '\n');
    }
    return s;
  }
}
