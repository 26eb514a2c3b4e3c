package dev.migsafe.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.MigrationPacket.TableProfile;
import dev.migsafe.api.Severity;
import dev.migsafe.internal.model.TableScale;
import dev.migsafe.internal.plan.WorkloadSeverity;
import dev.migsafe.internal.similar.SizeClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One set of thresholds for large, hot and small tables, as docs/plan-model.md states them. */
class TableScaleTest {

  private static TableProfile profile(Long rows, Double gb, Double writes) {
    return new TableProfile(rows, gb, writes, null, null);
  }

  @Test
  void largeIsAGigabyteOrAMillionRows() {
    assertThat(TableScale.isLarge(999_999, 0.99)).isFalse();
    assertThat(TableScale.isLarge(1_000_000, 0)).isTrue();
    assertThat(TableScale.isLarge(0, 1.0)).isTrue();
    assertThat(TableScale.isLarge(profile(null, null, 500.0))).isFalse();
    assertThat(TableScale.isLarge(profile(2_000_000L, null, null))).isTrue();
  }

  @Test
  void hotIsFiftyWritesASecond() {
    assertThat(TableScale.isHot(49.9)).isFalse();
    assertThat(TableScale.isHot(50)).isTrue();
    assertThat(TableScale.isHot(profile(1L, 1.0, null))).isFalse();
  }

  @Test
  void smallNeedsEveryFigureSmallAndAnUnknownSizeIsNotSmall() {
    assertThat(TableScale.isSmall(profile(100_000L, 0.1, 10.0))).isTrue();
    assertThat(TableScale.isSmall(profile(100_000L, 0.1, null))).isTrue();
    assertThat(TableScale.isSmall(profile(100_001L, 0.1, 10.0))).isFalse();
    assertThat(TableScale.isSmall(profile(100L, 0.1, 10.5))).isFalse();
    assertThat(TableScale.isSmall(profile(100L, null, 1.0))).isFalse();
  }

  @Test
  void workloadSeverityUsesTheSameLargeAndHot() {
    // Large by rows alone (0.5 GB) and hot: plan calls it large, so severity scaling does too.
    Map<String, TableProfile> busy = Map.of("t", profile(5_000_000L, 0.5, 100.0));
    assertThat(WorkloadSeverity.scale(Severity.HIGH, List.of("t"), busy))
        .isEqualTo(Severity.BLOCKER);
    Map<String, TableProfile> quietLarge = Map.of("t", profile(5_000_000L, 5.0, 49.0));
    assertThat(WorkloadSeverity.scale(Severity.HIGH, List.of("t"), quietLarge))
        .isEqualTo(Severity.HIGH);
    Map<String, TableProfile> small = Map.of("t", profile(1_000L, 0.01, 1.0));
    assertThat(WorkloadSeverity.scale(Severity.HIGH, List.of("t"), small))
        .isEqualTo(Severity.LOW);
  }

  @Test
  void sizeClassesStartWherePlanCallsATableLarge() {
    assertThat(SizeClass.ofRows(TableScale.LARGE_ROWS - 1)).isEqualTo(SizeClass.SMALL);
    assertThat(SizeClass.ofRows(TableScale.LARGE_ROWS)).isEqualTo(SizeClass.MEDIUM);
    assertThat(SizeClass.ofRows(10_000_000)).isEqualTo(SizeClass.LARGE);
    assertThat(SizeClass.ofRows(100_000_000)).isEqualTo(SizeClass.HUGE);
  }
}
