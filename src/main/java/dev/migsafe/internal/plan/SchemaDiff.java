package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;
import dev.migsafe.api.MigrationPacket.Rename;
import dev.migsafe.internal.model.ChangeKind;
import dev.migsafe.internal.schema.Column;
import dev.migsafe.internal.schema.Constraint;
import dev.migsafe.internal.schema.Index;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The changes that take the current schema to the target schema. Without a rename hint a
 * renamed column or table reads as a drop and an add, which is what the database would see;
 * the packet's {@code renames} say otherwise. Changes come in an order that can run: types and
 * tables first, then columns, constraints and indexes, drops last.
 */
public final class SchemaDiff {
  private final Schema current;
  private final Schema target;
  private final Map<String, String> tableRenames = new HashMap<>();
  private final Map<String, Map<String, String>> columnRenames = new HashMap<>();

  private final List<Change> creates = new ArrayList<>();
  private final List<Change> renames = new ArrayList<>();
  private final List<Change> columns = new ArrayList<>();
  private final List<Change> constraints = new ArrayList<>();
  private final List<Change> drops = new ArrayList<>();

  private SchemaDiff(Schema current, Schema target, List<Rename> hints) {
    this.current = current;
    this.target = target;
    for (Rename r : hints) {
      if (r.isTableRename()) {
        tableRenames.put(r.table(), r.to());
      } else {
        columnRenames.computeIfAbsent(r.table(), k -> new HashMap<>()).put(r.from(), r.to());
      }
    }
  }

  /** The changes, numbered {@code c1}, {@code c2}, ... */
  public static List<Change> diff(Schema current, Schema target, List<Rename> hints) {
    return diff(current, target, hints, List.of());
  }

  /**
   * The changes with the packet's transforms applied: the drops and adds a split or a merge
   * shows up as become one change that carries the data across.
   */
  public static List<Change> diff(Schema current, Schema target, List<Rename> hints,
      List<dev.migsafe.api.MigrationPacket.Transform> transforms) {
    SchemaDiff d = new SchemaDiff(current, target, hints);
    d.run();
    List<Change> all = new ArrayList<>();
    all.addAll(d.creates);
    all.addAll(d.renames);
    all.addAll(ReferencingFirst.order(d.columns, current));
    all.addAll(d.constraints);
    all.addAll(d.drops);
    for (var t : transforms) {
      all = applyTransform(all, t, target);
    }
    List<Change> numbered = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      numbered.add(all.get(i).withId("c" + (i + 1)));
    }
    return numbered;
  }

  private static List<Change> applyTransform(List<Change> all,
      dev.migsafe.api.MigrationPacket.Transform t, Schema target) {
    if (t.move() != null) {
      return applyMove(all, t, target);
    }
    List<Change> out = new ArrayList<>();
    int at = -1;
    for (Change c : all) {
      boolean dropped = is(c, ChangeKind.DROP_COLUMN) && c.table().equals(t.table())
          && t.from().contains(c.column());
      boolean added = is(c, ChangeKind.ADD_COLUMN) && c.table().equals(t.table())
          && t.to().contains(c.column());
      if (dropped || added) {
        at = at < 0 ? out.size() : at;
        continue;
      }
      out.add(c);
    }
    Table tt = target.table(t.table());
    String toType = tt == null || tt.column(t.to().get(0)) == null ? null
        : tt.column(t.to().get(0)).type();
    Change merged = t.kind().equals("split-column")
        ? change(ChangeKind.SPLIT_COLUMN, t.table()).withColumn(t.from().get(0)).withColumns(t.to())
            .withTypes(null, toType).withExpression(t.expression())
        : change(ChangeKind.MERGE_COLUMN, t.table()).withColumns(t.from()).withTo(t.to().get(0))
            .withTypes(null, toType).withExpression(t.expression());
    out.add(at < 0 ? out.size() : at, merged);
    return out;
  }

  /**
   * A move: the new table's create-table and the drop of the source column become one change,
   * where the create-table was, so the new table exists before anything reads it. Its fields
   * ({@code library/recipes/README.md}): {@code column} the source column, {@code to} the new
   * table, {@code columns} its key and the column that receives the values, {@code refTable}
   * and {@code refColumns} the source's primary key, which the key references.
   */
  private static List<Change> applyMove(List<Change> all,
      dev.migsafe.api.MigrationPacket.Transform t, Schema target) {
    var to = t.move();
    String column = t.from().isEmpty() ? null : t.from().get(0);
    Change dropped = all.stream().filter(c -> is(c, ChangeKind.DROP_COLUMN)
        && c.table().equals(t.table()) && c.column().equals(column)).findFirst().orElse(null);
    List<Change> out = new ArrayList<>();
    int at = -1;
    for (Change c : all) {
      if (c == dropped || is(c, ChangeKind.CREATE_TABLE) && c.table().equals(to.table())) {
        at = c == dropped ? at : out.size();
        continue;
      }
      out.add(c);
    }
    String type = dropped == null ? null : dropped.fromType();
    Change move = change(ChangeKind.MOVE_COLUMN, t.table()).withColumn(column).withTo(to.table())
        .withColumns(List.of(to.key(), to.column())).withTypes(type, type)
        .withNotNull(dropped != null && Boolean.TRUE.equals(dropped.notNull()))
        .withReference(t.table(), sourceKey(target.table(t.table())));
    out.add(at < 0 ? 0 : at, move);
    return out;
  }

  private static List<String> sourceKey(Table t) {
    if (t != null) {
      for (Constraint k : t.constraints()) {
        if (k.type().equals("primary-key")) {
          return k.columns();
        }
      }
    }
    return List.of();
  }

  private void run() {
    enums();
    Set<String> matched = new HashSet<>();
    for (Table c : current.tables().values()) {
      String newName = tableRenames.getOrDefault(c.name(), c.name());
      Table t = target.table(newName);
      if (t == null) {
        drops.add(change(ChangeKind.DROP_TABLE, c.name()));
        continue;
      }
      matched.add(newName);
      if (!newName.equals(c.name())) {
        renames.add(change(ChangeKind.RENAME_TABLE, c.name()).withTo(newName));
      }
      compareTable(c, t);
    }
    for (Table t : target.tables().values()) {
      if (!matched.contains(t.name())) {
        creates.add(change(ChangeKind.CREATE_TABLE, t.name()));
      }
    }
  }

  private void enums() {
    target.enums().forEach((type, labels) -> {
      List<String> before = current.enums().get(type);
      if (before == null) {
        creates.add(change(ChangeKind.CREATE_ENUM, type).withExpression(String.join(", ", labels)));
        return;
      }
      for (String l : labels) {
        if (!before.contains(l)) {
          creates.add(change(ChangeKind.ADD_ENUM_VALUE, type).withExpression(l));
        }
      }
      for (String l : before) {
        if (!labels.contains(l)) {
          drops.add(change(ChangeKind.REMOVE_ENUM_VALUE, type).withExpression(l));
        }
      }
    });
  }

  private void compareTable(Table c, Table t) {
    String table = t.name();
    Map<String, String> hints = new HashMap<>();
    hints.putAll(columnRenames.getOrDefault(c.name(), Map.of()));
    hints.putAll(columnRenames.getOrDefault(t.name(), Map.of()));
    Set<String> matchedColumns = new HashSet<>();
    for (Column col : c.columns().values()) {
      String newName = hints.getOrDefault(col.name(), col.name());
      Column tc = t.column(newName);
      if (tc == null) {
        // notNull says whether the column to drop is NOT NULL now: only then does the recipe
        // need DROP NOT NULL first (an ACCESS EXCLUSIVE for nothing on a nullable column).
        drops.add(change(ChangeKind.DROP_COLUMN, table).withColumn(col.name())
            .withTypes(col.type(), null).withNotNull(col.notNull()));
        continue;
      }
      matchedColumns.add(newName);
      if (!newName.equals(col.name())) {
        renames.add(change(ChangeKind.RENAME_COLUMN, table).withColumn(col.name()).withTo(newName)
            .withTypes(col.type(), tc.type()).withNotNull(tc.notNull())
            .withDefault(tc.defaultExpr()));
      }
      boolean retyped = !Objects.equals(col.type(), tc.type());
      if (retyped) {
        // An identity is no default expression: the recipe reads it from the target schema.
        columns.add(change(ChangeKind.CHANGE_TYPE, table).withColumn(newName)
            .withTypes(col.type(), tc.type()).withNotNull(tc.notNull())
            .withDefault(tc.identity() ? null : tc.defaultExpr()));
      }
      if (!col.notNull() && tc.notNull() && !isPrimaryKeyColumn(t, newName)) {
        columns.add(change(ChangeKind.SET_NOT_NULL, table).withColumn(newName).withTypes(null, tc.type()));
      } else if (col.notNull() && !tc.notNull()) {
        columns.add(change(ChangeKind.DROP_NOT_NULL, table).withColumn(newName));
      }
      if (col.identity() || tc.identity()) {
        // GENERATED AS IDENTITY is not a default: SET DEFAULT cannot make or undo one. A
        // retyped key carries it (change-type-primary-key adds the identity in its swap).
        if (!retyped && !Objects.equals(col.identityGeneration(), tc.identityGeneration())) {
          columns.add(change(tc.identity() ? ChangeKind.ADD_IDENTITY : ChangeKind.DROP_IDENTITY, table)
              .withColumn(newName).withExpression(tc.identityGeneration()));
        }
        continue;
      }
      String d1 = norm(col.defaultExpr());
      String d2 = norm(tc.defaultExpr());
      if (!Objects.equals(d1, d2)) {
        if (d2 == null) {
          columns.add(change(ChangeKind.DROP_DEFAULT, table).withColumn(newName));
        } else {
          columns.add(change(ChangeKind.SET_DEFAULT, table).withColumn(newName)
              .withDefault(tc.defaultExpr()));
        }
      }
    }
    for (Column tc : t.columns().values()) {
      if (!matchedColumns.contains(tc.name())) {
        columns.add(change(ChangeKind.ADD_COLUMN, table).withColumn(tc.name())
            .withTypes(null, tc.type()).withNotNull(tc.notNull()).withDefault(tc.defaultExpr()));
      }
    }
    compareConstraints(c, t, hints);
    compareIndexes(c, t, hints);
  }

  private static boolean isPrimaryKeyColumn(Table t, String column) {
    return t.constraints().stream()
        .anyMatch(k -> k.type().equals("primary-key") && k.columns().contains(column));
  }

  private void compareConstraints(Table c, Table t, Map<String, String> hints) {
    Map<String, Constraint> before = new LinkedHashMap<>();
    for (Constraint k : c.constraints()) {
      before.put(signature(k, hints), k);
    }
    Map<String, Constraint> after = new LinkedHashMap<>();
    for (Constraint k : t.constraints()) {
      after.put(signature(k, Map.of()), k);
    }
    after.forEach((sig, k) -> {
      if (!before.containsKey(sig)) {
        ChangeKind kind = switch (k.type()) {
          case "primary-key" -> ChangeKind.ADD_PRIMARY_KEY;
          case "unique" -> ChangeKind.ADD_UNIQUE;
          case "foreign-key" -> ChangeKind.ADD_FOREIGN_KEY;
          case "check" -> ChangeKind.ADD_CHECK;
          default -> ChangeKind.ADD_CONSTRAINT;
        };
        constraints.add(change(kind, t.name()).withName(k.name()).withColumns(k.columns())
            .withReference(k.refTable(), k.refColumns()).withExpression(k.checkExpr()));
      }
    });
    before.forEach((sig, k) -> {
      if (!after.containsKey(sig)) {
        drops.add(change(ChangeKind.DROP_CONSTRAINT, t.name()).withName(k.name())
            .withColumns(k.columns()).withExpression(k.type()));
      }
    });
  }

  private void compareIndexes(Table c, Table t, Map<String, String> hints) {
    Set<String> constraintNamesBefore = names(c);
    Set<String> constraintNamesAfter = names(t);
    Map<String, Index> before = new LinkedHashMap<>();
    for (Index i : current.indexesOf(c.name())) {
      if (!constraintNamesBefore.contains(i.name())) {
        before.put((i.unique() ? "u:" : "i:") + renamed(i.columns(), hints), i);
      }
    }
    Map<String, Index> after = new LinkedHashMap<>();
    for (Index i : target.indexesOf(t.name())) {
      if (!constraintNamesAfter.contains(i.name())) {
        after.put((i.unique() ? "u:" : "i:") + i.columns(), i);
      }
    }
    after.forEach((sig, i) -> {
      if (!before.containsKey(sig)) {
        constraints.add(change(ChangeKind.ADD_INDEX, t.name()).withName(i.name())
            .withColumns(i.columns()).withExpression(i.unique() ? "unique" : null));
      }
    });
    before.forEach((sig, i) -> {
      // An index on a column the target drops goes with the column: its recipe drops the
      // index CONCURRENTLY just before the column, so a drop-index of its own would fail.
      boolean onDroppedColumn = i.columns().stream()
          .anyMatch(col -> c.column(col) != null && t.column(hints.getOrDefault(col, col)) == null);
      if (!after.containsKey(sig) && !onDroppedColumn) {
        drops.add(change(ChangeKind.DROP_INDEX, t.name()).withName(i.name()).withColumns(i.columns()));
      }
    });
  }

  private static Set<String> names(Table t) {
    Set<String> s = new HashSet<>();
    t.constraints().forEach(k -> s.add(k.name()));
    return s;
  }

  /** A constraint that is the same in two schemas but for its name. */
  record RenamedConstraint(String table, String name, String targetName) {}

  /**
   * Constraints that are the same in both schemas but for their name: the diff matches
   * constraints by what they enforce, and a rename is no change of schema to plan, but drift
   * sees the name and so must the end-state proof.
   */
  static List<RenamedConstraint> renamedConstraints(Schema a, Schema b) {
    List<RenamedConstraint> out = new ArrayList<>();
    for (Table ta : a.tables().values()) {
      Table tb = b.table(ta.name());
      if (tb == null) {
        continue;
      }
      Map<String, String> names = new HashMap<>();
      tb.constraints().forEach(k -> names.put(signature(k, Map.of()), k.name()));
      for (Constraint k : ta.constraints()) {
        String other = names.get(signature(k, Map.of()));
        if (other != null && !other.equals(k.name())) {
          out.add(new RenamedConstraint(ta.name(), k.name(), other));
        }
      }
    }
    return out;
  }

  private static String signature(Constraint k, Map<String, String> hints) {
    // A CHECK is its expression: written on a column it names that column, added with ALTER
    // TABLE it names none, and both are the same constraint.
    List<String> columns = k.type().equals("check") ? List.of() : k.columns();
    return k.type() + ":" + renamed(columns, hints) + ":" + k.refTable() + ":"
        + renamed(k.refColumns(), Map.of()) + ":" + norm(k.checkExpr()) + ":"
        + norm(k.actions());
  }

  private static List<String> renamed(List<String> cols, Map<String, String> hints) {
    return cols.stream().map(x -> hints.getOrDefault(x, x)).toList();
  }

  private static String norm(String expr) {
    return expr == null ? null : expr.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  /** A change of a kind, spelled as the plan's output and the recipes spell it. */
  private static Change change(ChangeKind kind, String table) {
    return Change.of(kind.id(), table);
  }

  private static boolean is(Change c, ChangeKind kind) {
    return c.kind().equals(kind.id());
  }
}
