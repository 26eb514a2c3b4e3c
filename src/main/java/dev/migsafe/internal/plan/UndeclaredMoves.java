package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;
import dev.migsafe.api.Plan.PlanFinding;
import dev.migsafe.api.Severity;
import dev.migsafe.internal.schema.Column;
import dev.migsafe.internal.schema.Constraint;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import dev.migsafe.internal.sql.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A column the target drops while a table the target adds holds a column of the same name and
 * type with a foreign key back to the dropping table: the data looks moved, and a plain drop
 * would destroy it with nothing copied. A column that simply disappears, or one whose move the
 * packet declares (then the diff has no drop-column left for it), is not reported.
 */
final class UndeclaredMoves {
  static final String RULE = "plan-data-dropped-without-move";

  private UndeclaredMoves() {}

  static List<PlanFinding> of(List<Change> changes, Schema target) {
    List<PlanFinding> out = new ArrayList<>();
    for (Change drop : changes) {
      if (!drop.kind().equals("drop-column")) {
        continue;
      }
      for (Change create : changes) {
        Table created = create.kind().equals("create-table") ? target.table(create.table())
            : null;
        Column same = created == null ? null : created.column(drop.column());
        if (same == null || !Objects.equals(SqlTypes.canonical(same.type()),
            SqlTypes.canonical(drop.fromType()))) {
          continue;
        }
        Constraint back = created.constraints().stream()
            .filter(k -> k.type().equals("foreign-key") && drop.table().equals(k.refTable()))
            .findFirst().orElse(null);
        if (back != null) {
          out.add(finding(drop, created, back));
        }
      }
    }
    return out;
  }

  private static PlanFinding finding(Change drop, Table created, Constraint back) {
    String key = back.columns().size() == 1 ? back.columns().get(0) : "<its key column>";
    return new PlanFinding(RULE, Severity.BLOCKER, drop.id(),
        "The target drops " + drop.table() + "." + drop.column() + " and its new table "
            + created.name() + " has a column " + drop.column() + " of the same type ("
            + drop.fromType() + ") with a foreign key to " + drop.table() + ": the data looks "
            + "moved there, but the playbook drops it without copying a row",
        "Without a declared move the diff sees a drop and a new table, and the drop-column "
            + "recipe destroys the only copy of the data at its point of no return.",
        "Declare the move in the packet, and migsafe copies the column in batches under "
            + "dual-write and verifies the copy before the drop: transforms: - {kind: "
            + "move-column, table: " + drop.table() + ", column: " + drop.column() + ", to: "
            + "{table: " + created.name() + ", column: " + drop.column() + ", key: " + key
            + "}}. If the data is meant to go, say so in the intent and rename the new column.");
  }
}
