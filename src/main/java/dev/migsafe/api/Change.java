package dev.migsafe.api;

import java.util.List;

/**
 * One schema change between the current and the target schema of a packet. Only the fields
 * that matter for its kind are set; the others are null.
 *
 * @param id {@code c1}, {@code c2}, ... in plan order
 * @param kind the change kind, the same vocabulary as catalog records: add-column, drop-column,
 *     rename-column, rename-table, change-type, set-not-null, drop-not-null, set-default,
 *     drop-default, add-index, drop-index, add-foreign-key, add-check, add-unique,
 *     add-primary-key, drop-constraint, create-table, drop-table, create-enum, add-enum-value,
 *     remove-enum-value, and from the packet's transforms split-column, merge-column and
 *     move-column (a column moved into a new table: {@code to} the new table, {@code columns}
 *     its key and the column receiving the values, {@code refTable}/{@code refColumns} the
 *     source's primary key)
 * @param table the table (for enum changes: the enum type)
 * @param column the column, or the old name in a rename
 * @param to the new name of a rename
 * @param fromType the column's type before
 * @param toType the column's type after (also the type of an added column)
 * @param notNull whether an added column is NOT NULL in the target; for a dropped column,
 *     whether it is NOT NULL now
 * @param defaultValue the default expression in the target
 * @param name the constraint or index name in the target (or dropped)
 * @param columns the columns of an index or constraint
 * @param refTable a foreign key's referenced table
 * @param refColumns a foreign key's referenced columns
 * @param expression a CHECK constraint's expression, or an enum value
 */
public record Change(
    String id,
    String kind,
    String table,
    String column,
    String to,
    String fromType,
    String toType,
    Boolean notNull,
    String defaultValue,
    String name,
    List<String> columns,
    String refTable,
    List<String> refColumns,
    String expression) {

  /** A change of {@code kind} on {@code table} with every other field empty. */
  public static Change of(String kind, String table) {
    return new Change(null, kind, table, null, null, null, null, null, null, null, null, null,
        null, null);
  }

  public Change withId(String newId) {
    return new Change(newId, kind, table, column, to, fromType, toType, notNull, defaultValue,
        name, columns, refTable, refColumns, expression);
  }

  public Change withColumn(String c) {
    return new Change(id, kind, table, c, to, fromType, toType, notNull, defaultValue, name,
        columns, refTable, refColumns, expression);
  }

  public Change withTo(String t) {
    return new Change(id, kind, table, column, t, fromType, toType, notNull, defaultValue, name,
        columns, refTable, refColumns, expression);
  }

  public Change withTypes(String from, String toT) {
    return new Change(id, kind, table, column, to, from, toT, notNull, defaultValue, name,
        columns, refTable, refColumns, expression);
  }

  public Change withNotNull(Boolean nn) {
    return new Change(id, kind, table, column, to, fromType, toType, nn, defaultValue, name,
        columns, refTable, refColumns, expression);
  }

  public Change withDefault(String d) {
    return new Change(id, kind, table, column, to, fromType, toType, notNull, d, name, columns,
        refTable, refColumns, expression);
  }

  public Change withName(String n) {
    return new Change(id, kind, table, column, to, fromType, toType, notNull, defaultValue, n,
        columns, refTable, refColumns, expression);
  }

  public Change withColumns(List<String> cols) {
    return new Change(id, kind, table, column, to, fromType, toType, notNull, defaultValue, name,
        cols == null ? null : List.copyOf(cols), refTable, refColumns, expression);
  }

  public Change withReference(String rt, List<String> rc) {
    return new Change(id, kind, table, column, to, fromType, toType, notNull, defaultValue, name,
        columns, rt, rc == null ? null : List.copyOf(rc), expression);
  }

  public Change withExpression(String e) {
    return new Change(id, kind, table, column, to, fromType, toType, notNull, defaultValue, name,
        columns, refTable, refColumns, e);
  }
}
