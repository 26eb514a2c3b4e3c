package dev.migsafe.internal.rehearse;

import dev.migsafe.internal.plan.SqlQuoting;
import dev.migsafe.internal.schema.Column;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic rows leave some nullable columns NULL, which is what production data looks like in
 * general. A column the target schema makes NOT NULL is different: the plan assumes (and its
 * {@code before} validations check) that production has no NULLs there, or it backfills them.
 * Rows that break the plan's own assumption would only stop the rehearsal before its first step,
 * so those NULLs are replaced with a value the column already holds.
 */
final class TargetShape {
  private TargetShape() {}

  static List<String> fillNullsTheTargetForbids(Connection c, Schema current, Schema target)
      throws SQLException {
    List<String> notes = new ArrayList<>();
    for (Table t : current.tables().values()) {
      Table goal = target.table(t.name());
      if (goal == null) {
        continue;
      }
      for (Column col : t.columns().values()) {
        Column wanted = goal.column(col.name());
        if (col.notNull() || wanted == null || !wanted.notNull() || unique(t, col.name())) {
          continue;
        }
        String table = SqlQuoting.identifier(t.name());
        String column = SqlQuoting.identifier(col.name());
        try (Statement st = c.createStatement()) {
          int n = st.executeUpdate("UPDATE " + table + " SET " + column + " = (SELECT " + column
              + " FROM " + table + " WHERE " + column + " IS NOT NULL LIMIT 1) WHERE " + column
              + " IS NULL");
          if (n > 0) {
            notes.add(t.name() + "." + col.name() + ": " + n + " synthetic NULLs replaced, "
                + "because the target schema makes the column NOT NULL");
          }
        }
      }
    }
    return notes;
  }

  private static boolean unique(Table t, String column) {
    return t.constraints().stream().anyMatch(k -> (k.type().equals("unique")
        || k.type().equals("primary-key")) && k.columns().contains(column));
  }
}
