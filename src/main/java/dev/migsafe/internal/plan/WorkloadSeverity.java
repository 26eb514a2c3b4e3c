package dev.migsafe.internal.plan;

import dev.migsafe.api.MigrationPacket.TableProfile;
import dev.migsafe.api.Severity;
import java.util.List;
import java.util.Map;

/**
 * Scales a lint finding's severity by the workload of the tables its statement locks: an index
 * built on a table of a few thousand idle rows is not an index built on 400 GB under 900
 * writes a second. Without a profile the rule's own severity stands.
 */
public final class WorkloadSeverity {
  /** At or below all of these a table is small: a strong lock on it lasts milliseconds. */
  static final long SMALL_ROWS = 100_000;
  static final double SMALL_GB = 0.1;
  static final double QUIET_WRITES = 10;

  private WorkloadSeverity() {}

  public static Severity scale(Severity severity, List<String> tables,
      Map<String, TableProfile> profiles) {
    if (tables.isEmpty() || severity == Severity.INFO) {
      return severity;
    }
    boolean allSmall = true;
    boolean anyLargeAndHot = false;
    for (String t : tables) {
      TableProfile p = profiles.get(t);
      if (p == null) {
        return severity;
      }
      long rows = p.rows() == null ? Long.MAX_VALUE : p.rows();
      double gb = p.sizeGb() == null ? Double.MAX_VALUE : p.sizeGb();
      double writes = p.writesPerSecond() == null ? 0 : p.writesPerSecond();
      boolean small = rows <= SMALL_ROWS && gb <= SMALL_GB && writes <= QUIET_WRITES;
      allSmall &= small;
      anyLargeAndHot |= gb >= PlanChange.LARGE_GB && writes >= PlanChange.HOT_WRITES_PER_SECOND;
    }
    if (allSmall) {
      return lower(lower(severity));
    }
    if (anyLargeAndHot && severity == Severity.HIGH) {
      return Severity.BLOCKER;
    }
    return severity;
  }

  private static Severity lower(Severity s) {
    return s == Severity.INFO ? s : Severity.values()[s.ordinal() + 1];
  }
}
