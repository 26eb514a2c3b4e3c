package dev.migsafe.internal.catalog;

import dev.migsafe.api.MigsafeException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of a validation template's SQL and their safe substitution. {@code
 * {{table}}} becomes a quoted identifier, {@code {{'table'}}} the same value as a quoted string
 * literal; the template author never writes quotes around a placeholder.
 */
public final class TemplateSql {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*('?)([A-Za-z][A-Za-z0-9]*)\\1\\s*}}");
  private static final Pattern ANY_BRACES = Pattern.compile("\\{\\{|}}");

  private TemplateSql() {}

  /** The placeholder names in order of first use. */
  public static Set<String> placeholders(String sql) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(sql);
    while (m.find()) {
      names.add(m.group(2));
    }
    return names;
  }

  /** Text that looks like a placeholder but is not one, e.g. {@code {{ table}} or {{"t"}}}. */
  public static List<String> malformed(String sql) {
    String rest = PLACEHOLDER.matcher(sql).replaceAll(" ");
    List<String> out = new ArrayList<>();
    Matcher m = ANY_BRACES.matcher(rest);
    while (m.find()) {
      int from = Math.max(0, m.start() - 10);
      int to = Math.min(rest.length(), m.end() + 10);
      out.add(rest.substring(from, to).strip());
    }
    return out;
  }

  /**
   * Substitutes every placeholder.
   *
   * @throws MigsafeException bad input when a placeholder has no value
   */
  /** {@code app.orders} as two quoted identifiers, schema and table: a dot qualifies a name. */
  private static String qualified(String name, String dialect) {
    StringBuilder sb = new StringBuilder();
    for (String part : name.split("\\.", -1)) {
      sb.append(sb.length() == 0 ? "" : ".").append(SqlQuoting.identifier(part, dialect));
    }
    return sb.toString();
  }

  public static String render(String sql, Map<String, String> values, String dialect) {
    Matcher m = PLACEHOLDER.matcher(sql);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(2);
      String value = values.get(name);
      if (value == null) {
        throw MigsafeException.badInput("no value for the placeholder {{" + name + "}}");
      }
      String quoted = m.group(1).isEmpty() ? qualified(value, dialect)
          : SqlQuoting.literal(value, dialect);
      m.appendReplacement(sb, Matcher.quoteReplacement(quoted));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
