package dev.migsafe.internal.catalog;

import dev.migsafe.api.Change;
import dev.migsafe.api.Plan.Validation;
import dev.migsafe.api.ValidationTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's validation templates that fit a plan's changes, filled in. A template applies
 * to a change when it lists the change's kind and supports the dialect, and is used only when
 * the change gives every placeholder a value; identifiers and literals are quoted by {@link
 * TemplateSql}.
 */
public final class TemplateValidations {
  private TemplateValidations() {}

  public static List<Validation> of(List<Change> changes, List<ValidationTemplate> templates,
      String dialect) {
    List<Validation> out = new ArrayList<>();
    for (Change c : changes) {
      Map<String, String> values = values(c);
      for (ValidationTemplate t : templates) {
        if (!t.appliesTo().contains(c.kind()) || !t.supports(dialect)
            || !values.keySet().containsAll(TemplateSql.placeholders(t.sql()))) {
          continue;
        }
        out.add(new Validation(t.id() + "-" + c.id(), t.phase(),
            TemplateSql.render(inSchemaOf(c, t.sql(), dialect), values, dialect),
            (double) t.expect(), null, null, "template", t.description()));
      }
    }
    return out;
  }

  /**
   * A template names its table by the search path's schema ({@code current_schema()}) and by
   * its bare name ({@code {{'table'}}} compared with {@code table_name}); a change on a
   * qualified table such as {@code app.orders} is checked in that schema under its bare name.
   */
  static String inSchemaOf(Change c, String sql, String dialect) {
    String table = c.table();
    int dot = table == null ? -1 : table.lastIndexOf('.');
    if (dot <= 0) {
      return sql;
    }
    return sql.replace("current_schema()", SqlQuoting.literal(table.substring(0, dot), dialect))
        .replace("DATABASE()", SqlQuoting.literal(table.substring(0, dot), dialect))
        .replace("{{'table'}}", "{{'tableName'}}");
  }

  /** What a change says about each placeholder name the shipped templates use. */
  static Map<String, String> values(Change c) {
    Map<String, String> v = new HashMap<>();
    put(v, "table", c.table());
    put(v, "tableName", c.table() == null ? null : c.table().substring(c.table().lastIndexOf('.')
        + 1));
    String column = c.column() != null ? c.column()
        : c.columns() != null && !c.columns().isEmpty() ? c.columns().get(0) : null;
    put(v, "column", column);
    put(v, "from", c.column());
    put(v, "to", c.to());
    // The column as the target schema names it: a rename's new name.
    put(v, "targetColumn", c.kind().equals("rename-column") ? c.to() : column);
    put(v, "dataType", c.toType());
    put(v, "refTable", c.refTable());
    put(v, "refColumn", c.refTable() == null ? null
        : c.refColumns() != null && !c.refColumns().isEmpty() ? c.refColumns().get(0) : "id");
    if (c.kind().equals("add-foreign-key")) {
      put(v, "childTable", c.table());
      put(v, "childColumn", column);
    }
    switch (c.kind()) {
      case "rename-column" -> put(v, "newColumn", c.to());
      case "change-type" -> put(v, "newColumn", column == null ? null : column + "_new");
      case "add-index", "drop-index" -> put(v, "index", c.name());
      case "add-enum-value", "remove-enum-value", "create-enum" -> {
        put(v, "enumType", c.table());
        put(v, "value", c.expression());
      }
      default -> put(v, "constraint", c.name());
    }
    return v;
  }

  private static void put(Map<String, String> v, String key, String value) {
    if (value != null) {
      v.put(key, value);
    }
  }
}
