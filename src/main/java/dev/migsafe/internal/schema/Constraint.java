package dev.migsafe.internal.schema;

import java.util.List;

/**
 * A table constraint.
 *
 * @param name its name (generated the way PostgreSQL does when none was given, close enough to
 *     match later drops by name in practice)
 * @param type {@code primary-key}, {@code unique}, {@code foreign-key}, {@code check}, {@code
 *     exclude}
 * @param columns the constrained columns
 * @param checkExpr a CHECK constraint's expression
 * @param refTable a foreign key's referenced table
 * @param validated false while a constraint added NOT VALID has not been validated
 * @param refColumns a foreign key's referenced columns (empty: the primary key)
 * @param actions a foreign key's ON DELETE / ON UPDATE clauses other than NO ACTION, upper
 *     case ({@code ON DELETE CASCADE}); null for none
 */
public record Constraint(
    String name,
    String type,
    List<String> columns,
    String checkExpr,
    String refTable,
    boolean validated,
    List<String> refColumns,
    String actions) {

  public Constraint(String name, String type, List<String> columns, String checkExpr,
      String refTable, boolean validated, List<String> refColumns) {
    this(name, type, columns, checkExpr, refTable, validated, refColumns, null);
  }

  public Constraint(String name, String type, List<String> columns, String checkExpr,
      String refTable, boolean validated) {
    this(name, type, columns, checkExpr, refTable, validated, List.of());
  }

  Constraint withValidated() {
    return new Constraint(name, type, columns, checkExpr, refTable, true, refColumns, actions);
  }

  Constraint renamedColumn(String from, String to) {
    List<String> cols = columns.stream().map(c -> c.equals(from) ? to : c).toList();
    return new Constraint(name, type, cols, checkExpr, refTable, validated, refColumns, actions);
  }

  Constraint renamed(String newName) {
    return new Constraint(newName, type, columns, checkExpr, refTable, validated, refColumns,
        actions);
  }

  /** True for a validated {@code CHECK (column IS NOT NULL)}, which lets PostgreSQL 12+ skip the scan of SET NOT NULL. */
  public boolean provesNotNull(String column) {
    if (!validated || !"check".equals(type) || checkExpr == null) {
      return false;
    }
    String e = checkExpr.replaceAll("[\\s()\"]+", " ").trim().toLowerCase(java.util.Locale.ROOT);
    return e.equals(column.toLowerCase(java.util.Locale.ROOT) + " is not null");
  }
}
