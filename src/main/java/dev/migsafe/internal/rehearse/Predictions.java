package dev.migsafe.internal.rehearse;

import dev.migsafe.api.LockMode;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal.Observation;
import dev.migsafe.api.TableLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the plan predicted for a step: the union of its risks, the same facts lint reports. */
final class Predictions {
  private Predictions() {}

  static Observation of(Plan plan, String stepId) {
    Map<String, LockMode> locks = new TreeMap<>();
    boolean rewrites = false;
    boolean scans = false;
    for (Plan.Risk r : plan.risks()) {
      if (!r.stepId().equals(stepId)) {
        continue;
      }
      r.locks().forEach(l -> locks.merge(l.table(), l.mode(), LockMode::strongest));
      rewrites |= r.rewritesTable();
      scans |= r.scansTable();
    }
    List<TableLock> out = new ArrayList<>();
    locks.forEach((t, m) -> out.add(new TableLock(t, m)));
    return new Observation(List.copyOf(out), rewrites, scans, null, "plan");
  }
}
