package dev.migsafe.internal.plan;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.Plan.ChecklistItem;
import dev.migsafe.api.Plan.Phase;
import dev.migsafe.api.Plan.Risk;
import dev.migsafe.api.Plan.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The release checklist: per phase, what to do and the condition that stops the release. */
final class ReleaseChecklist {
  private ReleaseChecklist() {}

  static List<ChecklistItem> of(MigrationPacket p, List<Phase> phases, List<Risk> risks,
      boolean canary) {
    List<ChecklistItem> out = new ArrayList<>();
    String lockWait = fmt(p.constraints().maxLockWait(), "2s");
    String lag = fmt(p.constraints().replicationLagLimit(), "10s");
    out.add(item(out, "A", "Confirm the invariants of phase 'before' hold on production",
        "any invariant or validation of phase 'before' fails"));
    out.add(item(out, "A", "Set lock_timeout to " + lockWait + " in the migration session",
        "a statement waits for its lock longer than " + lockWait
            + ": cancel it, let traffic drain, retry off-peak"));
    for (Phase ph : phases) {
      for (Step s : ph.steps()) {
        Risk r = risks.stream().filter(x -> x.stepId().equals(s.id())).findFirst().orElse(null);
        String stop = stopFor(ph.id(), s, r, lockWait, lag);
        out.add(item(out, ph.id(), s.id() + ": " + s.title()
            + (s.pointOfNoReturn() ? " (POINT OF NO RETURN: get the go-ahead first)" : ""),
            stop));
      }
    }
    if (canary) {
      out.add(item(out, "D", "Cut over a canary first: switch reads for a small share of "
          + "traffic, watch errors and latency, then the rest",
          "canary error rate or latency above the baseline"));
    }
    out.add(item(out, "D", "Confirm the invariants of phase 'after-cutover' hold",
        "any invariant or validation of phase 'after-cutover' fails"));
    MigrationPacket.Watch w = p.watch();
    if (w != null) {
      StringBuilder alerts = new StringBuilder();
      w.alerts().forEach(a -> alerts.append(alerts.length() == 0 ? "" : ", ")
          .append(a.metric()).append(" above ").append(a.threshold()));
      out.add(item(out, "D", "Watch for " + fmt(w.duration(), "24h") + " with "
          + (w.onCall() == null ? "the owning team" : w.onCall()) + " on call",
          alerts.length() == 0 ? "an alert of the service fires" : alerts.toString()));
    }
    return out;
  }

  private static String stopFor(String phase, Step s, Risk r, String lockWait, String lag) {
    if (s.action() != null && phase.equals("B")) {
      return "error rate or latency of the deployed services above the baseline";
    }
    if (phase.equals("C")) {
      return "replication lag above " + lag + ", or the backfill slower than its estimate of "
          + (s.estimatedDuration() == null ? "?" : s.estimatedDuration());
    }
    if (r != null && r.lock() != null && r.lock().blocksWrites()) {
      return "lock wait above " + lockWait + " or the step running past its estimate of "
          + r.estimatedDuration();
    }
    if (s.action() != null) {
      return "a consumer still uses the old schema";
    }
    return "the statement fails or runs past its estimate";
  }

  private static ChecklistItem item(List<ChecklistItem> sofar, String phase, String item,
      String stop) {
    return new ChecklistItem("k" + (sofar.size() + 1), phase, item, stop);
  }

  private static String fmt(Duration d, String fallback) {
    if (d == null) {
      return fallback;
    }
    return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
