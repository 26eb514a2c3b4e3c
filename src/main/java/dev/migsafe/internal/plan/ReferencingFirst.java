package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;
import dev.migsafe.internal.schema.Constraint;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the retype of a column that references a key before the retype of that key. The key's
 * swap drops the foreign keys that reference it and adds them back after its COMMIT; when the
 * referencing column is widened too, it must be widened first, so that the foreign key the
 * swap re-creates is the one the target has, on the referencing table's final column, and no
 * key value the wider key hands out can fail to fit the column that refers to it.
 */
final class ReferencingFirst {
  private ReferencingFirst() {}

  static List<Change> order(List<Change> columnChanges, Schema current) {
    List<Change> out = new ArrayList<>(columnChanges);
    for (Change key : columnChanges) {
      if (!key.kind().equals("change-type")) {
        continue;
      }
      for (Change ref : columnChanges) {
        if (ref.kind().equals("change-type") && references(current, ref, key)
            && out.indexOf(ref) > out.indexOf(key)) {
          out.remove(ref);
          out.add(out.indexOf(key), ref);
        }
      }
    }
    return out;
  }

  /** Whether {@code ref}'s column has a foreign key onto {@code key}'s column. */
  private static boolean references(Schema current, Change ref, Change key) {
    Table t = current.table(ref.table());
    if (t == null || ref.column() == null || key.column() == null) {
      return false;
    }
    for (Constraint k : t.constraints()) {
      if (k.type().equals("foreign-key") && k.columns().contains(ref.column())
          && key.table().equals(k.refTable())
          && InboundForeignKeys.referencedColumns(current, k).contains(key.column())) {
        return true;
      }
    }
    return false;
  }
}
