package dev.migsafe.internal.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.LockMode;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal.Observation;
import dev.migsafe.api.Rehearsal.StepRun;
import dev.migsafe.api.TableLock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed projections of measured step durations to production's row counts. */
class ProjectionTest {
  private static final Map<String, Long> REHEARSAL_ROWS = Map.of("orders", 100_000L);

  private static MigrationPacket packet(Long batchSize, Duration pause) {
    return new MigrationPacket(null, "p", null, "o", List.of(), "postgresql", "16", null,
        new MigrationPacket.SchemaTexts("", "", null, null), List.of(), List.of(), List.of(),
        Map.of("orders", new MigrationPacket.TableProfile(50_000_000L, 20.0, 10.0, 10.0, false)),
        null, List.of(), null, List.of(), new MigrationPacket.Backfill(batchSize, pause), null);
  }

  private static Plan.Step step(String sql, boolean batched) {
    return new Plan.Step("C1", "c1", "t", sql, null, false, null, false, "any",
        Duration.ofHours(2), null, batched);
  }

  private static StepRun run(long ms, int batches, boolean rewrites, boolean scans) {
    Observation predicted = new Observation(List.of(new TableLock("orders",
        LockMode.ACCESS_EXCLUSIVE)), rewrites, scans, null, "plan");
    return new StepRun("C1", "C", "c1", "forward", "x", ms, batches, predicted, predicted, true,
        List.of(), null, null, null);
  }

  @Test
  void aRewriteScalesWithTheRows() {
    StepRun r = Projection.of(run(400, 1, true, false),
        step("ALTER TABLE orders ALTER COLUMN total TYPE bigint", false),
        packet(null, null), REHEARSAL_ROWS, 50);
    // 400 ms for 100,000 rows -> 50,000,000 rows: x500.
    assertThat(r.projectedMs()).isEqualTo(200_000L);
    assertThat(r.estimated()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void aBackfillCountsItsWorkAndProductionsPausesApart() {
    // 21 runs (20 of 5,000 rows and one that changes none) took 1,800 ms with 20 pauses of 50 ms:
    // 800 ms of work for 100,000 rows -> 400,000 ms for 50 M rows, plus 10,000 pauses of 200 ms.
    StepRun r = Projection.of(run(1_800, 21, false, false),
        step("UPDATE orders SET a = b WHERE id IN (SELECT id FROM orders LIMIT 5000)", true),
        packet(5_000L, Duration.ofMillis(200)), REHEARSAL_ROWS, 50);
    assertThat(r.projectedMs()).isEqualTo(400_000L + 10_000L * 200);
  }

  @Test
  void aCopyBackThatFoundNothingToCopyScalesItsSearchButPausesNever() {
    // One run that changed no row: the search for diverging rows still reads the whole table.
    assertThat(Projection.projectMs(packet(5_000L, Duration.ofMillis(200)), "orders",
        REHEARSAL_ROWS, 8, 1, 50, true)).isEqualTo(4_000L);
  }

  @Test
  void aCatalogOnlyChangeIsNotProjected() {
    StepRun r = Projection.of(run(3, 1, false, false),
        step("ALTER TABLE orders ADD COLUMN note text", false), packet(null, null),
        REHEARSAL_ROWS, 50);
    assertThat(r.projectedMs()).isNull();
    assertThat(r.estimated()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void anIndexBuildIsProjectedEvenThoughItNeitherRewritesNorScansInLintsSense() {
    StepRun r = Projection.of(run(90, 1, false, false),
        step("CREATE INDEX CONCURRENTLY orders_a_idx ON orders (a)", false), packet(null, null),
        REHEARSAL_ROWS, 50);
    assertThat(r.projectedMs()).isEqualTo(45_000L);
  }
}
