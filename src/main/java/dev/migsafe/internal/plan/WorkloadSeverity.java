package dev.migsafe.internal.plan;

import dev.migsafe.api.MigrationPacket.TableProfile;
import dev.migsafe.api.Severity;
import dev.migsafe.internal.model.TableScale;
import java.util.List;
import java.util.Map;

/**
 * Scales a lint finding's severity by the workload of the tables its statement locks: an index
 * built on a table of a few thousand idle rows is not an index built on 400 GB under 900
 * writes a second. Without a profile the rule's own severity stands.
 */
public final class WorkloadSeverity {
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
      allSmall &= TableScale.isSmall(p);
      anyLargeAndHot |= TableScale.isLarge(p) && TableScale.isHot(p);
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
