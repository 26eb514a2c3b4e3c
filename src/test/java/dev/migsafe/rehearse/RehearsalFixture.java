package dev.migsafe.rehearse;

import dev.migsafe.api.LockMode;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal;
import dev.migsafe.api.Rehearsal.Observation;
import dev.migsafe.api.TableLock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed rehearsal for the renderers' golden files: one matching step, one that differs from
 * its prediction, a failed invariant, an executed rollback that did not restore the schema, an
 * end state with a declared and an undeclared difference, and text with markup where packets
 * put their own words.
 */
public final class RehearsalFixture {
  private RehearsalFixture() {}

  public static Rehearsal rehearsal() {
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("merchants", 2_000L);
    rows.put("payments", 10_000L);
    List<TableLock> ae = List.of(new TableLock("payments", LockMode.ACCESS_EXCLUSIVE));
    List<TableLock> sue = List.of(new TableLock("payments", LockMode.SHARE_UPDATE_EXCLUSIVE));
    return new Rehearsal("payments-provider-reference",
        new Rehearsal.Server("17.5", true, "database migsafe_rehearsal on an embedded server"),
        new Rehearsal.Data("synthetic", rows, 840),
        List.of(
            new Rehearsal.StepRun("A2", "A", "c1", "forward",
                "ALTER TABLE \"payments\" ADD COLUMN \"provider_reference\" text", 4, 1,
                new Observation(ae, false, false, null, "plan"),
                new Observation(ae, false, false, 3L, "in-transaction"), true, List.of(), null,
                Duration.ofMillis(100), null),
            new Rehearsal.StepRun("C1", "C", "c1", "forward",
                "UPDATE \"payments\" SET \"provider_reference\" = \"psp_reference\" WHERE ...",
                1_250, 3, new Observation(List.of(new TableLock("payments",
                    LockMode.ROW_EXCLUSIVE)), false, false, null, "plan"),
                new Observation(List.of(new TableLock("payments", LockMode.ROW_EXCLUSIVE)), false,
                    null, 12L, "in-transaction"), true, List.of(), null,
                Duration.parse("PT12H16M15S"), 33_150_000L),
            new Rehearsal.StepRun("D2", "D", "c1", "forward",
                "CREATE INDEX CONCURRENTLY \"payments_ref_idx\" ON \"payments\" (\"ref\")", 95, 1,
                new Observation(ae, false, false, null, "plan"),
                new Observation(sue, false, null, 0L, "sampled"), false,
                List.of("payments: predicted ACCESS EXCLUSIVE, observed SHARE UPDATE EXCLUSIVE"),
                null, Duration.ofMinutes(40), 1_200_000L),
            new Rehearsal.StepRun("D5", "D", "c1", "forward-fix",
                "ALTER TABLE \"payments\" DROP COLUMN \"psp_reference\"", 2, 1,
                new Observation(ae, false, false, null, "plan"),
                new Observation(List.of(), false, null, 0L, "in-transaction"), true, List.of(),
                "55P03 canceling statement due to lock timeout", Duration.ofMillis(100), null)),
        List.of(
            new Rehearsal.ValidationRun("reference-copied", "after-backfill", "after-backfill",
                "invariant", 0.0, 0.0, null, null, true, null),
            new Rehearsal.ValidationRun("<script>alert(1)</script>", "always", "before",
                "invariant", 7.0, null, 0.0, 5.0, false, null),
            new Rehearsal.ValidationRun("c1-schema", "after-cutover", "after-cutover", "change",
                null, 1.0, null, null, false, "42703 column \"x\" does not exist")),
        new Rehearsal.RollbackRun(true, "C1", 37, Duration.ofMinutes(30), true, 41L, false, true,
            List.of(new Rehearsal.RollbackStatement("c1", "expand-contract-column",
                "ALTER TABLE \"payments\" DROP COLUMN \"provider_reference\"", 5, 1, null)),
            List.of("payments.note: missing column <b>note</b>"),
            List.of("payments.psp_reference: expected NOT NULL, found nullable (step A1, which "
                + "the playbook does not undo)"), null,
            "from the last reversible point, along the decision trees' rollback"),
        List.of(new Plan.Gate("invariants-before-and-after", "failed",
                "invariant failed: <script>alert(1)</script> before (returned 7, expected >= 0 "
                    + "and <= 5)"),
            new Plan.Gate("rollback-executable-and-time-bounded", "failed",
                "rollback from C1: the schema was not restored"),
            new Plan.Gate("consumers-acknowledged", "passed", "every affected consumer's owner "
                + "has acknowledged the change")),
        new Rehearsal.Stop("D5", "step D5 failed: 55P03 canceling statement due to lock timeout"),
        new Rehearsal.WorkloadSummary(true, "payments: 50 reads/s, 50 writes/s", 4_210, 0, 12),
        List.of("Phase B is application code and was not rehearsed; steps that are actions for "
            + "people (deployments, waits) were skipped.", "A note with <img src=x> markup."),
        new Rehearsal.EndState(true, false, "1 difference from the target schema that the plan "
            + "does not declare: the playbook does not reach its target", List.of(
                new Rehearsal.EndStateDifference("column-nullability",
                    "payments.provider_reference", "NOT NULL", "nullable",
                    "payments.provider_reference: expected NOT NULL, found nullable", true,
                    "SET NOT NULL would scan <payments> under ACCESS EXCLUSIVE"),
                new Rehearsal.EndStateDifference("missing-index",
                    "payments.payments_provider_reference_key",
                    "CREATE UNIQUE INDEX payments_provider_reference_key ON payments USING btree"
                        + " (provider_reference)", null,
                    "payments.payments_provider_reference_key: index is missing", false,
                    null))));
  }
}
