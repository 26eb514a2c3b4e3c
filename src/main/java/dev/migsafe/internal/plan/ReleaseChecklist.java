package dev.migsafe.internal.plan;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Plan.ChecklistItem;
import dev.migsafe.api.Plan.Phase;
import dev.migsafe.api.Plan.Risk;
import dev.migsafe.api.Plan.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The release checklist: per phase, what to do and the condition that stops the release. What
 * verifies the cutover (the canary, the invariants of phase {@code after-cutover}) comes
 * before the point of no return the cutover leads to, while a failure can still be rolled
 * back; the checks of the end state, which only the last steps reach, come after every step.
 */
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
    Cutover cutover = Cutover.find(phases);
    for (Phase ph : phases) {
      for (Step s : ph.steps()) {
        if (cutover != null && canary && s == cutover.canaryBefore()) {
          out.add(item(out, ph.id(), canaryItem(cutover), "canary error rate or latency above "
              + "the baseline: roll back instead of going past " + cutover.step().id()));
        }
        if (cutover != null && s == cutover.step()) {
          out.add(verifyItem(out, ph.id(), p, cutover));
        }
        Risk r = risks.stream().filter(x -> x.stepId().equals(s.id())).findFirst().orElse(null);
        String stop = stopFor(ph.id(), s, r, lockWait, lag);
        out.add(item(out, ph.id(), s.id() + ": " + s.title()
            + (s.pointOfNoReturn() ? " (POINT OF NO RETURN: get the go-ahead first)" : ""),
            stop));
      }
    }
    if (cutover == null) {
      if (canary) {
        out.add(item(out, "D", "Cut over a canary first: switch reads for a small share of "
            + "traffic, watch errors and latency, then the rest",
            "canary error rate or latency above the baseline"));
      }
      out.add(item(out, "D", "Confirm the invariants of phase 'after-cutover' hold",
          "any invariant or validation of phase 'after-cutover' fails"));
    } else {
      out.add(item(out, "D", "Confirm the end state once every step ran: every validation of "
          + "phase 'after-cutover' passes, the checks of the target schema included",
          "one fails: fix forward, as the decision tree says after the point of no return"));
    }
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

  /**
   * The first point of no return after the code deployment of phase B: the one the cutover
   * leads to. A point of no return before it (an enum label added, NOT NULL dropped, in phase
   * A) comes before anything switched, so there is no cutover yet to verify. When it is the
   * COMMIT of a transaction (a swap), the cutover and the point of no return are one: the
   * canary goes before the transaction opens, and the verification inside it, before COMMIT.
   *
   * @param step the point of no return
   * @param canaryBefore the step the canary item goes before
   * @param inTransaction whether the point of no return commits a transaction
   */
  private record Cutover(Step step, Step canaryBefore, boolean inTransaction) {
    static Cutover find(List<Phase> phases) {
      for (Phase ph : phases) {
        if (ph.id().compareTo("B") <= 0) {
          continue;
        }
        List<Step> steps = ph.steps();
        for (int i = 0; i < steps.size(); i++) {
          if (!steps.get(i).pointOfNoReturn()) {
            continue;
          }
          boolean commits = false;
          int before = i;
          if (PhaseSchedule.isEnd(steps.get(i).sql())) {
            for (int k = i - 1; k >= 0 && !commits; k--) {
              if (PhaseSchedule.isBegin(steps.get(k).sql())) {
                commits = true;
                before = k;
              }
            }
          }
          // The canary belongs to the first release of the cutover phase, when it has one.
          for (int k = 0; k < before; k++) {
            if (steps.get(k).kind() == Plan.StepKind.ACTION) {
              before = k;
              break;
            }
          }
          return new Cutover(steps.get(i), steps.get(before), commits);
        }
      }
      return null;
    }
  }

  private static String canaryItem(Cutover c) {
    return "Cut over through a canary before the point of no return (" + c.step().id()
        + "): the release that switches to the new form runs on a small share of traffic "
        + "first, with errors and latency at the baseline, then on the rest";
  }

  private static ChecklistItem verifyItem(List<ChecklistItem> sofar, String phase,
      MigrationPacket p, Cutover c) {
    List<String> ids = p.invariants().stream().filter(i -> "after-cutover".equals(i.phase()))
        .map(MigrationPacket.Invariant::id).toList();
    String which = ids.isEmpty() ? "the new form (the packet gives no invariant of phase "
        + "'after-cutover')" : "the invariants of phase 'after-cutover' (" + String.join(", ", ids)
        + ")";
    String failure = ids.isEmpty() ? "the errors or latency of a consumer above the baseline"
        : "an invariant of phase 'after-cutover' fails";
    if (c.inTransaction()) {
      return item(sofar, phase, "Verify the swap before it commits at " + c.step().id()
          + ", the point of no return: in its transaction, check " + which + " and ROLLBACK if "
          + "anything is off. The transaction holds its locks meanwhile, so run only checks "
          + "that read the catalog or through an index; one that would scan the table runs "
          + "after COMMIT, where a failure is fixed forward",
          failure + " inside the transaction: ROLLBACK instead of COMMIT");
    }
    return item(sofar, phase, "Verify the cutover before the point of no return ("
        + c.step().id() + "): " + (ids.isEmpty() ? "the packet gives no invariant of phase "
            + "'after-cutover', so check the errors and latency of every consumer on the new "
            + "form" : which + " hold on the new form"),
        failure + ": roll back as the decision tree says, instead of going past " + c.step().id());
  }

  private static String stopFor(String phase, Step s, Risk r, String lockWait, String lag) {
    if (s.changeId() == null) {
      return "the statement fails";
    }
    if (s.action() != null && phase.equals("B")) {
      return "error rate or latency of the deployed services above the baseline";
    }
    if (phase.equals("C")) {
      return "replication lag above " + lag + ", or the backfill slower than its estimate of "
          + (s.estimatedDuration() == null ? "?" : DurationText.human(s.estimatedDuration()));
    }
    if (r != null && r.lock() != null && r.lock().blocksWrites()) {
      return "lock wait above " + lockWait + " or the step running past its estimate of "
          + (r.estimatedDuration() == null ? "?" : DurationText.human(r.estimatedDuration()));
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
