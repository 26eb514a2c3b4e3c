package dev.migsafe.internal.sql;

import dev.migsafe.api.TypeCategory;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical names of PostgreSQL types, so that {@code character varying(20)}, {@code
 * varchar(20)} and {@code VARCHAR (20)} compare equal, and the rules of the manual's "ALTER TABLE"
 * page about which type changes avoid a table rewrite.
 */
public final class SqlTypes {
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("int", "integer"),
          Map.entry("int4", "integer"),
          Map.entry("integer", "integer"),
          Map.entry("int8", "bigint"),
          Map.entry("bigint", "bigint"),
          Map.entry("int2", "smallint"),
          Map.entry("smallint", "smallint"),
          Map.entry("serial", "integer"),
          Map.entry("serial4", "integer"),
          Map.entry("bigserial", "bigint"),
          Map.entry("serial8", "bigint"),
          Map.entry("smallserial", "smallint"),
          Map.entry("serial2", "smallint"),
          Map.entry("character varying", "varchar"),
          Map.entry("varchar", "varchar"),
          Map.entry("character", "char"),
          Map.entry("char", "char"),
          Map.entry("bpchar", "char"),
          Map.entry("decimal", "numeric"),
          Map.entry("numeric", "numeric"),
          Map.entry("bool", "boolean"),
          Map.entry("boolean", "boolean"),
          Map.entry("float8", "double precision"),
          Map.entry("double precision", "double precision"),
          Map.entry("float4", "real"),
          Map.entry("real", "real"),
          Map.entry("float", "double precision"),
          Map.entry("timestamp", "timestamp"),
          Map.entry("timestamp without time zone", "timestamp"),
          Map.entry("timestamptz", "timestamptz"),
          Map.entry("timestamp with time zone", "timestamptz"),
          Map.entry("time", "time"),
          Map.entry("time without time zone", "time"),
          Map.entry("timetz", "timetz"),
          Map.entry("time with time zone", "timetz"),
          Map.entry("bit varying", "varbit"),
          Map.entry("varbit", "varbit"));

  /** Built-in types a template's type rule may name exactly, in canonical spelling. */
  public static final java.util.Set<String> BUILTIN = java.util.Set.of("smallint", "integer",
      "bigint", "numeric", "real", "double precision", "text", "varchar", "char", "citext",
      "date", "timestamp", "timestamptz", "time", "timetz", "interval", "boolean", "uuid", "json",
      "jsonb", "inet", "cidr", "macaddr", "bit", "varbit", "bytea", "money", "xml");

  private static final Pattern WITH_ARGS = Pattern.compile("^([a-z0-9_ .]+?)\\s*(\\(([^)]*)\\))?((?:\\s*\\[\\s*\\d*\\s*\\])*)$");
  private static final Pattern TS_WITH_PRECISION =
      Pattern.compile("^(timestamp|time)\\s*\\((\\d+)\\)\\s*(with(out)? time zone)?$");

  private static final Pattern SERIAL = Pattern.compile("(small|big)?serial[248]?");

  /**
   * Canonical spellings already worked out: a migration names the same few types over and over,
   * and each spelling costs several regular expressions (3 % of a lint's samples on a file of
   * 500,000 ADD COLUMNs, docs/performance.md). Bounded, so that odd spellings cannot grow it
   * without end.
   */
  private static final int CANONICAL_CACHE_MAX = 4_096;
  private static final Map<String, String> CANONICAL =
      new java.util.concurrent.ConcurrentHashMap<>();

  private SqlTypes() {}

  /** The canonical spelling of a type as written, e.g. {@code varchar(20)}, {@code integer[]}. */
  public static String canonical(String written) {
    String known = CANONICAL.get(written);
    if (known != null) {
      return known;
    }
    String c = spell(written);
    if (CANONICAL.size() < CANONICAL_CACHE_MAX) {
      CANONICAL.put(written, c);
    }
    return c;
  }

  private static String spell(String written) {
    String t = written.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    t = t.replaceAll("^pg_catalog\\.", "");
    Matcher ts = TS_WITH_PRECISION.matcher(t);
    if (ts.matches()) {
      boolean tz = ts.group(3) != null && ts.group(4) == null;
      String base = ts.group(1) + (tz ? "tz" : "");
      return base + "(" + ts.group(2) + ")";
    }
    Matcher m = WITH_ARGS.matcher(t);
    if (!m.matches()) {
      return t;
    }
    String base = m.group(1).trim();
    String args = m.group(3);
    String arrays = m.group(4) == null ? "" : m.group(4).replaceAll("\\s|\\d", "");
    base = ALIASES.getOrDefault(base, base);
    if (args != null) {
      args = args.replaceAll("\\s", "");
      if (base.equals("double precision") || base.equals("real")) {
        // float(p): precision 1-24 is real, 25-53 double precision (manual, "Numeric Types").
        int p = parseIntOr(args, 53);
        return (p <= 24 ? "real" : "double precision") + arrays;
      }
      return base + "(" + args + ")" + arrays;
    }
    if (base.equals("char")) {
      return "char(1)" + arrays;
    }
    return base + arrays;
  }

  /**
   * The type as PostgreSQL prints it with {@code format_type(atttypid, atttypmod)}: {@code
   * character varying(40)}, {@code numeric(14,2)}, {@code timestamp with time zone}, {@code
   * integer[]}, an enum's own name. A validation compares a column with its target type in this
   * spelling, because {@code information_schema.columns.data_type} drops the length and
   * precision and says {@code USER-DEFINED} for an enum.
   */
  public static String formatted(String written) {
    if (written.contains("\"")) {
      // A quoted name keeps its case, and format_type quotes it again.
      return written.strip();
    }
    String c = canonical(written);
    StringBuilder arrays = new StringBuilder();
    while (c.endsWith("[]")) {
      arrays.append("[]");
      c = c.substring(0, c.length() - 2);
    }
    String base = base(c);
    String args = c.substring(base.length());
    String out = switch (base) {
      case "varchar" -> "character varying" + args;
      case "char" -> "character" + args;
      case "varbit" -> "bit varying" + args;
      case "bit" -> "bit" + (args.isEmpty() ? "(1)" : args);
      // numeric(10) is numeric(10,0): the scale is always printed once there is a precision.
      case "numeric" -> args.isEmpty() || args.contains(",") ? "numeric" + args
          : "numeric(" + args.substring(1, args.length() - 1) + ",0)";
      case "timestamp" -> "timestamp" + args + " without time zone";
      case "timestamptz" -> "timestamp" + args + " with time zone";
      case "time" -> "time" + args + " without time zone";
      case "timetz" -> "time" + args + " with time zone";
      default -> c;
    };
    return out + arrays;
  }

  /**
   * The category of a built-in type (after {@code pg_type.typcategory}); {@link
   * TypeCategory#OTHER} for a name this class does not know, which may be an enum or a domain
   * that only the schema can tell.
   */
  public static TypeCategory category(String written) {
    String c = canonical(written);
    if (c.endsWith("[]")) {
      return TypeCategory.ARRAY;
    }
    String base = base(c);
    if (base.startsWith("interval")) {
      return TypeCategory.TIMESPAN;
    }
    return switch (base) {
      case "smallint", "integer", "bigint", "numeric", "real", "double precision" ->
          TypeCategory.NUMERIC;
      case "text", "varchar", "char", "citext", "name" -> TypeCategory.STRING;
      case "date", "timestamp", "timestamptz", "time", "timetz" -> TypeCategory.DATETIME;
      case "boolean" -> TypeCategory.BOOLEAN;
      case "uuid" -> TypeCategory.UUID;
      case "json", "jsonb" -> TypeCategory.JSON;
      case "inet", "cidr", "macaddr", "macaddr8" -> TypeCategory.NETWORK;
      case "bit", "varbit" -> TypeCategory.BITSTRING;
      case "bytea" -> TypeCategory.BINARY;
      default -> TypeCategory.OTHER;
    };
  }

  /** The canonical name without length, precision or array brackets, e.g. {@code varchar}. */
  public static String baseName(String written) {
    String c = canonical(written);
    while (c.endsWith("[]")) {
      c = c.substring(0, c.length() - 2);
    }
    return base(c);
  }

  /** True for serial, bigserial and smallserial, which imply a sequence-backed default. */
  public static boolean isSerial(String written) {
    String t = written.trim().toLowerCase(Locale.ROOT);
    return SERIAL.matcher(t).matches();
  }

  /**
   * Whether changing a column from {@code from} to {@code to} rewrites the table on PostgreSQL
   * {@code version}. Unknown pairs rewrite, which is the safe answer: the manual promises no
   * rewrite only for binary-coercible changes and a few named cases.
   *
   * @param sessionTimeZoneUtc whether the session time zone is UTC, which PostgreSQL 12+ needs
   *     to skip the rewrite of timestamp to timestamptz and back
   */
  public static boolean typeChangeRewrites(
      String from, String to, int version, boolean sessionTimeZoneUtc) {
    if (from == null || to == null) {
      return true;
    }
    String a = canonical(from);
    String b = canonical(to);
    if (a.equals(b)) {
      return false;
    }
    String baseA = base(a);
    String baseB = base(b);
    if (a.endsWith("[]") || b.endsWith("[]")) {
      return true;
    }
    switch (baseA) {
      case "varchar":
        if (baseB.equals("text") || baseB.equals("citext")) {
          return false;
        }
        if (baseB.equals("varchar")) {
          return !widens(lengthOf(a), lengthOf(b));
        }
        return true;
      case "text":
        // citext declares its cast from text WITHOUT FUNCTION (the citext extension's script).
        return !(baseB.equals("varchar") && lengthOf(b) == null || baseB.equals("citext"));
      case "citext":
        return !baseB.equals("text");
      case "interval":
        // More fractional-second precision, or none, keeps every stored value (PostgreSQL's
        // interval_support); a fields restriction such as DAY TO SECOND is left to the
        // safe answer.
        return !(baseB.equals("interval") && isPlainPrecision(a) && isPlainPrecision(b)
            && widens(lengthOf(a), lengthOf(b)));
      case "numeric":
        if (baseB.equals("numeric")) {
          return !numericWidens(a, b);
        }
        return true;
      case "varbit":
        return !(baseB.equals("varbit") && widens(lengthOf(a), lengthOf(b)));
      case "timestamp":
        return !(baseB.equals("timestamptz") && version >= 12 && sessionTimeZoneUtc
            && samePrecision(a, b));
      case "timestamptz":
        return !(baseB.equals("timestamp") && version >= 12 && sessionTimeZoneUtc
            && samePrecision(a, b));
      case "cidr":
        return !baseB.equals("inet");
      default:
        return true;
    }
  }

  static String base(String canonical) {
    int p = canonical.indexOf('(');
    return p < 0 ? canonical : canonical.substring(0, p);
  }

  private static Integer lengthOf(String canonical) {
    int p = canonical.indexOf('(');
    if (p < 0) {
      return null;
    }
    String inner = canonical.substring(p + 1, canonical.indexOf(')', p));
    return parseIntOr(inner.split(",")[0], -1);
  }

  /** A length limit widens when the new one is absent or at least the old one. */
  private static boolean widens(Integer from, Integer to) {
    if (to == null) {
      return true;
    }
    return from != null && to >= from;
  }

  private static boolean numericWidens(String a, String b) {
    if (!b.contains("(")) {
      return true;
    }
    if (!a.contains("(")) {
      return false;
    }
    String[] pa = a.substring(a.indexOf('(') + 1, a.indexOf(')')).split(",");
    String[] pb = b.substring(b.indexOf('(') + 1, b.indexOf(')')).split(",");
    int precA = parseIntOr(pa[0], -1);
    int precB = parseIntOr(pb[0], -1);
    int scaleA = pa.length > 1 ? parseIntOr(pa[1], 0) : 0;
    int scaleB = pb.length > 1 ? parseIntOr(pb[1], 0) : 0;
    return scaleA == scaleB && precB >= precA;
  }

  /** {@code interval} or {@code interval(p)}: no fields restriction. */
  private static boolean isPlainPrecision(String canonical) {
    return canonical.matches("interval(\\(\\d+\\))?");
  }

  private static boolean samePrecision(String a, String b) {
    Integer pa = lengthOf(a);
    Integer pb = lengthOf(b);
    return pa == null ? pb == null : pa.equals(pb);
  }

  private static int parseIntOr(String s, int fallback) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
