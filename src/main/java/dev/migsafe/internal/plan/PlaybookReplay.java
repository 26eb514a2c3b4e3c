package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;
import dev.migsafe.api.Plan;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema a playbook leaves: its SQL steps replayed, in plan order, through the same schema
 * model lint uses, from the current schema. What still separates that schema from the target
 * is what the playbook fails to do, unless it declares it ({@link Plan.TargetDifference}).
 * Steps for people (deploys, waits) change no schema and are skipped; a backfill changes data
 * only. The model knows tables, columns, constraints, indexes, enum types and views with their
 * grants; sequences and functions are proven by {@code rehearse} on a real server.
 */
public final class PlaybookReplay {
  private PlaybookReplay() {}

  /** The schema after every SQL step of {@code phases}. */
  public static Schema replay(Schema current, List<Plan.Phase> phases) {
    Schema s = current.copy();
    for (Plan.Phase phase : phases) {
      for (Plan.Step step : phase.steps()) {
        if (step.sql() != null && !step.batched()) {
          SchemaReader.apply(s, step.sql());
        }
      }
    }
    return s;
  }

  /** Each way the replayed schema differs from the target, in drift's vocabulary. */
  public static List<Plan.TargetDifference> differences(Schema replayed, Schema target) {
    List<Plan.TargetDifference> out = new ArrayList<>();
    for (Change c : SchemaDiff.diff(replayed, target, List.of())) {
      out.add(new Plan.TargetDifference(kind(c), object(c), describe(c)));
    }
    for (SchemaDiff.RenamedConstraint r : SchemaDiff.renamedConstraints(replayed, target)) {
      out.add(new Plan.TargetDifference("missing-constraint", r.table() + "." + r.targetName(),
          "the playbook leaves this constraint named " + r.name()));
      out.add(new Plan.TargetDifference("extra-constraint", r.table() + "." + r.name(),
          "the target names this constraint " + r.targetName()));
    }
    out.addAll(ViewDifferences.of(replayed, target));
    return out;
  }

  /** The difference a remaining change stands for, as drift would name it. */
  static String kind(Change c) {
    return switch (c.kind()) {
      case "add-column" -> "missing-column";
      case "drop-column" -> "extra-column";
      case "rename-column" -> "missing-column";
      case "change-type" -> "column-type";
      case "set-not-null", "drop-not-null" -> "column-nullability";
      case "set-default", "drop-default" -> "column-default";
      case "add-identity", "drop-identity" -> "column-identity";
      case "add-index" -> "missing-index";
      case "drop-index" -> "extra-index";
      case "add-foreign-key", "add-check", "add-unique", "add-primary-key" -> "missing-constraint";
      case "drop-constraint" -> "extra-constraint";
      case "create-table", "rename-table" -> "missing-table";
      case "drop-table" -> "extra-table";
      case "create-enum" -> "missing-enum";
      case "add-enum-value", "remove-enum-value" -> "enum-values";
      default -> c.kind();
    };
  }

  /** {@code table.column}, {@code table.name} or the table, as drift names objects. */
  static String object(Change c) {
    String table = c.table() == null ? "?" : c.table();
    if (c.name() != null && (c.kind().contains("index") || c.kind().contains("constraint")
        || c.kind().startsWith("add-") && c.column() == null)) {
      return table + "." + c.name();
    }
    if (c.column() != null) {
      return table + "." + (c.kind().equals("rename-column") ? c.to() : c.column());
    }
    return table;
  }

  private static String describe(Change c) {
    return switch (c.kind()) {
      case "add-column" -> "the playbook never adds column " + c.column();
      case "drop-column" -> "the playbook leaves column " + c.column() + ", which the target drops";
      case "change-type" -> "the playbook leaves " + c.column() + " as " + c.fromType()
          + " instead of " + c.toType();
      case "set-not-null" -> "the playbook leaves " + c.column() + " nullable";
      case "drop-not-null" -> "the playbook leaves " + c.column() + " NOT NULL";
      case "set-default", "drop-default" -> "the playbook leaves " + c.column()
          + " with another default";
      case "add-identity" -> "the playbook leaves " + c.column() + " without GENERATED "
          + (c.expression() == null ? "" : c.expression().toUpperCase(java.util.Locale.ROOT)
              + " ") + "AS IDENTITY";
      case "drop-identity" -> "the playbook leaves " + c.column() + " an identity";
      case "add-index" -> "the playbook never builds the index on ("
          + String.join(", ", c.columns() == null ? List.of() : c.columns()) + ")";
      case "drop-index" -> "the playbook leaves index " + c.name();
      case "drop-constraint" -> "the playbook leaves constraint " + c.name();
      default -> c.kind().startsWith("add-") ? "the playbook never adds the "
          + c.kind().substring(4) + " on (" + String.join(", ", c.columns() == null
              ? List.of() : c.columns()) + ")" : "the playbook leaves this " + c.kind() + " undone";
    };
  }
}
