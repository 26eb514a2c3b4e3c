package dev.migsafe.internal.plan;

import dev.migsafe.api.MigrationPacket.MoveTarget;
import dev.migsafe.internal.schema.Column;
import dev.migsafe.internal.schema.Constraint;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import dev.migsafe.internal.sql.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a declared {@code move-column} can be carried out as the move-column recipe does it:
 * the column leaves its table, a new table of the target receives it, one row per source row,
 * keyed by the source's primary key. The recipe's dual-write trigger upserts {@code (key,
 * column)} with {@code ON CONFLICT (key)}, and its backfill inserts only those two columns, so
 * the key must be unique and every other column of the new table must be nullable or have a
 * default.
 */
final class MoveCheck {
  /** Which part of the declaration a problem is about, for its place in the packet. */
  enum Field { TABLE, COLUMN, TO_TABLE, TO_COLUMN, TO_KEY }

  /** A problem with one part of the declaration, as the end of a sentence. */
  record Problem(Field field, String message) {}

  private MoveCheck() {}

  static List<Problem> problems(String table, String column, MoveTarget to, Schema current,
      Schema target) {
    List<Problem> out = new ArrayList<>();
    Table source = current.table(table);
    if (source == null) {
      out.add(new Problem(Field.TABLE, "'" + table + "' is not a table of the current schema"));
      return out;
    }
    Column moved = source.column(column);
    if (moved == null) {
      out.add(new Problem(Field.COLUMN, "'" + table + "." + column
          + "' is not a column of the current schema"));
    } else if (target.table(table) != null && target.table(table).column(column) != null) {
      out.add(new Problem(Field.COLUMN, "'" + table + "." + column + "' is still in the target "
          + "schema; a move drops it from " + table));
    }
    String pk = singleKey(source, "primary-key");
    if (pk == null) {
      out.add(new Problem(Field.TABLE, "'" + table + "' has no one-column primary key for the "
          + "new table's rows to reference"));
    }
    Table dest = target.table(to.table());
    if (dest == null) {
      out.add(new Problem(Field.TO_TABLE, "'" + to.table() + "' is not a table of the target "
          + "schema"));
      return out;
    }
    if (current.table(to.table()) != null) {
      out.add(new Problem(Field.TO_TABLE, "'" + to.table() + "' exists in the current schema; "
          + "a move creates the table it moves the column into"));
    }
    Column into = dest.column(to.column());
    if (into == null) {
      out.add(new Problem(Field.TO_COLUMN, "'" + to.table() + "." + to.column()
          + "' is not a column of the target schema"));
    } else if (moved != null && !Objects.equals(SqlTypes.canonical(moved.type()),
        SqlTypes.canonical(into.type()))) {
      out.add(new Problem(Field.TO_COLUMN, "'" + to.table() + "." + to.column() + "' is "
          + into.type() + " and '" + table + "." + column + "' is " + moved.type()
          + "; a move copies values as they are, so the types must be the same"));
    }
    Column key = dest.column(to.key());
    if (key == null) {
      out.add(new Problem(Field.TO_KEY, "'" + to.table() + "." + to.key()
          + "' is not a column of the target schema"));
      return out;
    }
    if (to.key().equals(to.column())) {
      out.add(new Problem(Field.TO_KEY, "the key and the column that receives the values must "
          + "be two columns"));
    }
    if (pk != null && !referencesKey(dest, to.key(), table, pk)) {
      out.add(new Problem(Field.TO_KEY, "'" + to.table() + "." + to.key() + "' has no foreign "
          + "key to " + table + " (" + pk + ") in the target schema; the new table's rows must "
          + "reference the row they were moved from"));
    }
    if (!unique(dest, target, to.key())) {
      out.add(new Problem(Field.TO_KEY, "'" + to.table() + "." + to.key() + "' is not unique "
          + "in the target schema (primary key, unique constraint or unique index); each row of "
          + table + " moves into at most one row"));
    }
    for (Column c : dest.columns().values()) {
      if (!c.name().equals(to.key()) && !c.name().equals(to.column()) && c.notNull()
          && c.defaultExpr() == null) {
        out.add(new Problem(Field.TO_TABLE, "'" + to.table() + "." + c.name() + "' is NOT NULL "
            + "without a default; the move writes only " + to.key() + " and " + to.column()));
      }
    }
    return out;
  }

  /** The one column of the table's constraint of this type, or null. */
  static String singleKey(Table t, String type) {
    for (Constraint k : t.constraints()) {
      if (k.type().equals(type) && k.columns().size() == 1) {
        return k.columns().get(0);
      }
    }
    return null;
  }

  /** Whether {@code key} of {@code t} has a foreign key to {@code table (pk)}. */
  static boolean referencesKey(Table t, String key, String table, String pk) {
    return t.constraints().stream().anyMatch(k -> k.type().equals("foreign-key")
        && k.columns().equals(List.of(key)) && table.equals(k.refTable())
        && (k.refColumns().isEmpty() || k.refColumns().equals(List.of(pk))));
  }

  private static boolean unique(Table t, Schema s, String column) {
    boolean constraint = t.constraints().stream().anyMatch(k -> (k.type().equals("primary-key")
        || k.type().equals("unique")) && k.columns().equals(List.of(column)));
    return constraint || s.indexesOf(t.name()).stream()
        .anyMatch(i -> i.unique() && i.columns().equals(List.of(column)));
  }
}
