package dev.migsafe.internal.render;

import dev.migsafe.api.ReliabilityMetrics;
import dev.migsafe.api.ReliabilityReport.Behind;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The report's figures in contract order (catalog-v1.md), with how each is named, printed and
 * which migrations stand behind it; every report format walks this one list.
 */
enum ReportMetric {
  MIGRATIONS("migrations", "Migrations", Kind.COUNT, ReliabilityMetrics::migrations,
      Behind::migrations),
  INCIDENTS("incidents", "Incidents", Kind.COUNT, ReliabilityMetrics::incidents,
      Behind::incidents),
  MIGRATIONS_WITH_INCIDENT("migrationsWithIncident", "Migrations with an incident", Kind.COUNT,
      ReliabilityMetrics::migrationsWithIncident, Behind::incidents),
  TESTED_ROLLBACK_PCT("testedRollbackPct", "Tested rollback (%)", Kind.PCT,
      ReliabilityMetrics::testedRollbackPct, Behind::testedRollback),
  OVERRUN_PCT("overrunPct", "Over the planned window (%)", Kind.PCT,
      ReliabilityMetrics::overrunPct, Behind::overrun),
  DURATION_RATIO_MEDIAN("durationRatioMedian", "Duration / window, median", Kind.RATIO,
      ReliabilityMetrics::durationRatioMedian, Behind::durationRatioMedian),
  DURATION_RATIO_P90("durationRatioP90", "Duration / window, p90", Kind.RATIO,
      ReliabilityMetrics::durationRatioP90, Behind::durationRatioP90),
  INTEGRITY_DEFECTS("integrityDefects", "Integrity defects", Kind.COUNT,
      ReliabilityMetrics::integrityDefects, Behind::integrityDefects),
  INTEGRITY_DEFECT_RATE_PCT("integrityDefectRatePct", "Integrity defect rate (%)", Kind.PCT,
      ReliabilityMetrics::integrityDefectRatePct, Behind::integrityDefects),
  DRIFT_HOTFIXES("driftHotfixes", "Schema-drift hotfixes", Kind.COUNT,
      ReliabilityMetrics::driftHotfixes, Behind::driftHotfixes),
  ROLLED_BACK("rolledBack", "Rolled back", Kind.COUNT, ReliabilityMetrics::rolledBack,
      Behind::rolledBack);

  /** How a figure is printed: counts as integers, percentages with one decimal, ratios two. */
  enum Kind { COUNT, PCT, RATIO }

  final String key;
  final String label;
  final Kind kind;
  private final ToDoubleFunction<ReliabilityMetrics> value;
  private final Function<Behind, List<String>> behind;

  ReportMetric(String key, String label, Kind kind, ToDoubleFunction<ReliabilityMetrics> value,
      Function<Behind, List<String>> behind) {
    this.key = key;
    this.label = label;
    this.kind = kind;
    this.value = value;
    this.behind = behind;
  }

  double value(ReliabilityMetrics m) {
    return value.applyAsDouble(m);
  }

  List<String> behind(Behind b) {
    return behind.apply(b);
  }

  /** {@code 3}, {@code 66.7}, {@code 1.25}: the same text in md, csv and html. */
  String format(ReliabilityMetrics m) {
    double v = value(m);
    return switch (kind) {
      case COUNT -> Long.toString((long) v);
      case PCT -> String.format(Locale.ROOT, "%.1f", v);
      case RATIO -> String.format(Locale.ROOT, "%.2f", v);
    };
  }

  /** The anchor-safe name of the list behind this figure. */
  String behindKey() {
    return switch (this) {
      case MIGRATIONS_WITH_INCIDENT -> "incidents";
      case TESTED_ROLLBACK_PCT -> "testedRollback";
      case OVERRUN_PCT -> "overrun";
      case INTEGRITY_DEFECT_RATE_PCT -> "integrityDefects";
      default -> key;
    };
  }
}
