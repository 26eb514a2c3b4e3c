package dev.migsafe.internal.plan;

import dev.migsafe.api.Plan;
import dev.migsafe.internal.schema.Column;
import dev.migsafe.internal.schema.Constraint;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The differences from the target that the playbook makes on purpose, read from the schema its
 * SQL leaves. Today one kind: before PostgreSQL 12, {@code SET NOT NULL} always scans the table
 * under ACCESS EXCLUSIVE, even when a validated CHECK proves there is no NULL, so the recipes
 * that bring a column to NOT NULL (a set-not-null, an added or renamed NOT NULL column, a NOT
 * NULL retype) stop at the validated {@code CHECK (col IS NOT NULL)}. It enforces the same rule;
 * the column is nullable in the catalog, and the CHECK is an extra constraint.
 */
final class TargetDeclarations {
  private TargetDeclarations() {}

  static List<Plan.TargetDifference> of(Schema replayed, Schema target, int engineVersion) {
    List<Plan.TargetDifference> out = new ArrayList<>();
    if (engineVersion >= 12) {
      return out;
    }
    for (Table wanted : target.tables().values()) {
      Table got = replayed.table(wanted.name());
      if (got == null) {
        continue;
      }
      for (Column c : wanted.columns().values()) {
        Column now = got.columns().get(c.name());
        if (!c.notNull() || now == null || now.notNull()) {
          continue;
        }
        Constraint check = got.constraints().stream().filter(k -> k.provesNotNull(c.name()))
            .filter(k -> wanted.constraints().stream().noneMatch(w -> w.name().equals(k.name())))
            .findFirst().orElse(null);
        if (check == null) {
          continue;
        }
        out.add(new Plan.TargetDifference("column-nullability", wanted.name() + "." + c.name(),
            "On PostgreSQL " + engineVersion + " SET NOT NULL scans " + wanted.name()
                + " under ACCESS EXCLUSIVE even when a validated CHECK proves the column has "
                + "no NULL (PostgreSQL 12 uses the CHECK and skips the scan); the playbook keeps "
                + "the validated CHECK (" + c.name() + " IS NOT NULL) instead, which enforces "
                + "the same rule."));
        out.add(new Plan.TargetDifference("extra-constraint", wanted.name() + "." + check.name(),
            "The validated CHECK (" + c.name() + " IS NOT NULL) that stands in for NOT NULL on "
                + "PostgreSQL " + engineVersion + " stays."));
      }
    }
    return out;
  }
}
