package dev.migsafe.internal.plan;

import dev.migsafe.api.FileResult;
import dev.migsafe.api.LintOptions;
import dev.migsafe.api.TableLock;
import dev.migsafe.api.TransactionMode;
import dev.migsafe.internal.lint.Linter;
import dev.migsafe.internal.rules.RuleBase;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The locks a step takes on a table of the target that the playbook itself created earlier
 * (the new table of a move). Lint leaves locks on a table created earlier in the same script
 * out, because a new, empty table carries no risk; but the server still takes them, and a
 * rehearsal that sees a SHARE lock the plan did not predict reports the plan as wrong. Each
 * such step is linted once more on its own, against the schema the playbook has reached, where
 * the table already exists; only its locks on those new tables are kept, and whether it reads
 * one of them whole (it is empty, so that costs nothing, but the server does it).
 */
final class NewTableLocks {
  /** A step's locks on the new tables, and whether it reads one of them whole. */
  record Facts(List<TableLock> locks, boolean scans) {}

  private NewTableLocks() {}

  static Map<StepExpander.Draft, Facts> of(List<StepExpander.Draft> order,
      Schema current, Schema target, int version) {
    Map<StepExpander.Draft, Facts> out = new HashMap<>();
    Set<String> created = new java.util.HashSet<>(target.tableNames());
    created.removeAll(current.tableNames());
    if (created.isEmpty()) {
      return out;
    }
    Linter linter = new Linter(RuleBase.shared(), LintOptions.defaults()
        .withEngineVersion(version).withTransactionMode(TransactionMode.NEVER));
    Schema soFar = current.copy();
    for (StepExpander.Draft d : order) {
      boolean names = created.stream().anyMatch(t -> soFar.table(t) != null
          && d.sql().contains(SqlQuoting.identifier(t)));
      if (names) {
        FileResult r = linter.lintText("step", d.sql() + ";\n", soFar.copy());
        List<TableLock> locks = new ArrayList<>();
        boolean scans = false;
        for (var st : r.statements()) {
          st.locks().stream().filter(l -> created.contains(l.table())).forEach(locks::add);
          scans |= st.scansTable() && !locks.isEmpty();
        }
        if (!locks.isEmpty()) {
          out.put(d, new Facts(List.copyOf(locks), scans));
        }
      }
      SchemaReader.apply(soFar, d.sql());
    }
    return out;
  }
}
