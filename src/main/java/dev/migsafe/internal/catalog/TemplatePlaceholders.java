package dev.migsafe.internal.catalog;

import java.util.Map;
import java.util.Set;

/**
 * The placeholders of validation templates that name columns, and the table placeholder each
 * column belongs to: {@code {{refColumn}}} is a column of {@code {{refTable}}}. A template's
 * type rules ({@code columnTypes:}) may constrain these, plus {@link #TARGET_TYPE}.
 */
public final class TemplatePlaceholders {
  /** The change's target type ({@code {{dataType}}}), which a type rule may constrain too. */
  public static final String TARGET_TYPE = "dataType";

  private static final Map<String, String> TABLE_OF_COLUMN = Map.of(
      "column", "table",
      "lowerColumn", "table",
      "newColumn", "table",
      "targetColumn", "table",
      "firstColumn", "table",
      "secondColumn", "table",
      "key", "table",
      "childColumn", "childTable",
      "refColumn", "refTable");

  private TemplatePlaceholders() {}

  /** The placeholders a {@code columnTypes:} key may name. */
  public static Set<String> typed() {
    java.util.Set<String> out = new java.util.TreeSet<>(TABLE_OF_COLUMN.keySet());
    out.add(TARGET_TYPE);
    return out;
  }

  /** The table placeholder of a column placeholder, or null when it names no column. */
  public static String tableOf(String columnPlaceholder) {
    return TABLE_OF_COLUMN.get(columnPlaceholder);
  }
}
