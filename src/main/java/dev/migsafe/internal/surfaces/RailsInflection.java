package dev.migsafe.internal.surfaces;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names Rails derives from a model's class name: {@code underscore} ({@code OrderItem} to
 * {@code order_item}) and the default English {@code pluralize} of ActiveSupport's
 * {@code inflections.rb} (irregulars, uncountables and the suffix rules, last rule first), so
 * that {@code Person} maps to {@code people} and {@code Category} to {@code categories}.
 * Inflections an application adds in {@code config/initializers/inflections.rb} are not read.
 */
final class RailsInflection {
  private static final Set<String> UNCOUNTABLE = Set.of("equipment", "information", "rice",
      "money", "species", "series", "fish", "sheep", "jeans", "police");
  private static final Map<String, String> IRREGULAR = Map.of("person", "people", "man", "men",
      "child", "children", "sex", "sexes", "move", "moves", "zombie", "zombies");

  /** A suffix rule: a pattern on the word's end and its replacement. */
  private record Rule(Pattern pattern, String replacement) {}

  /** ActiveSupport's plural rules, in the order they are tried (its own order reversed). */
  private static final List<Rule> PLURAL = List.of(
      rule("(quiz)$", "$1zes"),
      rule("^(oxen)$", "$1"),
      rule("^(ox)$", "$1en"),
      rule("^(m|l)ice$", "$1ice"),
      rule("^(m|l)ouse$", "$1ice"),
      rule("(matr|vert|ind)(?:ix|ex)$", "$1ices"),
      rule("(x|ch|ss|sh)$", "$1es"),
      rule("([^aeiouy]|qu)y$", "$1ies"),
      rule("(hive)$", "$1s"),
      rule("(?:([^f])fe|([lr])f)$", "$1$2ves"),
      rule("sis$", "ses"),
      rule("([ti])a$", "$1a"),
      rule("([ti])um$", "$1a"),
      rule("(buffal|tomat)o$", "$1oes"),
      rule("(bu)s$", "$1ses"),
      rule("(alias|status)$", "$1es"),
      rule("(octop|vir)i$", "$1i"),
      rule("(octop|vir)us$", "$1i"),
      rule("^(ax|test)is$", "$1es"),
      rule("s$", "s"),
      rule("$", "s"));

  private static final Pattern ACRONYM_END = Pattern.compile("([A-Z\\d]+)([A-Z][a-z])");
  private static final Pattern CASE_CHANGE = Pattern.compile("([a-z\\d])([A-Z])");

  private RailsInflection() {}

  private static Rule rule(String pattern, String replacement) {
    return new Rule(Pattern.compile(pattern), replacement);
  }

  /** {@code OrderItem} to {@code order_item}, {@code Admin::User} to {@code admin/user}. */
  static String underscore(String camel) {
    String s = camel.replace("::", "/");
    s = ACRONYM_END.matcher(s).replaceAll("$1_$2");
    s = CASE_CHANGE.matcher(s).replaceAll("$1_$2");
    return s.replace('-', '_').toLowerCase(Locale.ROOT);
  }

  /** The plural of an underscored word; only its last part changes ({@code sales_people}). */
  static String pluralize(String word) {
    int cut = word.lastIndexOf('_') + 1;
    String head = word.substring(0, cut);
    String last = word.substring(cut);
    if (last.isEmpty() || UNCOUNTABLE.contains(last)) {
      return word;
    }
    for (Map.Entry<String, String> e : IRREGULAR.entrySet()) {
      if (last.equals(e.getKey()) || last.equals(e.getValue())) {
        return head + e.getValue();
      }
    }
    for (Rule r : PLURAL) {
      Matcher m = r.pattern().matcher(last);
      if (m.find()) {
        return head + last.substring(0, m.start()) + expand(m, r.replacement());
      }
    }
    return word;
  }

  /** The replacement with each {@code $n} filled, an unmatched group as empty. */
  private static String expand(Matcher m, String replacement) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < replacement.length(); i++) {
      char c = replacement.charAt(i);
      boolean group = c == '$' && i + 1 < replacement.length()
          && Character.isDigit(replacement.charAt(i + 1));
      if (group) {
        String g = m.group(replacement.charAt(++i) - '0');
        out.append(g == null ? "" : g);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The table Rails names for a model class: {@code Admin::OrderItem} to {@code order_items}. */
  static String tableOf(String className) {
    String u = underscore(className);
    return pluralize(u.substring(u.lastIndexOf('/') + 1));
  }
}
