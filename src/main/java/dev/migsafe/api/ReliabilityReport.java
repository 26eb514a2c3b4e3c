package dev.migsafe.api;

import java.util.List;

/**
 * The answer of {@code report}: the figures of a period, by team, over the trend, with the
 * migrations behind each figure, and the catalog files skipped because they are malformed.
 *
 * @param catalog where the catalog was read from
 * @param team the team filter, or null
 * @param period the period asked for
 * @param trend the quarters before the period, oldest first, then the period itself
 * @param migrations every migration some period of the report counts, sorted by id: the
 *     records the {@code behind} lists name
 * @param teams every team of the catalog, sorted
 * @param catalogSource whose history the figures describe: {@link CatalogSource#SAMPLE} means
 *     migsafe's sample records, which output must never present as the team's
 * @param warnings the catalog's warnings ({@link Catalog#warnings()}): records counted, but to
 *     be written differently
 */
public record ReliabilityReport(
    String catalog,
    String team,
    PeriodFigures period,
    List<PeriodFigures> trend,
    List<PastMigration> migrations,
    List<String> teams,
    List<SkippedRecord> skipped,
    CatalogSource catalogSource,
    List<String> warnings) {

  public ReliabilityReport {
    trend = List.copyOf(trend);
    migrations = List.copyOf(migrations);
    teams = List.copyOf(teams);
    skipped = List.copyOf(skipped);
    java.util.Objects.requireNonNull(catalogSource, "catalogSource");
    warnings = List.copyOf(warnings);
  }

  /** A report without warnings, as before {@code warnings} existed. */
  public ReliabilityReport(String catalog, String team, PeriodFigures period,
      List<PeriodFigures> trend, List<PastMigration> migrations, List<String> teams,
      List<SkippedRecord> skipped, CatalogSource catalogSource) {
    this(catalog, team, period, trend, migrations, teams, skipped, catalogSource, List.of());
  }

  /** A report on a catalog the caller chose, as before {@code catalogSource} existed. */
  public ReliabilityReport(String catalog, String team, PeriodFigures period,
      List<PeriodFigures> trend, List<PastMigration> migrations, List<String> teams,
      List<SkippedRecord> skipped) {
    this(catalog, team, period, trend, migrations, teams, skipped, CatalogSource.EXPLICIT);
  }

  /** One period: its figures over all (filtered) teams and per team. */
  public record PeriodFigures(ReportPeriod period, Figures all, List<TeamFigures> byTeam) {
    public PeriodFigures {
      byTeam = List.copyOf(byTeam);
    }
  }

  /** One team's figures; teams without a migration in the period are left out. */
  public record TeamFigures(String team, Figures figures) {}

  /** The metrics and, for each, the ids of the migrations behind it. */
  public record Figures(ReliabilityMetrics metrics, Behind behind) {}

  /**
   * Migration ids behind each figure, sorted by id.
   *
   * @param migrations every migration counted
   * @param incidents migrations with at least one incident (also behind
   *     {@code migrationsWithIncident})
   * @param testedRollback migrations with a tested rollback
   * @param durationKnown migrations with both durations: the denominator of {@code overrunPct}
   *     and the ratios
   * @param overrun migrations that took longer than planned
   * @param durationRatioMedian the migration at the median's rank (empty when none)
   * @param durationRatioP90 the migration at the 90th percentile's rank
   * @param integrityDefects migrations with at least one integrity defect
   * @param driftHotfixes migrations with a {@code schema-drift} hotfix
   * @param rolledBack migrations rolled back
   */
  public record Behind(
      List<String> migrations,
      List<String> incidents,
      List<String> testedRollback,
      List<String> durationKnown,
      List<String> overrun,
      List<String> durationRatioMedian,
      List<String> durationRatioP90,
      List<String> integrityDefects,
      List<String> driftHotfixes,
      List<String> rolledBack) {
    public Behind {
      migrations = List.copyOf(migrations);
      incidents = List.copyOf(incidents);
      testedRollback = List.copyOf(testedRollback);
      durationKnown = List.copyOf(durationKnown);
      overrun = List.copyOf(overrun);
      durationRatioMedian = List.copyOf(durationRatioMedian);
      durationRatioP90 = List.copyOf(durationRatioP90);
      integrityDefects = List.copyOf(integrityDefects);
      driftHotfixes = List.copyOf(driftHotfixes);
      rolledBack = List.copyOf(rolledBack);
    }
  }
}
