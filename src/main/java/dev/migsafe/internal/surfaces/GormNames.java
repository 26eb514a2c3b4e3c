package dev.migsafe.internal.surfaces;

import java.util.Map;
import java.util.Set;

/**
 * gorm's default naming: a field's column is its name in snake case, initialisms kept whole
 * ({@code UserID} is {@code user_id}, {@code ImageURL} is {@code image_url}); a struct's table is
 * its name in snake case, made plural by the English rules of jinzhu/inflection (a subset: the
 * regular endings, the common irregular nouns and the uncountable ones).
 */
final class GormNames {
  private static final Map<String, String> IRREGULAR = Map.of("person", "people", "man", "men",
      "child", "children", "woman", "women", "mouse", "mice", "goose", "geese", "ox", "oxen");
  private static final Set<String> UNCOUNTABLE = Set.of("equipment", "information", "rice",
      "money", "species", "series", "fish", "sheep", "jeans", "police");

  private GormNames() {}

  static String column(String fieldName) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fieldName.length(); i++) {
      char c = fieldName.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char prev = fieldName.charAt(i - 1);
        boolean nextLower = i + 1 < fieldName.length()
            && Character.isLowerCase(fieldName.charAt(i + 1));
        // A word starts after a lower-case letter or digit, or as the last capital of an
        // initialism followed by a lower-case word (HTTPServer: http_server).
        if (Character.isLowerCase(prev) || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          out.append('_');
        }
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  static String table(String structName) {
    return plural(column(structName));
  }

  /** The plural of the last word of a snake-case name. */
  static String plural(String name) {
    int us = name.lastIndexOf('_');
    String head = name.substring(0, us + 1);
    String word = name.substring(us + 1);
    if (UNCOUNTABLE.contains(word)) {
      return name;
    }
    String irregular = IRREGULAR.get(word);
    if (irregular != null) {
      return head + irregular;
    }
    if (word.endsWith("s") || word.endsWith("x") || word.endsWith("z") || word.endsWith("ch")
        || word.endsWith("sh")) {
      return name + "es";
    }
    if (word.length() > 1 && word.endsWith("y")
        && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
      return head + word.substring(0, word.length() - 1) + "ies";
    }
    return name + "s";
  }
}
