package dev.migsafe.internal.report;

import dev.migsafe.api.PastMigration;
import dev.migsafe.api.ReliabilityMetrics;
import dev.migsafe.api.ReliabilityReport.Behind;
import dev.migsafe.api.ReliabilityReport.Figures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The metrics of catalog-v1.md over one set of past migrations, with the ids behind each.
 * Rounding is half-up on the exact fraction (never on an already rounded double), so that
 * 2/3 is 66.7 and a ratio of 1.125 is 1.13.
 */
public final class ReliabilityFigures {
  /** The hotfix cause that counts as a drift hotfix. */
  public static final String SCHEMA_DRIFT = "schema-drift";
  static final String ROLLED_BACK = "rolled-back";

  private ReliabilityFigures() {}

  /** {@code migrations} in id order gives every behind list in id order. */
  public static Figures of(List<PastMigration> migrations) {
    List<String> all = new ArrayList<>(migrations.size());
    List<String> withIncident = new ArrayList<>();
    List<String> tested = new ArrayList<>();
    List<String> overrun = new ArrayList<>();
    List<String> defective = new ArrayList<>();
    List<String> drift = new ArrayList<>();
    List<String> rolledBack = new ArrayList<>();
    List<PastMigration> timed = new ArrayList<>();
    int incidents = 0;
    int defects = 0;
    int driftHotfixes = 0;
    for (PastMigration m : migrations) {
      all.add(m.id());
      PastMigration.Outcome o = m.outcome();
      if (o != null) {
        incidents += o.incidents().size();
        if (!o.incidents().isEmpty()) {
          withIncident.add(m.id());
        }
        defects += o.integrityDefects();
        if (o.integrityDefects() > 0) {
          defective.add(m.id());
        }
        int d = 0;
        for (PastMigration.Hotfix h : o.hotfixes()) {
          if (SCHEMA_DRIFT.equals(h.cause())) {
            d++;
          }
        }
        if (d > 0) {
          driftHotfixes += d;
          drift.add(m.id());
        }
        if (ROLLED_BACK.equals(o.status())) {
          rolledBack.add(m.id());
        }
      }
      if (m.rollback() != null && m.rollback().tested()) {
        tested.add(m.id());
      }
      if (m.plannedWindow() != null && m.actualDuration() != null) {
        timed.add(m);
        if (m.overran()) {
          overrun.add(m.id());
        }
      }
    }
    int n = all.size();
    // Each ratio is computed once, not in every comparison: 100,000 records sort in ms.
    List<Ranked> byRatio = new ArrayList<>(timed.size());
    for (PastMigration m : timed) {
      byRatio.add(new Ranked(exactRatio(m), m));
    }
    byRatio.sort(Comparator.comparing(Ranked::ratio)
        .thenComparing(r -> r.migration().id()));
    PastMigration median = migration(nearestRank(byRatio, 50));
    PastMigration p90 = migration(nearestRank(byRatio, 90));
    ReliabilityMetrics metrics = new ReliabilityMetrics(n, incidents, withIncident.size(),
        pct(tested.size(), n), pct(overrun.size(), timed.size()), ratio(median), ratio(p90),
        defects, pct(defective.size(), n), driftHotfixes, rolledBack.size());
    Behind behind = new Behind(all, withIncident, tested,
        timed.stream().map(PastMigration::id).toList(), overrun, ids(median), ids(p90),
        defective, drift, rolledBack);
    return new Figures(metrics, behind);
  }

  /** {@code 100 × part / whole} rounded half-up to one decimal; 0.0 when whole is 0. */
  public static double pct(long part, long whole) {
    if (whole == 0) {
      return 0.0;
    }
    return BigDecimal.valueOf(100L * part).divide(BigDecimal.valueOf(whole), 1,
        RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * The element at nearest rank {@code ceil(p/100 × n)} (1-based) of a sorted list, or null
   * when it is empty. Integer arithmetic: {@code 0.9 × 10} must be exactly 9.
   */
  public static <T> T nearestRank(List<T> sorted, int p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.max(1, ((long) p * sorted.size() + 99) / 100);
    return sorted.get(rank - 1);
  }

  /** actualDuration / plannedWindow rounded half-up to two decimals; 0.0 for null. */
  public static double ratio(PastMigration m) {
    if (m == null) {
      return 0.0;
    }
    return new BigDecimal(nanos(m.actualDuration())).divide(new BigDecimal(
        nanos(m.plannedWindow())), 2, RoundingMode.HALF_UP).doubleValue();
  }

  /** Enough digits to order ratios; ties are broken by id. */
  static BigDecimal exactRatio(PastMigration m) {
    return new BigDecimal(nanos(m.actualDuration())).divide(new BigDecimal(
        nanos(m.plannedWindow())), 18, RoundingMode.HALF_UP);
  }

  private static java.math.BigInteger nanos(java.time.Duration d) {
    return java.math.BigInteger.valueOf(d.getSeconds()).multiply(
        java.math.BigInteger.valueOf(1_000_000_000L)).add(
        java.math.BigInteger.valueOf(d.getNano()));
  }

  private record Ranked(BigDecimal ratio, PastMigration migration) {}

  private static PastMigration migration(Ranked r) {
    return r == null ? null : r.migration();
  }

  private static List<String> ids(PastMigration m) {
    return m == null ? List.of() : List.of(m.id());
  }
}
