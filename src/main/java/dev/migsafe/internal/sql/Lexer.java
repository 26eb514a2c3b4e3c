package dev.migsafe.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A lexer for PostgreSQL's SQL dialect, enough to split scripts and read DDL: comments (nested
 * block comments, as PostgreSQL allows), standard and escape strings, quoted identifiers, dollar
 * quotes with tags, numbers and operators. It never fails: an unterminated string or comment
 * runs to the end of the input and is flagged.
 */
final class Lexer {
  private final String src;
  private int pos;
  private int line = 1;
  private int lineStart;
  private boolean unterminated;

  Lexer(String src) {
    this.src = src;
  }

  /** True after {@link #tokens()} when a string, identifier or comment was never closed. */
  boolean sawUnterminated() {
    return unterminated;
  }

  List<Token> tokens() {
    List<Token> out = new ArrayList<>();
    for (Token t = next(); t != null; t = next()) {
      out.add(t);
    }
    return out;
  }

  /** The next token, or null at the end of the input. */
  Token next() {
    int n = src.length();
    while (pos < n) {
      char c = src.charAt(pos);
      if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
        continue;
      }
      if (Character.isWhitespace(c)) {
        pos++;
        continue;
      }
      break;
    }
    if (pos >= n) {
      return null;
    }
    char c = src.charAt(pos);
    int start = pos;
    int tokLine = line;
    int tokCol = pos - lineStart + 1;
    Token.Type type;
    if (c == '-' && peek(1) == '-') {
      while (pos < n && src.charAt(pos) != '\n') {
        pos++;
      }
      type = Token.Type.LINE_COMMENT;
    } else if (c == '/' && peek(1) == '*') {
      blockComment();
      type = Token.Type.BLOCK_COMMENT;
    } else if (c == '\'') {
      quoted('\'', false);
      type = Token.Type.STRING;
    } else if ((c == 'E' || c == 'e') && peek(1) == '\'') {
      pos++;
      quoted('\'', true);
      type = Token.Type.STRING;
    } else if ((c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N' || c == 'n')
        && peek(1) == '\'') {
      pos++;
      quoted('\'', false);
      type = Token.Type.STRING;
    } else if ((c == 'U' || c == 'u') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
      char q = peek(2);
      pos += 2;
      quoted(q, false);
      type = q == '\'' ? Token.Type.STRING : Token.Type.QUOTED_IDENT;
    } else if (c == '"') {
      quoted('"', false);
      type = Token.Type.QUOTED_IDENT;
    } else if (c == '$' && dollarTagLength() > 0) {
      dollarString();
      type = Token.Type.DOLLAR_STRING;
    } else if (c == '$' && Character.isDigit(peek(1))) {
      pos++;
      while (pos < n && Character.isDigit(src.charAt(pos))) {
        pos++;
      }
      type = Token.Type.PARAM;
    } else if (Character.isLetter(c) || c == '_' || c >= 0x80) {
      while (pos < n && isIdentPart(src.charAt(pos))) {
        pos++;
      }
      type = Token.Type.WORD;
    } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
      number();
      type = Token.Type.NUMBER;
    } else if ("(),;[]".indexOf(c) >= 0 || (c == '.' && peek(1) != '.')) {
      pos++;
      type = Token.Type.PUNCT;
    } else if (c == ':' && peek(1) == ':') {
      pos += 2;
      type = Token.Type.OPERATOR;
    } else if (isOperatorChar(c)) {
      while (pos < n && isOperatorChar(src.charAt(pos))) {
        if (src.startsWith("--", pos) || src.startsWith("/*", pos)) {
          break;
        }
        pos++;
      }
      type = Token.Type.OPERATOR;
    } else {
      pos++;
      type = Token.Type.OPERATOR;
    }
    return new Token(type, src.substring(start, pos), start, pos, tokLine, tokCol);
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < src.length() ? src.charAt(i) : '\0';
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80;
  }

  private static boolean isOperatorChar(char c) {
    return "+-*/<>=~!@#%^&|`?:".indexOf(c) >= 0;
  }

  private void newline() {
    line++;
    lineStart = pos + 1;
  }

  private void blockComment() {
    int depth = 0;
    int n = src.length();
    while (pos < n) {
      if (src.startsWith("/*", pos)) {
        depth++;
        pos += 2;
      } else if (src.startsWith("*/", pos)) {
        depth--;
        pos += 2;
        if (depth == 0) {
          return;
        }
      } else {
        if (src.charAt(pos) == '\n') {
          newline();
        }
        pos++;
      }
    }
    unterminated = true;
  }

  /** Reads a quoted token starting at the opening quote; a doubled quote is an escaped quote. */
  private void quoted(char quote, boolean backslashEscapes) {
    int n = src.length();
    pos++;
    while (pos < n) {
      char c = src.charAt(pos);
      if (backslashEscapes && c == '\\' && pos + 1 < n) {
        if (src.charAt(pos + 1) == '\n') {
          newline();
        }
        pos += 2;
        continue;
      }
      if (c == quote) {
        if (pos + 1 < n && src.charAt(pos + 1) == quote) {
          pos += 2;
          continue;
        }
        pos++;
        return;
      }
      if (c == '\n') {
        newline();
      }
      pos++;
    }
    unterminated = true;
  }

  /** Length of a dollar-quote tag ({@code $$} or {@code $tag$}) at pos, or 0 if none. */
  private int dollarTagLength() {
    int i = pos + 1;
    int n = src.length();
    if (i < n && src.charAt(i) == '$') {
      return 2;
    }
    if (i >= n || !(Character.isLetter(src.charAt(i)) || src.charAt(i) == '_')) {
      return 0;
    }
    while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
      i++;
    }
    return i < n && src.charAt(i) == '$' ? i - pos + 1 : 0;
  }

  private void dollarString() {
    int tagLen = dollarTagLength();
    String tag = src.substring(pos, pos + tagLen);
    pos += tagLen;
    int close = src.indexOf(tag, pos);
    int end = close < 0 ? src.length() : close + tagLen;
    for (int i = pos; i < end; i++) {
      if (src.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    if (close < 0) {
      unterminated = true;
    }
    pos = end;
  }

  private void number() {
    int n = src.length();
    while (pos < n && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.'
        || src.charAt(pos) == '_')) {
      if (src.charAt(pos) == '.' && pos + 1 < n && src.charAt(pos + 1) == '.') {
        break;
      }
      pos++;
    }
    if (pos < n && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < n && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < n && Character.isDigit(src.charAt(pos))) {
        while (pos < n && Character.isDigit(src.charAt(pos))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
  }
}
