package dev.migsafe.internal.report;

import dev.migsafe.api.Catalog;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.PastMigration;
import dev.migsafe.api.ReliabilityReport;
import dev.migsafe.api.ReliabilityReport.PeriodFigures;
import dev.migsafe.api.ReliabilityReport.TeamFigures;
import dev.migsafe.api.ReportPeriod;
import dev.migsafe.api.ReportQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the reliability report of a catalog: the period, the quarters before it for the
 * trend, a breakdown by team in each, and the catalog's malformed records.
 */
public final class ReliabilityReporter {
  private ReliabilityReporter() {}

  public static ReliabilityReport report(Catalog catalog, ReportQuery query) {
    TreeSet<String> teams = new TreeSet<>();
    for (PastMigration m : catalog.migrations()) {
      teams.add(m.team());
    }
    if (query.team() != null && !teams.contains(query.team())) {
      throw MigsafeException.badInput("--team '" + query.team() + "' is not a team of the "
          + "catalog " + catalog.location() + (teams.isEmpty() ? " (it has no migrations)"
          : "; its teams: " + String.join(", ", teams)));
    }
    List<ReportPeriod> periods = trendPeriods(query.period(), query.quarters());
    ReportPeriod first = periods.get(0);
    ReportPeriod last = query.period();
    List<PastMigration> sorted = new ArrayList<>();
    for (PastMigration m : catalog.migrations()) {
      if ((query.team() == null || query.team().equals(m.team()))
          && !m.date().isBefore(first.from()) && !m.date().isAfter(last.to())) {
        sorted.add(m);
      }
    }
    sorted.sort(Comparator.comparing(PastMigration::id));
    List<PeriodFigures> trend = new ArrayList<>(periods.size());
    List<PastMigration> counted = new ArrayList<>();
    for (ReportPeriod p : periods) {
      List<PastMigration> in = new ArrayList<>();
      for (PastMigration m : sorted) {
        if (p.contains(m.date())) {
          in.add(m);
        }
      }
      trend.add(figures(p, in));
    }
    for (PastMigration m : sorted) {
      for (ReportPeriod p : periods) {
        if (p.contains(m.date())) {
          counted.add(m);
          break;
        }
      }
    }
    return new ReliabilityReport(catalog.location(), query.team(), trend.get(trend.size() - 1),
        trend, counted, List.copyOf(teams), catalog.skipped(), catalog.source(),
        catalog.warnings());
  }

  /** The quarters before the period, oldest first, then the period: {@code n} in all. */
  public static List<ReportPeriod> trendPeriods(ReportPeriod period, int n) {
    List<ReportPeriod> out = new ArrayList<>(n);
    out.add(period);
    ReportPeriod p = period;
    while (out.size() < n) {
      p = p.previousQuarter();
      out.add(0, p);
    }
    return out;
  }

  static PeriodFigures figures(ReportPeriod period, List<PastMigration> migrations) {
    Map<String, List<PastMigration>> byTeam = new TreeMap<>();
    for (PastMigration m : migrations) {
      byTeam.computeIfAbsent(m.team(), t -> new ArrayList<>()).add(m);
    }
    List<TeamFigures> teams = new ArrayList<>(byTeam.size());
    for (Map.Entry<String, List<PastMigration>> e : new LinkedHashMap<>(byTeam).entrySet()) {
      teams.add(new TeamFigures(e.getKey(), ReliabilityFigures.of(e.getValue())));
    }
    return new PeriodFigures(period, ReliabilityFigures.of(migrations), teams);
  }
}
