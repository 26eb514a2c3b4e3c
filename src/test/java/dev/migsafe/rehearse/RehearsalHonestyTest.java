package dev.migsafe.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal;
import dev.migsafe.api.Rehearsal.Observation;
import dev.migsafe.api.Rehearsal.RollbackRun;
import dev.migsafe.api.Rehearsal.StepRun;
import dev.migsafe.api.Rehearsal.ValidationRun;
import dev.migsafe.internal.rehearse.RehearsalGates;
import dev.migsafe.internal.render.RehearsalMarkdownRenderer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rehearsal claims only what it saw: errors, empty evidence and far-off projections. */
class RehearsalHonestyTest {
  private static final Observation NOTHING = new Observation(List.of(), null, null, 0L,
      "in-transaction");

  private static StepRun step(String id, boolean matches, String error, Duration estimated,
      Long projected) {
    return new StepRun(id, "A", "c1", "forward", "SELECT 1", 5, 1, NOTHING, NOTHING, matches,
        List.of(), error, estimated, projected);
  }

  @Test
  void aStepThatFailedNeverMatchesThePlan() {
    StepRun failed = step("A1", true, "42P01 relation \"x\" does not exist", null, null);
    assertThat(failed.matchesPrediction()).isFalse();
    Rehearsal r = RehearsalFixture.rehearsal();
    assertThat(r.steps()).filteredOn(s -> s.error() != null)
        .allSatisfy(s -> assertThat(s.matchesPrediction()).isFalse());
    // The fixture: D2 differs from its prediction, D5 failed; they are counted apart.
    assertThat(RehearsalMarkdownRenderer.render(r))
        .contains("4 steps rehearsed, 1 differ from the plan, 1 failed;");
  }

  @Test
  void aRollbackThatRanNoStatementIsNotEvidence() {
    RollbackRun nothingUndone = new RollbackRun(true, "A1", 0, Duration.ofMinutes(5), true, null,
        true, true, List.of(), List.of(), List.of(), null, "from the last reversible point");
    List<Plan.Gate> gates = RehearsalGates.decide(List.of(
        new Plan.Gate(RehearsalGates.ROLLBACK, "pending", "needs a rehearsal")), List.of(),
        nothingUndone, null, true);
    assertThat(gates).singleElement().satisfies(g -> {
      assertThat(g.status()).isEqualTo("pending");
      assertThat(g.reason()).contains("no rollback statement ran");
    });
  }

  @Test
  void invariantsThatNeverRanAreNotEvidence() {
    // The packet's only invariant is production-only (rehearse: false): nothing ran.
    List<ValidationRun> templatesOnly = List.of(new ValidationRun("no-long-transactions-c1",
        "before", "before", "template", 0.0, 0.0, null, null, true, null));
    List<Plan.Gate> gates = RehearsalGates.decide(List.of(
        new Plan.Gate(RehearsalGates.INVARIANTS, "pending", "1 invariant")), templatesOnly,
        RehearsalFixture.rehearsal().rollback(), null, true);
    assertThat(gates).singleElement().satisfies(g -> {
      assertThat(g.status()).isEqualTo("pending");
      assertThat(g.reason()).contains("no invariant ran");
    });
  }

  @Test
  void aProjectionMoreThanThreeTimesFromTheEstimateIsFlaggedEitherWay() {
    assertThat(step("C1", true, null, Duration.ofSeconds(10), 31_000L)
        .projectionFarFromEstimate()).isTrue();
    assertThat(step("C1", true, null, Duration.ofSeconds(10), 3_200L)
        .projectionFarFromEstimate()).isTrue();
    assertThat(step("C1", true, null, Duration.ofSeconds(10), 29_000L)
        .projectionFarFromEstimate()).isFalse();
    assertThat(step("C1", true, null, null, 29_000L).projectionFarFromEstimate()).isFalse();
    // The fixture's backfill: planned 12 h 16 min, projected 9 h 12 min: within.
    // Its index build: planned 40 min, projected 20 min: within.
    String md = RehearsalMarkdownRenderer.render(RehearsalFixture.rehearsal());
    assertThat(md).doesNotContain("the estimate)");
    Rehearsal far = RehearsalFixture.rehearsal();
    Rehearsal withFar = new Rehearsal(far.packetId(), far.server(), far.data(),
        List.of(step("C1", true, null, Duration.ofMinutes(10), 3_000_000L)), far.validations(),
        far.rollback(), far.gates(), far.stopped(), far.workload(), far.notes(),
        far.endState());
    assertThat(RehearsalMarkdownRenderer.render(withFar)).contains("10m / 50m (5.0× the "
        + "estimate)");
  }
}
