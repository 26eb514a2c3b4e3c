package dev.migsafe.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migsafe.api.Catalog;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.PastMigration;
import dev.migsafe.api.PastMigration.Hotfix;
import dev.migsafe.api.PastMigration.Incident;
import dev.migsafe.api.PastMigration.Outcome;
import dev.migsafe.api.PastMigration.Rollback;
import dev.migsafe.api.ReliabilityMetrics;
import dev.migsafe.api.ReliabilityReport;
import dev.migsafe.api.ReliabilityReport.Figures;
import dev.migsafe.api.ReportPeriod;
import dev.migsafe.api.ReportQuery;
import dev.migsafe.internal.report.ReliabilityFigures;
import dev.migsafe.internal.report.ReliabilityReporter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per metric of catalog-v1.md, each with figures worked out by hand in its comment,
 * and the edge cases: no actualDuration, an empty period, quarter boundaries, several incidents
 * in one migration, nearest-rank percentiles on small sets, half-up rounding.
 */
class ReliabilityFiguresTest {
  private static final Incident INCIDENT = new Incident("sev2", "lock-contention", 10, "queued");
  private static final Hotfix DRIFT = new Hotfix("schema-drift", LocalDate.of(2026, 7, 2), "x");
  private static final Hotfix OTHER = new Hotfix("missing-index", LocalDate.of(2026, 7, 2), "y");

  /** A plain successful migration in Q3 2026; tests change what they measure. */
  private static PastMigration m(String id) {
    return new PastMigration(id, "t " + id, "team-a", "postgresql", "15",
        LocalDate.of(2026, 8, 1), null, List.of("orders"), List.of("add-column"), null, null,
        null, null, null, new Outcome("success", List.of(), 0, List.of()), null);
  }

  private static PastMigration with(PastMigration m, Duration planned, Duration actual) {
    return new PastMigration(m.id(), m.title(), m.team(), m.dialect(), m.engineVersion(),
        m.date(), m.summary(), m.tables(), m.changes(), m.sql(), m.tableRows(), planned, actual,
        m.rollback(), m.outcome(), m.lessons());
  }

  private static PastMigration with(PastMigration m, Rollback r) {
    return new PastMigration(m.id(), m.title(), m.team(), m.dialect(), m.engineVersion(),
        m.date(), m.summary(), m.tables(), m.changes(), m.sql(), m.tableRows(),
        m.plannedWindow(), m.actualDuration(), r, m.outcome(), m.lessons());
  }

  private static PastMigration with(PastMigration m, Outcome o) {
    return new PastMigration(m.id(), m.title(), m.team(), m.dialect(), m.engineVersion(),
        m.date(), m.summary(), m.tables(), m.changes(), m.sql(), m.tableRows(),
        m.plannedWindow(), m.actualDuration(), m.rollback(), o, m.lessons());
  }

  private static PastMigration on(PastMigration m, LocalDate date, String team) {
    return new PastMigration(m.id(), m.title(), team, m.dialect(), m.engineVersion(), date,
        m.summary(), m.tables(), m.changes(), m.sql(), m.tableRows(), m.plannedWindow(),
        m.actualDuration(), m.rollback(), m.outcome(), m.lessons());
  }

  private static PastMigration timed(String id, int plannedMinutes, int actualMinutes) {
    return with(m(id), Duration.ofMinutes(plannedMinutes), Duration.ofMinutes(actualMinutes));
  }

  private static ReliabilityMetrics metrics(PastMigration... ms) {
    return ReliabilityFigures.of(List.of(ms)).metrics();
  }

  @Test
  void migrationsCountsTheRecordsGiven() {
    Figures f = ReliabilityFigures.of(List.of(m("a"), m("b"), m("c")));
    assertThat(f.metrics().migrations()).isEqualTo(3);
    assertThat(f.behind().migrations()).containsExactly("a", "b", "c");
  }

  @Test
  void incidentsCountsEveryEntryAndMigrationsWithIncidentEachMigrationOnce() {
    // a: three incidents, b: one, c: none -> incidents 4, migrationsWithIncident 2
    PastMigration a = with(m("a"), new Outcome("incident", List.of(INCIDENT, INCIDENT, INCIDENT),
        0, List.of()));
    PastMigration b = with(m("b"), new Outcome("incident", List.of(INCIDENT), 0, List.of()));
    Figures f = ReliabilityFigures.of(List.of(a, b, m("c")));
    assertThat(f.metrics().incidents()).isEqualTo(4);
    assertThat(f.metrics().migrationsWithIncident()).isEqualTo(2);
    assertThat(f.behind().incidents()).containsExactly("a", "b");
  }

  @Test
  void testedRollbackPctOverAllMigrationsWithoutRollbackCountingAsUntested() {
    // tested: a; planned only: b; no rollback recorded: c -> 100 x 1 / 3 = 33.3
    PastMigration a = with(m("a"), new Rollback(true, true, false));
    PastMigration b = with(m("b"), new Rollback(true, false, false));
    Figures f = ReliabilityFigures.of(List.of(a, b, m("c")));
    assertThat(f.metrics().testedRollbackPct()).isEqualTo(33.3);
    assertThat(f.behind().testedRollback()).containsExactly("a");
    // two of three: 66.666... rounds half-up to 66.7
    assertThat(metrics(a, with(b, new Rollback(true, true, false)), m("c")).testedRollbackPct())
        .isEqualTo(66.7);
  }

  @Test
  void overrunPctOnlyOverMigrationsWithBothDurations() {
    // a 90/60 overran, b 60/60 did not (equal is not over), c 30/60 did not, d has no
    // actualDuration and is left out of the denominator: 100 x 1 / 3 = 33.3
    PastMigration d = with(m("d"), Duration.ofMinutes(60), null);
    Figures f = ReliabilityFigures.of(List.of(timed("a", 60, 90), timed("b", 60, 60),
        timed("c", 60, 30), d));
    assertThat(f.metrics().overrunPct()).isEqualTo(33.3);
    assertThat(f.behind().overrun()).containsExactly("a");
    assertThat(f.behind().durationKnown()).containsExactly("a", "b", "c");
  }

  @Test
  void recordWithoutActualDurationCountsEverywhereButTheDurationFigures() {
    PastMigration d = with(m("d"), Duration.ofMinutes(60), null);
    ReliabilityMetrics r = metrics(d);
    assertThat(r.migrations()).isEqualTo(1);
    assertThat(r.overrunPct()).isZero();
    assertThat(r.durationRatioMedian()).isZero();
    assertThat(r.durationRatioP90()).isZero();
  }

  @Test
  void durationRatioMedianIsTheNearestRank() {
    // ratios 0.5, 1.0, 1.5, 2.0: nearest rank ceil(0.5 x 4) = 2 -> 1.0 (no averaging)
    Figures f = ReliabilityFigures.of(List.of(timed("a", 60, 120), timed("b", 60, 30),
        timed("c", 60, 90), timed("d", 60, 60)));
    assertThat(f.metrics().durationRatioMedian()).isEqualTo(1.0);
    assertThat(f.behind().durationRatioMedian()).containsExactly("d");
    // five ratios: rank ceil(2.5) = 3 -> 1.5
    assertThat(metrics(timed("a", 60, 120), timed("b", 60, 30), timed("c", 60, 90),
        timed("d", 60, 60), timed("e", 60, 180)).durationRatioMedian()).isEqualTo(1.5);
  }

  @Test
  void durationRatioP90IsTheNearestRankOnSmallSets() {
    // ten ratios 0.1 .. 1.0: rank ceil(0.9 x 10) = 9 exactly (no floating point 9.000001)
    List<PastMigration> ten = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      ten.add(timed("m" + i, 100, 10 * i));
    }
    Figures f = ReliabilityFigures.of(ten);
    assertThat(f.metrics().durationRatioP90()).isEqualTo(0.9);
    assertThat(f.behind().durationRatioP90()).containsExactly("m9");
    // seven ratios: rank ceil(6.3) = 7, the largest
    assertThat(ReliabilityFigures.of(ten.subList(0, 7)).metrics().durationRatioP90())
        .isEqualTo(0.7);
    // one ratio: rank 1 for both
    ReliabilityMetrics one = metrics(timed("a", 40, 50));
    assertThat(one.durationRatioP90()).isEqualTo(1.25);
    assertThat(one.durationRatioMedian()).isEqualTo(1.25);
  }

  @Test
  void ratiosRoundHalfUpToTwoDecimals() {
    // 67.5 / 60 = 1.125 exactly -> 1.13; 40 / 30 = 1.333.. -> 1.33; 50 / 30 = 1.666.. -> 1.67
    PastMigration a = with(m("a"), Duration.ofMinutes(60), Duration.ofSeconds(4050));
    assertThat(metrics(a).durationRatioMedian()).isEqualTo(1.13);
    assertThat(metrics(timed("b", 30, 40)).durationRatioMedian()).isEqualTo(1.33);
    assertThat(metrics(timed("c", 30, 50)).durationRatioMedian()).isEqualTo(1.67);
  }

  @Test
  void percentagesRoundHalfUpToOneDecimal() {
    assertThat(ReliabilityFigures.pct(1, 8)).isEqualTo(12.5);   // exactly 12.5
    assertThat(ReliabilityFigures.pct(1, 16)).isEqualTo(6.3);   // 6.25 -> 6.3, half-up
    assertThat(ReliabilityFigures.pct(1, 3)).isEqualTo(33.3);
    assertThat(ReliabilityFigures.pct(2, 3)).isEqualTo(66.7);
    assertThat(ReliabilityFigures.pct(1, 7)).isEqualTo(14.3);   // 14.2857..
    assertThat(ReliabilityFigures.pct(0, 0)).isEqualTo(0.0);
  }

  @Test
  void integrityDefectsSumAndRateCountsMigrations() {
    // a: 3 defects, b: 1, c and d: 0 -> sum 4, rate 100 x 2 / 4 = 50.0
    PastMigration a = with(m("a"), new Outcome("success", List.of(), 3, List.of()));
    PastMigration b = with(m("b"), new Outcome("success", List.of(), 1, List.of()));
    Figures f = ReliabilityFigures.of(List.of(a, b, m("c"), m("d")));
    assertThat(f.metrics().integrityDefects()).isEqualTo(4);
    assertThat(f.metrics().integrityDefectRatePct()).isEqualTo(50.0);
    assertThat(f.behind().integrityDefects()).containsExactly("a", "b");
  }

  @Test
  void driftHotfixesCountOnlySchemaDriftEntries() {
    // a: two drift and one other, b: one other -> 2
    PastMigration a = with(m("a"), new Outcome("success", List.of(), 0,
        List.of(DRIFT, OTHER, DRIFT)));
    PastMigration b = with(m("b"), new Outcome("success", List.of(), 0, List.of(OTHER)));
    Figures f = ReliabilityFigures.of(List.of(a, b));
    assertThat(f.metrics().driftHotfixes()).isEqualTo(2);
    assertThat(f.behind().driftHotfixes()).containsExactly("a");
  }

  @Test
  void rolledBackCountsTheStatusNotTheExecutedFlag() {
    // a rolled back; b executed its rollback plan but its status is aborted -> 1
    PastMigration a = with(m("a"), new Outcome("rolled-back", List.of(), 0, List.of()));
    PastMigration b = with(with(m("b"), new Rollback(true, true, true)),
        new Outcome("aborted", List.of(), 0, List.of()));
    Figures f = ReliabilityFigures.of(List.of(a, b));
    assertThat(f.metrics().rolledBack()).isEqualTo(1);
    assertThat(f.behind().rolledBack()).containsExactly("a");
  }

  @Test
  void emptyPeriodReportsZerosAndSaysSo() {
    ReliabilityMetrics r = metrics();
    assertThat(r).isEqualTo(ReliabilityMetrics.ZERO);
    assertThat(r.empty()).isTrue();
  }

  @Test
  void quarterBoundaryDatesFallInTheirOwnQuarter() {
    PastMigration sep30 = on(m("sep30"), LocalDate.of(2026, 9, 30), "team-a");
    PastMigration oct1 = on(m("oct1"), LocalDate.of(2026, 10, 1), "team-a");
    PastMigration jul1 = on(m("jul1"), LocalDate.of(2026, 7, 1), "team-a");
    PastMigration jun30 = on(m("jun30"), LocalDate.of(2026, 6, 30), "team-a");
    Catalog c = new Catalog("test", List.of(jun30, jul1, oct1, sep30), List.of(), List.of());
    ReliabilityReport q3 = ReliabilityReporter.report(c, ReportQuery.of(
        ReportPeriod.quarter("2026-Q3")));
    assertThat(q3.period().all().behind().migrations()).containsExactly("jul1", "sep30");
    ReliabilityReport q4 = ReliabilityReporter.report(c, ReportQuery.of(
        ReportPeriod.quarter("2026-Q4")));
    assertThat(q4.period().all().behind().migrations()).containsExactly("oct1");
    assertThat(q4.trend()).extracting(p -> p.period().label())
        .containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
    assertThat(q4.trend().get(1).all().behind().migrations()).containsExactly("jun30");
    // a range is inclusive at both ends
    ReliabilityReport range = ReliabilityReporter.report(c, ReportQuery.of(
        ReportPeriod.range(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 1))));
    assertThat(range.period().all().behind().migrations()).containsExactly("oct1", "sep30");
    assertThat(range.period().period().label()).isEqualTo("2026-09-30..2026-10-01");
  }

  @Test
  void quarterLabelsAndTheirDays() {
    ReportPeriod q = ReportPeriod.quarter("2026-Q3");
    assertThat(q.from()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(q.to()).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(ReportPeriod.quarter("2024-Q1").to()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(ReportPeriod.quarter("2026-Q1").previousQuarter().label()).isEqualTo("2025-Q4");
    assertThat(ReportPeriod.range(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)).label())
        .as("a range that is exactly a quarter is named as one").isEqualTo("2026-Q2");
    for (String bad : List.of("2026-Q5", "2026-Q0", "2026Q3", "Q3-2026", "2026-Q99999999999")) {
      assertThatThrownBy(() -> ReportPeriod.quarter(bad)).isInstanceOf(MigsafeException.class)
          .hasMessageContaining("'" + bad + "' is not a quarter");
    }
  }

  @Test
  void teamFilterAndBreakdown() {
    PastMigration a = on(m("a"), LocalDate.of(2026, 8, 1), "team-a");
    PastMigration b = on(m("b"), LocalDate.of(2026, 8, 2), "team-b");
    PastMigration b2 = on(m("b2"), LocalDate.of(2026, 8, 3), "team-b");
    Catalog c = new Catalog("test", List.of(a, b, b2), List.of(), List.of());
    ReliabilityReport all = ReliabilityReporter.report(c, ReportQuery.of(
        ReportPeriod.quarter("2026-Q3")));
    assertThat(all.period().byTeam()).extracting(t -> t.team() + "=" + t.figures().metrics()
        .migrations()).containsExactly("team-a=1", "team-b=2");
    ReliabilityReport onlyB = ReliabilityReporter.report(c, new ReportQuery(
        ReportPeriod.quarter("2026-Q3"), "team-b", 2));
    assertThat(onlyB.period().all().behind().migrations()).containsExactly("b", "b2");
    assertThat(onlyB.trend()).hasSize(2);
    assertThatThrownBy(() -> ReliabilityReporter.report(c, new ReportQuery(
        ReportPeriod.quarter("2026-Q3"), "team-z", 4))).isInstanceOf(MigsafeException.class)
        .hasMessageContaining("--team 'team-z' is not a team").hasMessageContaining("team-a, team-b");
  }
}
