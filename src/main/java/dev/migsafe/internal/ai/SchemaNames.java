package dev.migsafe.internal.ai;

import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.sql.QueryNames;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the tables and columns a validation query reads exist before or after the change. A
 * validation may run in any phase, so a name of either schema is allowed; a name neither has
 * is the commonest failure of model-written SQL. (Migration SQL is checked statement by
 * statement, as it runs, by {@code internal.check.NameCheck}.)
 */
final class SchemaNames {
  private SchemaNames() {}

  /**
   * A name that does not exist.
   *
   * @param name {@code table} or {@code table.column}
   * @param kind {@code table} or {@code column}
   */
  record Unknown(String name, String kind) {
    String message() {
      return kind + " " + name + " does not exist";
    }
  }

  /** The first name of a query that exists in none of {@code schemas}. */
  static Optional<Unknown> query(QueryNames n, List<Schema> schemas) {
    for (String t : n.tables()) {
      if (schemas.stream().allMatch(s -> s.table(t) == null)) {
        return Optional.of(new Unknown(t, "table"));
      }
    }
    for (QueryNames.ColumnName c : n.columns()) {
      List<String> in = c.table() != null ? List.of(c.table())
          : !c.qualified() && n.onlyUserTables() ? List.copyOf(n.tables()) : List.of();
      if (in.isEmpty()) {
        continue;
      }
      boolean found = schemas.stream().anyMatch(s -> in.stream().anyMatch(t ->
          s.table(t) != null && s.table(t).column(c.column()) != null));
      // An unqualified name in a query of several tables may be an output alias of a
      // subquery (count(*) AS n ... WHERE n > 1): only a qualified one is judged there.
      if (!found && (c.qualified() || in.size() == 1) && !isValueWord(c.column())) {
        return Optional.of(new Unknown(in.get(0) + "." + c.column(), "column"));
      }
    }
    return Optional.empty();
  }

  /** Words JSqlParser reads as columns that PostgreSQL reads as values or system columns. */
  private static boolean isValueWord(String column) {
    return Set.of("true", "false", "null", "ctid", "xmin", "xmax", "tableoid", "current_date",
        "current_timestamp", "current_user").contains(column);
  }
}
