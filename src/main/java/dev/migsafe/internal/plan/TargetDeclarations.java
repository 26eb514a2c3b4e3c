package dev.migsafe.internal.plan;

import dev.migsafe.api.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * The differences from the target that a chosen recipe makes on purpose. Today one: before
 * PostgreSQL 12, {@code SET NOT NULL} always scans the table under ACCESS EXCLUSIVE, so the
 * not-null recipe stops at a validated {@code CHECK (col IS NOT NULL)}, which enforces the same
 * rule without that lock; the column stays nullable in the catalog.
 */
final class TargetDeclarations {
  private TargetDeclarations() {}

  static List<Plan.TargetDifference> of(List<PlanChange> facts, int engineVersion) {
    List<Plan.TargetDifference> out = new ArrayList<>();
    for (PlanChange f : facts) {
      var c = f.change();
      boolean keepsCheck = "set-not-null".equals(c.kind()) && "set-not-null".equals(f.getRecipe())
          || "rename-column".equals(c.kind()) && "rename-column-not-null".equals(f.getRecipe());
      if (keepsCheck && engineVersion < 12) {
        String column = c.kind().equals("rename-column") ? c.to() : c.column();
        out.add(new Plan.TargetDifference("column-nullability", c.table() + "." + column,
            "On PostgreSQL " + engineVersion + " SET NOT NULL scans " + c.table() + " under "
                + "ACCESS EXCLUSIVE even when a validated CHECK proves the column has no NULL "
                + "(PostgreSQL 12 uses the CHECK and skips the scan); the playbook keeps the "
                + "validated CHECK (" + column + " IS NOT NULL) instead, which enforces "
                + "the same rule."));
        out.add(new Plan.TargetDifference("extra-constraint", c.table() + "."
            + ChangeTemplate.checkName(c), "The validated CHECK (" + column
            + " IS NOT NULL) that stands in for NOT NULL on PostgreSQL " + engineVersion
            + " stays."));
      }
    }
    return out;
  }
}
