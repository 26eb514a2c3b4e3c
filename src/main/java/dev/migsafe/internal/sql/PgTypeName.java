package dev.migsafe.internal.sql;

import java.util.Locale;
import java.util.Set;

/**
 * Reads a data type exactly as PostgreSQL's grammar does ({@code Typename} in gram.y): the
 * SQL-standard types with their multi-word forms, a possibly qualified generic name with
 * optional modifiers, then array bounds. Reading it exactly is what lets the statement reader
 * say where a column definition goes wrong: in {@code ADD COLUM bar int} the column is {@code
 * colum}, its type {@code bar}, and {@code int} is where PostgreSQL stops with a syntax error.
 */
final class PgTypeName {
  /**
   * Keywords that cannot name a generic type ({@code type_function_name} excludes reserved and
   * column-name keywords; the column-name keywords that are types have their own productions
   * below). PostgreSQL manual, appendix C, "SQL Key Words".
   */
  private static final Set<String> NOT_A_TYPE_NAME = Set.of(
      "ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC", "BOTH",
      "CASE", "CAST", "CHECK", "COLLATE", "COLUMN", "CONSTRAINT", "CREATE", "CURRENT_CATALOG",
      "CURRENT_DATE", "CURRENT_ROLE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER",
      "DEFAULT", "DEFERRABLE", "DESC", "DISTINCT", "DO", "ELSE", "END", "EXCEPT", "FALSE",
      "FETCH", "FOR", "FOREIGN", "FROM", "GRANT", "GROUP", "HAVING", "IN", "INITIALLY",
      "INTERSECT", "INTO", "LATERAL", "LEADING", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "NOT",
      "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "PLACING", "PRIMARY", "REFERENCES",
      "RETURNING", "SELECT", "SESSION_USER", "SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE",
      "THEN", "TO", "TRAILING", "TRUE", "UNION", "UNIQUE", "USER", "USING", "VARIADIC", "WHEN",
      "WHERE", "WINDOW", "WITH",
      // column-name keywords without a type production of their own
      "BETWEEN", "COALESCE", "EXISTS", "EXTRACT", "GREATEST", "GROUPING", "INOUT", "LEAST",
      "NONE", "NORMALIZE", "NULLIF", "OUT", "OVERLAY", "POSITION", "PRECISION", "ROW", "SETOF",
      "SUBSTRING", "TREAT", "TRIM", "VALUES");

  private static final Set<String> INTERVAL_FIELDS =
      Set.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND");

  private PgTypeName() {}

  /**
   * Reads one type name at the cursor. On failure it records the rejection on the cursor and
   * returns false; the cursor is then left where the type went wrong.
   */
  static boolean read(TokenCursor c) {
    if (!simpleTypeName(c)) {
      return false;
    }
    if (c.accept("ARRAY")) {
      if (c.atPunct('[')) {
        return bound(c, true);
      }
      return true;
    }
    while (c.atPunct('[')) {
      if (!bound(c, false)) {
        return false;
      }
    }
    return true;
  }

  private static boolean simpleTypeName(TokenCursor c) {
    Token t = c.peek();
    if (t == null) {
      return c.reject("a data type");
    }
    if (t.type() == Token.Type.WORD) {
      switch (t.text().toUpperCase(Locale.ROOT)) {
        case "INT", "INTEGER", "SMALLINT", "BIGINT", "REAL", "BOOLEAN", "JSON" -> {
          c.next();
          return true;
        }
        case "FLOAT" -> {
          c.next();
          return !c.atPunct('(') || integerInParens(c);
        }
        case "DOUBLE" -> {
          if (c.peek(1) != null && c.peek(1).is("PRECISION")) {
            c.next();
            c.next();
            return true;
          }
          // a lone "double" is a generic type name (DOUBLE is an unreserved keyword)
        }
        case "DECIMAL", "DEC", "NUMERIC" -> {
          c.next();
          return modifiers(c);
        }
        case "BIT" -> {
          c.next();
          c.accept("VARYING");
          return modifiers(c);
        }
        case "CHARACTER", "CHAR", "NCHAR" -> {
          c.next();
          c.accept("VARYING");
          return !c.atPunct('(') || integerInParens(c);
        }
        case "VARCHAR" -> {
          c.next();
          return !c.atPunct('(') || integerInParens(c);
        }
        case "NATIONAL" -> {
          c.next();
          if (!c.accept("CHARACTER") && !c.accept("CHAR")) {
            return c.reject("CHARACTER or CHAR");
          }
          c.accept("VARYING");
          return !c.atPunct('(') || integerInParens(c);
        }
        case "TIMESTAMP", "TIME" -> {
          c.next();
          if (c.atPunct('(') && !integerInParens(c)) {
            return false;
          }
          // WITH and WITHOUT belong to the type only when TIME follows (the lexer's WITH_LA
          // look-ahead); otherwise the type ends before them and the caller rejects them.
          if (c.accept("WITH", "TIME") || c.accept("WITHOUT", "TIME")) {
            return c.accept("ZONE") || c.reject("ZONE");
          }
          return true;
        }
        case "INTERVAL" -> {
          c.next();
          return interval(c);
        }
        default -> { }
      }
      if (NOT_A_TYPE_NAME.contains(t.text().toUpperCase(Locale.ROOT))) {
        return c.reject("a data type");
      }
    } else if (t.type() != Token.Type.QUOTED_IDENT) {
      return c.reject("a data type");
    }
    // GenericType: type_function_name [attrs] [( expr_list )]
    c.next();
    while (c.atPunct('.')) {
      c.next();
      Token part = c.peek();
      if (part == null || !part.isIdentifier()) {
        return c.reject("a name after '.'");
      }
      c.next();
    }
    return modifiers(c);
  }

  /** {@code INTERVAL [fields] [(p)]}: the precision goes either after the word or after SECOND. */
  private static boolean interval(TokenCursor c) {
    if (c.atPunct('(')) {
      return integerInParens(c);
    }
    Token f = c.peek();
    if (f == null || !INTERVAL_FIELDS.contains(f.text().toUpperCase(Locale.ROOT))
        || f.type() != Token.Type.WORD) {
      return true;
    }
    String first = c.next().text().toUpperCase(Locale.ROOT);
    String last = first;
    if (c.accept("TO")) {
      Token to = c.peek();
      if (to == null || to.type() != Token.Type.WORD
          || !INTERVAL_FIELDS.contains(to.text().toUpperCase(Locale.ROOT))) {
        return c.reject("an interval field");
      }
      last = c.next().text().toUpperCase(Locale.ROOT);
    }
    if (last.equals("SECOND") && c.atPunct('(')) {
      return integerInParens(c);
    }
    return true;
  }

  /** Optional {@code ( expr_list )}: the modifiers of a generic or numeric type. */
  private static boolean modifiers(TokenCursor c) {
    if (c.atPunct('(')) {
      int before = c.position();
      c.skipParens();
      Token last = c.peek(-1);
      if (c.position() - before < 3 || last == null || !last.isPunct(')')) {
        c.reset(before + 1);
        return c.reject("a type modifier");
      }
    }
    return true;
  }

  /** {@code ( Iconst )}, as after {@code varchar} or {@code timestamp}. */
  private static boolean integerInParens(TokenCursor c) {
    c.acceptPunct('(');
    Token n = c.peek();
    if (n == null || n.type() != Token.Type.NUMBER) {
      return c.reject("an integer");
    }
    c.next();
    return c.acceptPunct(')') || c.reject("')'");
  }

  /** {@code [ ]} or {@code [ Iconst ]}; after ARRAY the constant is required. */
  private static boolean bound(TokenCursor c, boolean needsNumber) {
    c.acceptPunct('[');
    Token n = c.peek();
    if (n != null && n.type() == Token.Type.NUMBER) {
      c.next();
    } else if (needsNumber) {
      return c.reject("an integer");
    }
    return c.acceptPunct(']') || c.reject("']'");
  }
}
