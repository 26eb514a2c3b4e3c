package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Severity;
import dev.migsafe.internal.plan.Recipe.RecipeStep;
import dev.migsafe.internal.schema.Constraint;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The foreign keys that reference a key the playbook retypes. Each one depends on the index of
 * the key's primary-key constraint, so {@code DROP CONSTRAINT <pkey>} in the swap fails while
 * one exists. The swap drops them inside its transaction, before the primary-key step; after
 * COMMIT each comes back {@code NOT VALID} (SHARE ROW EXCLUSIVE on both tables for
 * milliseconds, no scan), then {@code VALIDATE CONSTRAINT} checks the existing rows under SHARE
 * UPDATE EXCLUSIVE on the referencing table and ROW SHARE on the referenced one, so writes go on.
 * Names, columns and ON DELETE / ON UPDATE actions come from the target schema.
 *
 * <ul>
 *   <li>{@code drop-inbound-foreign-keys}: {@code ALTER TABLE r DROP CONSTRAINT k};
 *   <li>{@code restore-inbound-foreign-keys}: {@code ADD CONSTRAINT k FOREIGN KEY ... NOT
 *       VALID};
 *   <li>{@code validate-inbound-foreign-keys}: {@code VALIDATE CONSTRAINT k}.
 * </ul>
 */
final class InboundForeignKeys {
  static final List<String> DERIVES = List.of("drop-inbound-foreign-keys",
      "restore-inbound-foreign-keys", "validate-inbound-foreign-keys");

  private InboundForeignKeys() {}

  /**
   * One inbound foreign key: the referencing table, its name now, and the target's definition
   * (null when the target drops it: then it is dropped and not restored).
   */
  record Inbound(String table, String name, Constraint wanted) {}

  static List<Inbound> of(Change c, Schema current, Schema target) {
    List<Inbound> out = new ArrayList<>();
    for (Table t : current.tables().values()) {
      for (Constraint k : t.constraints()) {
        if (!k.type().equals("foreign-key") || !c.table().equals(k.refTable())
            || !referencedColumns(current, k).contains(c.column())) {
          continue;
        }
        Table then = target == null ? null : target.table(t.name());
        Constraint wanted = then == null ? null : then.constraints().stream()
            .filter(x -> x.type().equals("foreign-key") && x.name().equals(k.name()))
            .findFirst().orElse(null);
        out.add(new Inbound(t.name(), k.name(), wanted));
      }
    }
    return out;
  }

  static List<StepExpander.Draft> expand(RecipeStep s, Change c, Recipe recipe, Schema current,
      Schema target) {
    List<StepExpander.Draft> out = new ArrayList<>();
    for (Inbound i : of(c, current, target)) {
      String alter = "ALTER TABLE " + SqlQuoting.identifier(i.table()) + " ";
      switch (s.derive()) {
        case "drop-inbound-foreign-keys" -> out.add(draft(s, c, recipe, "Drop " + i.name()
            + " on " + i.table() + ", which depends on the old key's index (it is added back "
            + "after COMMIT)", alter + "DROP CONSTRAINT " + SqlQuoting.identifier(i.name())));
        case "restore-inbound-foreign-keys" -> {
          if (i.wanted() != null) {
            out.add(draft(s, c, recipe, "Add " + i.wanted().name() + " on " + i.table()
                + " back NOT VALID (checks new rows only; SHARE ROW EXCLUSIVE on " + i.table()
                + " and " + c.table() + " for milliseconds)", alter + "ADD CONSTRAINT "
                + SqlQuoting.identifier(i.wanted().name()) + " " + definition(i.wanted())
                + " NOT VALID"));
          }
        }
        case "validate-inbound-foreign-keys" -> {
          if (i.wanted() != null) {
            out.add(draft(s, c, recipe, "Validate " + i.wanted().name() + " (scans " + i.table()
                + " under SHARE UPDATE EXCLUSIVE, ROW SHARE on " + c.table() + "; writes go on)",
                alter + "VALIDATE CONSTRAINT " + SqlQuoting.identifier(i.wanted().name())));
          }
        }
        default -> throw new IllegalArgumentException("unknown derived step " + s.derive());
      }
    }
    return out;
  }

  private static final java.util.Map<String, Integer> INTEGER_BYTES = java.util.Map.of(
      "smallint", 2, "integer", 4, "bigint", 8);

  /**
   * A key the packet widens while the target leaves a column that references it narrower: the
   * swap restores the foreign key, but once the key hands out values past the narrower type,
   * no row of the referencing table can point at them. The plan says so rather than decide.
   */
  static List<Plan.PlanFinding> narrowReferences(List<Change> changes, Schema current,
      Schema target) {
    List<Plan.PlanFinding> out = new ArrayList<>();
    for (Change c : changes) {
      Integer wide = c.kind().equals("change-type") ? INTEGER_BYTES.get(c.toType()) : null;
      if (wide == null) {
        continue;
      }
      for (Inbound i : of(c, current, target)) {
        Table then = target.table(i.table());
        int at = i.wanted() == null ? -1 : referencedColumns(target, i.wanted()).indexOf(
            c.column());
        var column = at < 0 || at >= i.wanted().columns().size() || then == null ? null
            : then.column(i.wanted().columns().get(at));
        Integer narrow = column == null ? null : INTEGER_BYTES.get(column.type());
        if (narrow != null && narrow < wide) {
          out.add(new Plan.PlanFinding("plan-referencing-column-stays-narrow", Severity.HIGH,
              c.id(), i.table() + "." + column.name() + " stays " + column.type()
                  + " in the target while " + c.table() + "." + c.column() + ", which it "
                  + "references through " + i.wanted().name() + ", becomes " + c.toType(),
              "The key's swap restores " + i.wanted().name() + ", but once " + c.table()
                  + " hands out a key past the range of " + column.type() + ", no row of "
                  + i.table() + " can reference it: the inserts fail instead.",
              "Widen " + i.table() + "." + column.name() + " to " + c.toType() + " in the "
                  + "target schema (the plan then widens it before the key's swap), or record "
                  + "why it stays " + column.type() + "."));
        }
      }
    }
    return out;
  }

  /** {@code FOREIGN KEY (a) REFERENCES t (b) ON DELETE ...}, every name quoted. */
  static String definition(Constraint k) {
    return "FOREIGN KEY (" + quoted(k.columns()) + ") REFERENCES "
        + SqlQuoting.identifier(k.refTable())
        + (k.refColumns().isEmpty() ? "" : " (" + quoted(k.refColumns()) + ")")
        + (k.actions() == null ? "" : " " + k.actions());
  }

  /** The columns a foreign key references: its list, or the referenced table's primary key. */
  static List<String> referencedColumns(Schema s, Constraint fk) {
    if (!fk.refColumns().isEmpty()) {
      return fk.refColumns();
    }
    Table t = s.table(fk.refTable());
    return t == null ? List.of() : t.constraints().stream()
        .filter(k -> k.type().equals("primary-key")).findFirst()
        .map(Constraint::columns).orElse(List.of());
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(SqlQuoting::identifier).toList());
  }

  private static StepExpander.Draft draft(RecipeStep s, Change c, Recipe recipe, String title,
      String sql) {
    RecipeStep concrete = new RecipeStep(s.phase(), title, sql, null, null, null, false, null,
        null);
    return new StepExpander.Draft(c, recipe, concrete, title, sql, null, false);
  }
}
