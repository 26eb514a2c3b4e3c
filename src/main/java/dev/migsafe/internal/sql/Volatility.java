package dev.migsafe.internal.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a default expression is volatile, which decides whether ADD COLUMN must rewrite the
 * table on PostgreSQL 11+ (the manual, ALTER TABLE, "Notes": a volatile default such as
 * {@code clock_timestamp()} is evaluated per row). Functions migsafe does not know may be
 * volatile; they are reported as such, with a note that says so.
 */
public final class Volatility {
  /** Built-in functions and keywords that are immutable or stable: evaluated once per statement. */
  private static final Set<String> NOT_VOLATILE =
      Set.of(
          "now", "current_timestamp", "current_date", "current_time", "localtimestamp",
          "localtime", "transaction_timestamp", "statement_timestamp", "current_user",
          "session_user", "current_role", "user", "current_schema", "current_catalog",
          "lower", "upper", "coalesce", "nullif", "greatest", "least", "concat", "length",
          "abs", "round", "trim", "btrim", "ltrim", "rtrim", "substring", "substr", "to_char",
          "to_date", "to_timestamp", "to_number", "make_date", "make_interval", "date_trunc",
          "jsonb_build_object", "json_build_object", "jsonb_build_array", "json_build_array",
          "array", "row", "interval", "cast", "true", "false", "null", "timezone",
          "md5", "replace", "format", "pg_catalog");

  /** Built-ins known to be volatile. */
  private static final Set<String> VOLATILE =
      Set.of(
          "random", "clock_timestamp", "timeofday", "gen_random_uuid", "uuid_generate_v1",
          "uuid_generate_v1mc", "uuid_generate_v4", "nextval", "txid_current", "setseed",
          "random_normal", "uuidv4", "uuidv7", "gen_random_bytes");

  private Volatility() {}

  /** Classification of an expression's volatility. */
  public enum Kind {
    CONSTANT,
    VOLATILE,
    UNKNOWN_FUNCTION
  }

  /** Classifies the expression given as tokens. */
  public static Kind classify(List<Token> tokens) {
    Kind result = Kind.CONSTANT;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isPunct('(');
      if (t.type() != Token.Type.WORD) {
        continue;
      }
      String w = t.text().toLowerCase(Locale.ROOT);
      if (VOLATILE.contains(w)) {
        return Kind.VOLATILE;
      }
      boolean afterCast = i > 0 && tokens.get(i - 1).text().equals("::");
      if (call && !afterCast && !NOT_VOLATILE.contains(w) && !isTypeName(w)) {
        result = Kind.UNKNOWN_FUNCTION;
      }
    }
    return result;
  }

  /** Words that take parentheses as type modifiers, not calls: {@code varchar(20)}. */
  private static boolean isTypeName(String w) {
    return Set.of("varchar", "char", "character", "numeric", "decimal", "timestamp", "time",
            "bit", "varbit", "interval", "float")
        .contains(w);
  }
}
