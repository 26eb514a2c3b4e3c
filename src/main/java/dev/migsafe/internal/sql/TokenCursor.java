package dev.migsafe.internal.sql;

import java.util.ArrayList;
import java.util.List;

/** A cursor over a statement's tokens with the look-ahead a hand-written DDL reader needs. */
final class TokenCursor {
  private final List<Token> tokens;
  private final String source;
  private final int base;
  /** Shared with sub-cursors: the first place the statement's grammar cannot go on. */
  private final Rejection rejection;
  private int pos;

  /** The first token PostgreSQL's grammar cannot accept, or the end of the statement. */
  static final class Rejection {
    Token token;
    boolean atEnd;
    String expected;
  }

  /**
   * @param source the statement's text
   * @param base the offset of the statement's first character in the script, which token
   *     offsets count from
   */
  TokenCursor(List<Token> tokens, String source, int base) {
    this(tokens, source, base, new Rejection());
  }

  private TokenCursor(List<Token> tokens, String source, int base, Rejection rejection) {
    this.tokens = tokens;
    this.source = source;
    this.base = base;
    this.rejection = rejection;
  }

  /**
   * Records that the grammar cannot accept the next token (or the end of the statement, when
   * none is left) where {@code expected} should be; only the first rejection counts, as
   * PostgreSQL's parser stops at its first error. Always false, for {@code return c.reject(..)}.
   */
  boolean reject(String expected) {
    if (rejection.expected == null) {
      rejection.token = atEnd() ? (tokens.isEmpty() ? null : tokens.get(tokens.size() - 1))
          : peek();
      rejection.atEnd = atEnd();
      rejection.expected = expected;
    }
    return false;
  }

  /** Rejects a token left over after a clause that must end the statement or its action. */
  boolean expectEnd(String expected) {
    return atEnd() || reject(expected);
  }

  Rejection rejection() {
    return rejection.expected == null ? null : rejection;
  }

  boolean atEnd() {
    return pos >= tokens.size();
  }

  Token peek() {
    return peek(0);
  }

  Token peek(int ahead) {
    int i = pos + ahead;
    return i < tokens.size() ? tokens.get(i) : null;
  }

  Token next() {
    return atEnd() ? null : tokens.get(pos++);
  }

  int position() {
    return pos;
  }

  void reset(int position) {
    pos = position;
  }

  /** True when the next tokens are these keywords, in order. */
  boolean at(String... words) {
    for (int i = 0; i < words.length; i++) {
      Token t = peek(i);
      if (t == null || !t.is(words[i])) {
        return false;
      }
    }
    return true;
  }

  /** Consumes the keywords if they come next. */
  boolean accept(String... words) {
    if (at(words)) {
      pos += words.length;
      return true;
    }
    return false;
  }

  boolean acceptPunct(char c) {
    Token t = peek();
    if (t != null && t.isPunct(c)) {
      pos++;
      return true;
    }
    return false;
  }

  boolean atPunct(char c) {
    Token t = peek();
    return t != null && t.isPunct(c);
  }

  /** Reads a possibly qualified name ({@code a.b.c}); {@code public.} is dropped. */
  String qualifiedName() {
    Token t = peek();
    if (t == null || !t.isIdentifier()) {
      return null;
    }
    StringBuilder sb = new StringBuilder(next().identifier());
    while (atPunct('.') && peek(1) != null && peek(1).isIdentifier()) {
      pos++;
      sb.append('.').append(next().identifier());
    }
    String name = sb.toString();
    return name.startsWith("public.") ? name.substring("public.".length()) : name;
  }

  String identifier() {
    Token t = peek();
    if (t == null || !t.isIdentifier()) {
      return null;
    }
    return next().identifier();
  }

  /** Reads a parenthesised, comma-separated list of identifiers, e.g. {@code (a, "B")}. */
  List<String> identifierList() {
    List<String> names = new ArrayList<>();
    if (!acceptPunct('(')) {
      return names;
    }
    int depth = 1;
    boolean expectName = true;
    while (!atEnd() && depth > 0) {
      Token t = next();
      if (t.isPunct('(')) {
        depth++;
      } else if (t.isPunct(')')) {
        depth--;
      } else if (t.isPunct(',') && depth == 1) {
        expectName = true;
      } else if (expectName && depth == 1 && t.isIdentifier()) {
        names.add(t.identifier());
        expectName = false;
      } else if (depth == 1) {
        expectName = false;
      }
    }
    return names;
  }

  /** Skips a balanced parenthesised group if one comes next; returns its inner text. */
  String skipParens() {
    if (!atPunct('(')) {
      return null;
    }
    int startTok = pos;
    int depth = 0;
    do {
      Token t = next();
      if (t.isPunct('(')) {
        depth++;
      } else if (t.isPunct(')')) {
        depth--;
      }
    } while (!atEnd() && depth > 0);
    Token open = tokens.get(startTok);
    Token close = tokens.get(pos - 1);
    return source.substring(open.end() - base, Math.max(open.end(), close.start()) - base).trim();
  }

  /**
   * Reads tokens up to (not including) one of the stop words at parenthesis depth 0, and returns
   * their source text. CASE ... END nests like parentheses: {@code DEFAULT CASE WHEN a IS NOT
   * NULL THEN ... END} is one expression, its NOT no constraint.
   */
  String textUntil(String... stopWords) {
    int start = pos;
    int depth = 0;
    while (!atEnd()) {
      Token t = peek();
      if (depth == 0 && (t.isPunct(',') || t.isPunct(')'))) {
        break;
      }
      if (depth == 0 && isStop(t, stopWords)) {
        break;
      }
      if (t.isPunct('(') || t.is("CASE")) {
        depth++;
      } else if (t.isPunct(')') || t.is("END") && depth > 0) {
        depth--;
      }
      pos++;
    }
    return text(start, pos);
  }

  private static boolean isStop(Token t, String... stopWords) {
    for (String w : stopWords) {
      if (t.is(w)) {
        return true;
      }
    }
    return false;
  }

  /** Source text of tokens [from, to). */
  String text(int from, int to) {
    if (from >= to) {
      return "";
    }
    return source.substring(tokens.get(from).start() - base, tokens.get(to - 1).end() - base);
  }

  /** The remaining tokens split at top-level commas, each as a sub-list. */
  List<List<Token>> splitRemainingAtCommas() {
    List<List<Token>> parts = new ArrayList<>();
    List<Token> cur = new ArrayList<>();
    int depth = 0;
    while (!atEnd()) {
      Token t = next();
      if (t.isPunct('(')) {
        depth++;
      } else if (t.isPunct(')')) {
        depth--;
      }
      if (depth == 0 && t.isPunct(',')) {
        parts.add(cur);
        cur = new ArrayList<>();
      } else {
        cur.add(t);
      }
    }
    if (!cur.isEmpty()) {
      parts.add(cur);
    }
    return parts;
  }

  /** True when any remaining token at depth 0 is the keyword. */
  boolean remainingContains(String word) {
    int depth = 0;
    for (int i = pos; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isPunct('(')) {
        depth++;
      } else if (t.isPunct(')')) {
        depth--;
      } else if (depth == 0 && t.is(word)) {
        return true;
      }
    }
    return false;
  }

  /** Where {@code tokens} (a non-empty run of this statement's tokens) are written. */
  SourceSpan span(List<Token> tokens) {
    return SourceSpan.of(tokens, base);
  }

  TokenCursor sub(List<Token> part) {
    return new TokenCursor(part, source, base, rejection);
  }
}
