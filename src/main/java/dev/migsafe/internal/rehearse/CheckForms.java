package dev.migsafe.internal.rehearse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the common forms of a one-column CHECK constraint, as the server deparses them, into
 * what generated values must respect: comparisons with constants (and so {@code BETWEEN}), a list
 * of allowed values ({@code IN (...)}, deparsed as {@code = ANY (ARRAY[...])}), a maximum length
 * and {@code IS NOT NULL}. Conjunctions of these are understood; anything else is not, and the
 * caller falls back to NULL or to trying.
 */
final class CheckForms {
  // Casts the deparser adds: (0)::numeric, 'a'::text, (code)::character varying(3)[].
  private static final Pattern CAST = Pattern.compile("::(?:character varying|bit varying"
      + "|double precision|timestamp with(?:out)? time zone|time with(?:out)? time zone"
      + "|\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_]*)(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?:\\[\\])*");
  private static final String COLUMN = "(\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)";
  // A negative constant comes back quoted: '-1'::integer.
  private static final String NUMBER = "'?(-?\\d+(?:\\.\\d+)?)'?";
  private static final Pattern COMPARISON =
      Pattern.compile(COLUMN + "\\s*(<=|>=|<|>)\\s*" + NUMBER);
  private static final Pattern REVERSED =
      Pattern.compile(NUMBER + "\\s*(<=|>=|<|>)\\s*" + COLUMN);
  private static final Pattern ANY =
      Pattern.compile(COLUMN + "\\s*=\\s*ANY\\s*ARRAY\\[(.*)\\]", Pattern.CASE_INSENSITIVE);
  private static final Pattern EQUALS = Pattern.compile(COLUMN + "\\s*=\\s*('(?:[^']|'')*'|"
      + NUMBER + ")");
  private static final Pattern LENGTH = Pattern.compile(
      "(?:length|char_length|character_length)\\s*" + COLUMN + "\\s*(<=|<)\\s*(\\d+)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_NULL =
      Pattern.compile(COLUMN + "\\s+IS\\s+NOT\\s+NULL", Pattern.CASE_INSENSITIVE);
  private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'|" + NUMBER);

  private CheckForms() {}

  /**
   * What a CHECK asks of {@code column}, or null when the expression is not one of the forms
   * understood, or names another column.
   */
  static Restriction read(String expression, String column) {
    String e = stripParens(CAST.matcher(expression).replaceAll(""));
    Restriction r = new Restriction();
    for (String part : splitAnd(e)) {
      if (!readPart(withoutParens(part), column, r)) {
        return null;
      }
    }
    return r;
  }

  private static boolean readPart(String p, String column, Restriction r) {
    Matcher m;
    if ((m = COMPARISON.matcher(p)).matches() && names(m.group(1), column)) {
      r.compare(m.group(2), new BigDecimal(m.group(3)));
    } else if ((m = REVERSED.matcher(p)).matches() && names(m.group(3), column)) {
      r.compare(flip(m.group(2)), new BigDecimal(m.group(1)));
    } else if ((m = ANY.matcher(p)).matches() && names(m.group(1), column)) {
      r.allowed = literals(m.group(2));
    } else if ((m = EQUALS.matcher(p)).matches() && names(m.group(1), column)) {
      r.allowed = literals(m.group(2));
    } else if ((m = LENGTH.matcher(p)).matches() && names(m.group(1), column)) {
      int n = Integer.parseInt(m.group(3)) - ("<".equals(m.group(2)) ? 1 : 0);
      r.maxLength = r.maxLength == null ? n : Math.min(r.maxLength, n);
    } else if ((m = NOT_NULL.matcher(p)).matches() && names(m.group(1), column)) {
      r.notNull = true;
    } else {
      return false;
    }
    return true;
  }

  /** The values of a literal list, unquoted; null when an element is not a plain literal. */
  static List<String> literals(String list) {
    List<String> values = new ArrayList<>();
    Matcher m = LITERAL.matcher(list);
    int at = 0;
    while (m.find()) {
      if (!list.substring(at, m.start()).replace(",", "").isBlank()) {
        return null;
      }
      values.add(m.group(1) != null ? m.group(1).replace("''", "'") : m.group(2));
      at = m.end();
    }
    return list.substring(at).isBlank() && !values.isEmpty() ? values : null;
  }

  /** The deparser quotes a name only where it must, so the text is the name or its quoted form. */
  private static boolean names(String written, String column) {
    if (written.startsWith("\"")) {
      return written.substring(1, written.length() - 1).replace("\"\"", "\"").equals(column);
    }
    return written.equals(column);
  }

  /** The part with parentheses outside string literals turned into spaces. */
  private static String withoutParens(String part) {
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (char ch : part.toCharArray()) {
      quoted ^= ch == '\'';
      sb.append(!quoted && (ch == '(' || ch == ')') ? ' ' : ch);
    }
    return sb.toString().trim();
  }

  private static String flip(String op) {
    return switch (op) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      default -> "<=";
    };
  }

  /** Splits at AND outside parentheses and string literals. */
  private static List<String> splitAnd(String e) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < e.length(); i++) {
      char ch = e.charAt(i);
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
      } else if (!quoted && depth == 0 && e.regionMatches(true, i, " AND ", 0, 5)) {
        parts.add(e.substring(start, i));
        start = i + 5;
      }
    }
    parts.add(e.substring(start));
    return parts;
  }

  /** Drops parentheses that enclose the whole expression. */
  private static String stripParens(String e) {
    String s = e.trim();
    while (s.startsWith("(") && s.endsWith(")") && enclosesAll(s)) {
      s = s.substring(1, s.length() - 1).trim();
    }
    return s;
  }

  private static boolean enclosesAll(String s) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')' && --depth == 0 && i < s.length() - 1) {
        return false;
      }
    }
    return true;
  }

  /** What the understood CHECKs ask of one column; null fields ask nothing. */
  static final class Restriction {
    BigDecimal min;
    boolean minExclusive;
    BigDecimal max;
    boolean maxExclusive;
    List<String> allowed;
    Integer maxLength;
    boolean notNull;

    void compare(String op, BigDecimal value) {
      switch (op) {
        case ">", ">=" -> {
          if (min == null || value.compareTo(min) >= 0) {
            min = value;
            minExclusive = op.equals(">");
          }
        }
        default -> {
          if (max == null || value.compareTo(max) <= 0) {
            max = value;
            maxExclusive = op.equals("<");
          }
        }
      }
    }

    /** Adds what another CHECK on the same column asks. */
    void and(Restriction other) {
      if (other.min != null) {
        compare(other.minExclusive ? ">" : ">=", other.min);
      }
      if (other.max != null) {
        compare(other.maxExclusive ? "<" : "<=", other.max);
      }
      if (other.allowed != null) {
        allowed = allowed == null ? other.allowed
            : allowed.stream().filter(other.allowed::contains).toList();
      }
      if (other.maxLength != null) {
        maxLength = maxLength == null ? other.maxLength : Math.min(maxLength, other.maxLength);
      }
      notNull |= other.notNull;
    }
  }
}
