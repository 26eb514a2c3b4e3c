package dev.migsafe.internal.catalog;

import dev.migsafe.api.Change;
import dev.migsafe.api.Plan.Validation;
import dev.migsafe.api.ValidationTemplate;
import dev.migsafe.internal.sql.SqlTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's validation templates that fit a plan's changes, filled in. A template applies
 * to a change when it lists the change's kind and supports the dialect, and is used only when
 * the change gives every placeholder a value; identifiers and literals are quoted by {@link
 * TemplateSql}. Whether it fits the schema at its phase (its type rules, the tables and
 * columns it queries) is for the plan to decide.
 */
public final class TemplateValidations {
  private TemplateValidations() {}

  /**
   * One template filled in for one change, with the values it was filled with: {@code plan}
   * checks the template's type rules and the names it queries against the schema of its phase
   * before it emits the validation.
   */
  public record Filled(Validation validation, ValidationTemplate template, Change change,
      Map<String, String> values) {
    public Filled {
      values = Map.copyOf(values);
    }
  }

  public static List<Filled> of(List<Change> changes, List<ValidationTemplate> templates,
      String dialect) {
    List<Filled> out = new ArrayList<>();
    for (Change c : changes) {
      Map<String, String> values = values(c);
      for (ValidationTemplate t : templates) {
        if (!t.appliesTo().contains(c.kind()) || !t.supports(dialect)
            || !values.keySet().containsAll(TemplateSql.placeholders(t.sql()))) {
          continue;
        }
        out.add(new Filled(new Validation(t.id() + "-" + c.id(), t.phase(),
            TemplateSql.render(inSchemaOf(c, t.sql(), dialect), values, dialect),
            (double) t.expect(), null, null, "template", t.description()), t, c, values));
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
    // {{column}} is the one column a change is about; a key over two columns fills
    // {{firstColumn}} and {{secondColumn}} instead, so that a one-column template (duplicates,
    // fk-orphans) never checks half of a composite key and demands what the target does not.
    List<String> columns = c.columns() == null ? List.of() : c.columns();
    String column = c.column() != null ? c.column() : columns.size() == 1 ? columns.get(0) : null;
    put(v, "column", column);
    if (c.column() == null && columns.size() == 2) {
      put(v, "firstColumn", columns.get(0));
      put(v, "secondColumn", columns.get(1));
    }
    put(v, "from", c.column());
    put(v, "to", c.to());
    // The column as the target schema names it: a rename's new name.
    put(v, "targetColumn", c.kind().equals("rename-column") ? c.to() : column);
    put(v, "dataType", c.toType());
    put(v, "formattedType", c.toType() == null ? null : SqlTypes.formatted(c.toType()));
    put(v, "refTable", c.refTable());
    put(v, "refColumn", c.refTable() == null || column == null ? null
        : c.refColumns() != null && c.refColumns().size() == 1 ? c.refColumns().get(0)
        : c.refColumns() == null || c.refColumns().isEmpty() ? "id" : null);
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
