package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;
import dev.migsafe.internal.plan.Recipe.RecipeStep;
import dev.migsafe.internal.schema.Column;
import dev.migsafe.internal.schema.Constraint;
import dev.migsafe.internal.schema.Index;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Steps whose SQL the schemas decide rather than the recipe: what covers a column that an
 * expand/contract change replaces by a new one. A rename adds {@code to} beside {@code column}
 * and later drops {@code column}, and every index, unique constraint, CHECK, foreign key and
 * default on {@code column} goes with it; each must have its twin on {@code to}, under the name
 * the target gives it, built without a long lock:
 *
 * <ul>
 *   <li>{@code twin-indexes} (phase A): {@code CREATE [UNIQUE] INDEX CONCURRENTLY}, then, for a
 *       unique constraint of the target, {@code ADD CONSTRAINT ... UNIQUE USING INDEX};
 *   <li>{@code twin-constraints} (phase A): CHECKs and foreign keys {@code NOT VALID}, which
 *       checks new rows only and takes its lock for milliseconds;
 *   <li>{@code validate-twin-constraints} (phase C, after the backfill): {@code VALIDATE
 *       CONSTRAINT}, which scans under SHARE UPDATE EXCLUSIVE and blocks no writes;
 *   <li>{@code twin-default} (phase A): the default, catalog-only.
 * </ul>
 *
 * A split or a merge drops the columns it replaces: {@code relax-dropped-columns} drops their
 * NOT NULL before the release that stops writing them, and {@code drop-replaced-columns} drops
 * them in one statement. Removing an enum label replaces the type ({@link EnumReplacement}).
 *
 * An object the target does not have on {@code to} is not recreated: the target dropped it.
 */
final class DerivedSteps {
  static final Set<String> NAMES = Set.of("twin-indexes", "twin-constraints",
      "validate-twin-constraints", "twin-default", "add-target-columns", "swap-twin-indexes",
      "rename-swapped-indexes", "relax-dropped-columns", "drop-replaced-columns",
      "create-replacement-enum", "move-to-replacement-enum", "rename-replacement-enum",
      "target-key-names", "new-table-keys", "drop-covering-indexes",
      "swap-twin-foreign-keys", "validate-swap-twin-foreign-keys",
      "rename-swapped-foreign-keys", "drop-inbound-foreign-keys",
      "restore-inbound-foreign-keys", "validate-inbound-foreign-keys");

  private DerivedSteps() {}

  static List<StepExpander.Draft> expand(RecipeStep s, Change c, Recipe recipe, Schema current,
      Schema target) {
    Table now = current.table(c.table());
    Table then = target == null ? null : target.table(c.table());
    // Steps about a whole table or type come first: they need no column that is replaced.
    switch (s.derive()) {
      case "create-replacement-enum", "move-to-replacement-enum", "rename-replacement-enum" -> {
        return EnumReplacement.expand(s, c, recipe, current, target);
      }
      case "new-table-keys" -> {
        // A move names its new table as {to}; a created table is the change's own.
        Table created = target == null ? null
            : target.table(c.kind().equals("create-table") ? c.table() : c.to());
        return created == null ? List.of() : NewTableDdl.keysAndIndexes(created, target)
            .stream().map(k -> draft(s, c, recipe, k.title(), k.sql(), k.rollback())).toList();
      }
      case "target-key-names" -> {
        return targetKeyNames(s, c, recipe, current, target);
      }
      case "relax-dropped-columns", "drop-replaced-columns" -> {
        return now == null ? List.of() : replacedColumns(s, c, recipe, now, then);
      }
      default -> { }
    }
    if (now == null || then == null || c.column() == null) {
      return List.of();
    }
    if (InboundForeignKeys.DERIVES.contains(s.derive())) {
      return InboundForeignKeys.expand(s, c, recipe, current, target);
    }
    List<StepExpander.Draft> out = new ArrayList<>();
    switch (s.derive()) {
      case "add-target-columns" -> addTargetColumns(s, c, recipe, then, out);
      case "drop-covering-indexes" -> CoveringIndexes.drops(s, c, recipe, current)
          .forEach(d -> out.add(draft(s, c, recipe, d.title(), d.sql(), d.rollback())));
      case "swap-twin-foreign-keys" -> swapTwinForeignKeys(now, then, c).forEach(k -> out.add(
          draft(s, c, recipe, "Add " + k.building() + ", the twin of " + k.wanted().name()
              + " on " + newColumn(c) + ", NOT VALID (checks new rows only; SHARE ROW EXCLUSIVE "
              + "on " + c.table() + " and " + k.wanted().refTable() + " for milliseconds)",
              "ALTER TABLE " + q(c.table()) + " ADD CONSTRAINT " + q(k.building()) + " "
                  + InboundForeignKeys.definition(k.onNewColumn()) + " NOT VALID",
              "ALTER TABLE " + q(c.table()) + " DROP CONSTRAINT " + q(k.building()))));
      case "validate-swap-twin-foreign-keys" -> swapTwinForeignKeys(now, then, c).forEach(k ->
          out.add(draft(s, c, recipe, "Validate " + k.building() + " (scans " + c.table()
              + " under SHARE UPDATE EXCLUSIVE, ROW SHARE on " + k.wanted().refTable()
              + "; writes go on)", "ALTER TABLE " + q(c.table()) + " VALIDATE CONSTRAINT "
              + q(k.building()), null)));
      case "rename-swapped-foreign-keys" -> swapTwinForeignKeys(now, then, c).stream()
          .filter(k -> !k.building().equals(k.wanted().name())).forEach(k -> out.add(draft(s,
              c, recipe, "Give " + k.building() + " the name " + k.wanted().name() + ", free "
                  + "now that the old column's foreign key is gone (catalog-only)",
              "ALTER TABLE " + q(c.table()) + " RENAME CONSTRAINT " + q(k.building()) + " TO "
                  + q(k.wanted().name()), null)));
      case "swap-twin-indexes" -> swapTwins(c, current, target).forEach(t -> out.add(draft(s, c,
          recipe, "Build " + t.building() + ", the twin of " + t.old().name() + " on "
              + newColumn(c) + ", after the backfill (CONCURRENTLY: writes go on)",
          t.createSql(c), "DROP INDEX CONCURRENTLY " + q(t.building()))));
      case "rename-swapped-indexes" -> swapTwins(c, current, target).stream()
          .filter(t -> !t.building().equals(t.name())).forEach(t -> out.add(draft(s, c, recipe,
              "Give " + t.building() + " the name " + t.name() + ", free now that the old "
                  + "column's index is gone (catalog-only)",
              "ALTER INDEX " + q(t.building()) + " RENAME TO " + q(t.name()), null)));
      default -> {
        if (c.to() != null) {
          derivedOnTwin(s, c, recipe, current, target, now, then, out);
        }
      }
    }
    return out;
  }

  private static void derivedOnTwin(RecipeStep s, Change c, Recipe recipe, Schema current,
      Schema target, Table now, Table then, List<StepExpander.Draft> out) {
    switch (s.derive()) {
      case "twin-indexes" -> twinIndexes(s, c, recipe, current, target, then, out);
      case "twin-constraints" -> {
        for (Constraint k : twinConstraints(c, now, then)) {
          String sql = "ALTER TABLE " + q(c.table()) + " ADD CONSTRAINT " + q(k.name()) + " "
              + definition(k) + " NOT VALID";
          out.add(draft(s, c, recipe, "Add " + k.name() + " on " + c.to() + " NOT VALID "
              + "(checks new rows only; the lock lasts milliseconds)", sql,
              "ALTER TABLE " + q(c.table()) + " DROP CONSTRAINT " + q(k.name())));
        }
      }
      case "validate-twin-constraints" -> {
        for (Constraint k : twinConstraints(c, now, then)) {
          out.add(draft(s, c, recipe, "Validate " + k.name() + " now that every row is "
              + "backfilled (scans under SHARE UPDATE EXCLUSIVE; writes go on)",
              "ALTER TABLE " + q(c.table()) + " VALIDATE CONSTRAINT " + q(k.name()), null));
        }
      }
      case "twin-default" -> {
        Column old = now.columns().get(c.column());
        Column twin = then.columns().get(c.to());
        if (old != null && twin != null && twin.defaultExpr() != null) {
          out.add(draft(s, c, recipe, "Give " + c.to() + " the default of " + c.column()
              + " (catalog-only)", "ALTER TABLE " + q(c.table()) + " ALTER COLUMN " + q(c.to())
              + " SET DEFAULT " + twin.defaultExpr(), "ALTER TABLE " + q(c.table())
              + " ALTER COLUMN " + q(c.to()) + " DROP DEFAULT"));
        }
      }
      default -> throw new IllegalArgumentException("unknown derived step " + s.derive());
    }
  }

  /**
   * The columns a split ({@code column}) or a merge ({@code columns}) replaces, as the target
   * drops them: their NOT NULL lifted, so that the release that stops writing them can insert
   * rows (catalog-only, and not undone: restoring it would scan the table), or the columns
   * dropped, in one statement and one short ACCESS EXCLUSIVE.
   */
  private static List<StepExpander.Draft> replacedColumns(RecipeStep s, Change c, Recipe recipe,
      Table now, Table then) {
    List<String> replaced = new ArrayList<>();
    for (String col : c.kind().equals("merge-column") ? c.columns() : List.of(c.column())) {
      if (col != null && now.columns().containsKey(col)
          && (then == null || !then.columns().containsKey(col))) {
        replaced.add(col);
      }
    }
    if (s.derive().equals("relax-dropped-columns")) {
      List<String> notNull = replaced.stream().filter(x -> now.columns().get(x).notNull())
          .map(x -> "ALTER COLUMN " + q(x) + " DROP NOT NULL").toList();
      return notNull.isEmpty() ? List.of() : List.of(draft(s, c, recipe, s.title(),
          "ALTER TABLE " + q(c.table()) + " " + String.join(", ", notNull), null));
    }
    return replaced.isEmpty() ? List.of() : List.of(draft(s, c, recipe, s.title(),
        "ALTER TABLE " + q(c.table()) + " " + String.join(", ", replaced.stream()
            .map(x -> "DROP COLUMN " + q(x)).toList()), null));
  }

  /**
   * A renamed table keeps the names of its constraints and indexes ({@code orders_pkey} on a
   * table now called {@code purchases}); where the target names them after the new table, they
   * are renamed too (catalog-only, inside the rename's transaction). The index of a primary key
   * or unique constraint follows the constraint's rename.
   */
  private static List<StepExpander.Draft> targetKeyNames(RecipeStep s, Change c, Recipe recipe,
      Schema current, Schema target) {
    if (target == null || c.to() == null || current.table(c.table()) == null) {
      return List.of();
    }
    Schema renamed = current.copy();
    dev.migsafe.internal.schema.SchemaReader.apply(renamed, "ALTER TABLE " + q(c.table())
        + " RENAME TO " + q(c.to()));
    List<StepExpander.Draft> out = new ArrayList<>();
    for (SchemaDiff.RenamedConstraint r : SchemaDiff.renamedConstraints(renamed, target)) {
      if (r.table().equals(c.to())) {
        out.add(draft(s, c, recipe, "Rename constraint " + r.name() + " to " + r.targetName()
            + ", as the target names it (catalog-only)", "ALTER TABLE " + q(c.to())
            + " RENAME CONSTRAINT " + q(r.name()) + " TO " + q(r.targetName()),
            "ALTER TABLE " + q(c.to()) + " RENAME CONSTRAINT " + q(r.targetName()) + " TO "
                + q(r.name())));
      }
    }
    java.util.Set<String> constraintNames = new java.util.HashSet<>();
    renamed.table(c.to()).constraints().forEach(k -> constraintNames.add(k.name()));
    for (Index i : renamed.indexesOf(c.to())) {
      if (constraintNames.contains(i.name())) {
        continue;
      }
      target.indexesOf(c.to()).stream()
          .filter(x -> x.unique() == i.unique() && x.columns().equals(i.columns())
              && !x.name().equals(i.name()) && renamed.indexes().get(x.name()) == null)
          .findFirst().ifPresent(x -> out.add(draft(s, c, recipe, "Rename index " + i.name()
              + " to " + x.name() + ", as the target names it (catalog-only)",
              "ALTER INDEX " + q(i.name()) + " RENAME TO " + q(x.name()),
              "ALTER INDEX " + q(x.name()) + " RENAME TO " + q(i.name()))));
    }
    return out;
  }

  /** A split's new columns, with their target types, in one statement (catalog-only). */
  private static void addTargetColumns(RecipeStep s, Change c, Recipe recipe, Table then,
      List<StepExpander.Draft> out) {
    List<String> add = new ArrayList<>();
    List<String> drop = new ArrayList<>();
    for (String col : c.columns() == null ? List.<String>of() : c.columns()) {
      Column wanted = then.columns().get(col);
      if (wanted != null) {
        add.add("ADD COLUMN " + q(col) + " " + wanted.type());
        drop.add("DROP COLUMN " + q(col));
      }
    }
    if (!add.isEmpty()) {
      out.add(draft(s, c, recipe, "Add " + String.join(", ", c.columns()) + ", nullable, "
          + "without defaults, in one statement (catalog-only, ACCESS EXCLUSIVE for "
          + "milliseconds)", "ALTER TABLE " + q(c.table()) + " " + String.join(", ", add),
          "ALTER TABLE " + q(c.table()) + " " + String.join(", ", drop)));
    }
  }

  /**
   * An index of a copy-and-swap retype: the old one covers {@code column}, which the swap
   * renames away and phase D drops; its twin is built on the new column under the target's
   * name, or under {@code <name>_new} while the old index still holds the name.
   */
  private record SwapTwin(Index old, String name, String building, List<String> columns,
      boolean unique) {
    String createSql(Change c) {
      return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX CONCURRENTLY " + q(building)
          + " ON " + q(c.table()) + " (" + String.join(", ", columns.stream()
              .map(DerivedSteps::q).toList()) + ")";
    }
  }

  /**
   * A foreign key of a copy-and-swap retype: the target's key on {@code column}, rebuilt on the
   * new column under {@code <name>_new} while the old key on the old column holds the name,
   * which it frees when phase D drops the old column.
   */
  private record SwapTwinForeignKey(Constraint wanted, Constraint onNewColumn, String building) {}

  private static List<SwapTwinForeignKey> swapTwinForeignKeys(Table now, Table then, Change c) {
    List<SwapTwinForeignKey> out = new ArrayList<>();
    for (Constraint k : then.constraints()) {
      if (!k.type().equals("foreign-key") || !k.columns().contains(c.column())) {
        continue;
      }
      boolean taken = now.constraints().stream().anyMatch(x -> x.name().equals(k.name()));
      boolean hadOne = now.constraints().stream().anyMatch(x -> x.type().equals("foreign-key")
          && x.columns().contains(c.column()));
      if (!hadOne) {
        continue; // a new foreign key of the target: its own add-foreign-key change adds it
      }
      List<String> cols = k.columns().stream().map(x -> x.equals(c.column()) ? newColumn(c) : x)
          .toList();
      Constraint onNew = new Constraint(k.name(), k.type(), cols, null, k.refTable(), false,
          k.refColumns(), k.actions());
      out.add(new SwapTwinForeignKey(k, onNew, taken ? truncate(k.name() + "_new") : k.name()));
    }
    return out;
  }

  private static List<SwapTwin> swapTwins(Change c, Schema current, Schema target) {
    List<SwapTwin> out = new ArrayList<>();
    if (target == null) {
      return out;
    }
    for (Index i : current.indexesOf(c.table())) {
      if (!i.columns().contains(c.column())) {
        continue;
      }
      Index wanted = target.indexesOf(c.table()).stream()
          .filter(t -> t.columns().equals(i.columns()) && t.unique() == i.unique()
              && !isConstraintIndex(target, c.table(), t.name()))
          .findFirst().orElse(null);
      if (wanted == null || isConstraintIndex(current, c.table(), i.name())) {
        continue; // the target drops it, or a constraint's index that its own recipe moves
      }
      boolean taken = current.indexesOf(c.table()).stream()
          .anyMatch(x -> x.name().equals(wanted.name()));
      String building = taken ? truncate(wanted.name() + "_new") : wanted.name();
      List<String> cols = i.columns().stream().map(x -> x.equals(c.column()) ? newColumn(c) : x)
          .toList();
      out.add(new SwapTwin(i, wanted.name(), building, cols, i.unique()));
    }
    return out;
  }

  static boolean isConstraintIndex(Schema s, String table, String index) {
    Table t = s.table(table);
    return t != null && t.constraints().stream().anyMatch(k -> k.name().equals(index)
        && (k.type().equals("unique") || k.type().equals("primary-key")));
  }

  /** The copy-and-swap recipes' new column, {@code {newColumn}} in ChangeTemplate. */
  private static String newColumn(Change c) {
    return c.column() + "_new";
  }

  private static String truncate(String name) {
    return name.length() > 63 ? name.substring(0, 63) : name;
  }

  private static void twinIndexes(RecipeStep s, Change c, Recipe recipe, Schema current,
      Schema target, Table then, List<StepExpander.Draft> out) {
    for (Index i : current.indexesOf(c.table())) {
      if (!i.columns().contains(c.column())) {
        continue;
      }
      List<String> cols = i.columns().stream().map(x -> x.equals(c.column()) ? c.to() : x)
          .toList();
      Index twin = target.indexesOf(c.table()).stream()
          .filter(t -> t.columns().equals(cols) && t.unique() == i.unique()).findFirst()
          .orElse(null);
      if (twin == null || current.indexesOf(c.table()).stream()
          .anyMatch(x -> x.name().equals(twin.name()))) {
        continue; // dropped by the target, or its name is taken until the old one goes
      }
      String create = "CREATE " + (twin.unique() ? "UNIQUE " : "") + "INDEX CONCURRENTLY "
          + q(twin.name()) + " ON " + q(c.table()) + " (" + String.join(", ",
              cols.stream().map(DerivedSteps::q).toList()) + ")";
      out.add(draft(s, c, recipe, "Build " + twin.name() + ", the twin of " + i.name() + " on "
          + c.to() + " (CONCURRENTLY: writes go on)", create,
          "DROP INDEX CONCURRENTLY " + q(twin.name())));
      Constraint asConstraint = then.constraints().stream()
          .filter(k -> k.name().equals(twin.name())
              && (k.type().equals("unique") || k.type().equals("primary-key")))
          .findFirst().orElse(null);
      if (asConstraint != null && asConstraint.type().equals("unique")) {
        out.add(draft(s, c, recipe, "Make " + twin.name() + " the unique constraint the target "
            + "has (catalog-only; the index is already built)",
            "ALTER TABLE " + q(c.table()) + " ADD CONSTRAINT " + q(twin.name())
                + " UNIQUE USING INDEX " + q(twin.name()),
            "ALTER TABLE " + q(c.table()) + " DROP CONSTRAINT " + q(twin.name())));
      }
    }
  }

  /** The target's CHECKs and foreign keys on {@code to} whose twin on {@code column} exists. */
  private static List<Constraint> twinConstraints(Change c, Table now, Table then) {
    List<Constraint> out = new ArrayList<>();
    for (Constraint k : then.constraints()) {
      if (!(k.type().equals("check") || k.type().equals("foreign-key"))
          || !k.columns().contains(c.to())) {
        continue;
      }
      boolean existsNow = now.constraints().stream().anyMatch(x -> x.name().equals(k.name()));
      boolean hadTwin = now.constraints().stream().anyMatch(x -> x.type().equals(k.type())
          && x.columns().contains(c.column()));
      if (!existsNow && hadTwin) {
        out.add(k);
      }
    }
    return out;
  }

  private static String definition(Constraint k) {
    if (k.type().equals("check")) {
      return "CHECK (" + k.checkExpr() + ")";
    }
    return InboundForeignKeys.definition(k);
  }

  static StepExpander.Draft draft(RecipeStep s, Change c, Recipe recipe, String title,
      String sql, String rollback) {
    RecipeStep concrete = new RecipeStep(s.phase(), title, sql, null, null, rollback,
        s.pointOfNoReturn(), null, null);
    return new StepExpander.Draft(c, recipe, concrete, title, sql, rollback, false);
  }

  static String q(String identifier) {
    return SqlQuoting.identifier(Objects.requireNonNull(identifier));
  }

}
