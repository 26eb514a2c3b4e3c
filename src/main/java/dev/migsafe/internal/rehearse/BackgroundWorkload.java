package dev.migsafe.internal.rehearse;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal;
import dev.migsafe.internal.schema.Constraint;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The workload a rehearsal runs behind the steps: reads, writes and inserts on every table the
 * plan touches, at the packet's rates (inserts at its write rate), bounded ({@link WorkloadLimits#defaults}) so that two cores
 * stay free enough for the steps. It measures how long its queries wait behind each step.
 */
final class BackgroundWorkload implements WaitMeter {
  private final Workload workload;
  private final String reason;
  private WorkloadStats stats;

  private BackgroundWorkload(Workload workload, String reason) {
    this.workload = workload;
    this.reason = reason;
  }

  static BackgroundWorkload start(ScratchDatabase db, MigrationPacket packet, Plan plan,
      Schema schema, java.util.Map<String, InsertRow> inserts, Rehearsal.Data data,
      RehearsalOptions options) {
    if (!options.workload()) {
      return new BackgroundWorkload(null, "--no-workload");
    }
    List<WorkloadTable> tables = new ArrayList<>();
    for (String name : touchedTables(plan)) {
      Table t = schema.table(name);
      Long rows = data.rows().get(name);
      if (t == null || rows == null) {
        continue;
      }
      MigrationPacket.TableProfile p = packet.tables().get(name);
      tables.add(new WorkloadTable(name, primaryKey(t), rows,
          p == null || p.readsPerSecond() == null ? 0 : p.readsPerSecond(),
          p == null || p.writesPerSecond() == null ? 0 : p.writesPerSecond(),
          inserts.get(name)));
    }
    Workload w = Workload.start(db, tables, WorkloadLimits.defaults());
    if (!w.enabled()) {
      return new BackgroundWorkload(w, w.disabledReason());
    }
    List<String> rates = Workload.rates(tables, WorkloadLimits.defaults()).stream()
        .map(r -> r.table().name() + " " + Math.round(r.perSecond() * 10) / 10.0 + " "
            + r.kind().name().toLowerCase(java.util.Locale.ROOT) + "s/s").toList();
    return new BackgroundWorkload(w, "the packet's rates, bounded to "
        + (int) WorkloadLimits.defaults().maxPerTable() + "/s per table and kind and "
        + (int) WorkloadLimits.defaults().maxTotal() + "/s in all: " + String.join(", ", rates));
  }

  /** Every table a step of the plan locks, and every table a change names. */
  static Set<String> touchedTables(Plan plan) {
    Set<String> out = new LinkedHashSet<>();
    plan.risks().forEach(r -> r.locks().forEach(l -> out.add(l.table())));
    plan.changes().forEach(c -> {
      if (c.table() != null) {
        out.add(c.table());
      }
    });
    return out;
  }

  private static List<String> primaryKey(Table t) {
    return t.constraints().stream().filter(c -> c.type().equals("primary-key")).findFirst()
        .map(Constraint::columns).orElse(List.of());
  }

  @Override
  public long maxWaitMillis(long fromNanos, long toNanos) {
    return workload == null ? 0 : workload.maxWaitMillis(fromNanos, toNanos);
  }

  /** The old application is gone from phase D on: its inserts stop ({@link Workload#stopInserts}). */
  void retireOldApplication() {
    if (workload != null) {
      workload.stopInserts();
    }
  }

  void stop() {
    stats = workload == null ? null : workload.stop();
  }

  Rehearsal.WorkloadSummary summary() {
    boolean enabled = workload != null && workload.enabled();
    return stats == null || !enabled ? new Rehearsal.WorkloadSummary(false, reason, 0, 0, 0)
        : new Rehearsal.WorkloadSummary(true, reason, stats.queries(), stats.errors(),
            stats.maxMillis());
  }
}
