package dev.migsafe.internal.plan;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the placeholders of a recipe or decision-tree template (see library/README.md).
 * Identifier placeholders are always quoted; type, default and expression placeholders come
 * from the packet's DDL, which migsafe already read as SQL; enum values become literals.
 */
public final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

  private final Map<String, String> identifiers;
  private final Map<String, List<String>> lists;
  private final Map<String, String> raw;

  /**
   * @param identifiers placeholder → identifier (quoted on insertion)
   * @param lists placeholder → identifiers (each quoted, comma-separated)
   * @param raw placeholder → text inserted as is (types, expressions, literals already quoted)
   */
  public Template(Map<String, String> identifiers, Map<String, List<String>> lists,
      Map<String, String> raw) {
    this.identifiers = identifiers;
    this.lists = lists;
    this.raw = raw;
  }

  /** Whether {@code key} is a placeholder with a value. */
  public boolean has(String key) {
    return identifiers.get(key) != null || lists.get(key) != null || raw.get(key) != null;
  }

  /** The text with every known placeholder filled; an unknown one is an error. */
  public String fill(String template) {
    if (template == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String value;
      if (identifiers.containsKey(key)) {
        value = SqlQuoting.identifier(identifiers.get(key));
      } else if (lists.containsKey(key)) {
        value = String.join(", ", lists.get(key).stream().map(SqlQuoting::identifier).toList());
      } else if (raw.containsKey(key)) {
        value = raw.get(key);
      } else {
        throw new IllegalArgumentException("unknown placeholder {" + key + "} in: " + template);
      }
      if (value == null) {
        throw new IllegalArgumentException("placeholder {" + key + "} has no value for: "
            + template);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
