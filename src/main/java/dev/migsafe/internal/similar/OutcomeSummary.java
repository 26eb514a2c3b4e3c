package dev.migsafe.internal.similar;

import dev.migsafe.api.PastMigration;
import dev.migsafe.api.PastMigration.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A past migration's outcome in one line, the part of a search result an engineer reads first:
 * the status, then each incident, an executed rollback, an overrun, integrity defects and
 * hotfixes.
 */
public final class OutcomeSummary {
  private OutcomeSummary() {}

  public static String of(PastMigration m) {
    Outcome o = m.outcome();
    List<String> parts = new ArrayList<>();
    o.incidents().forEach(i -> parts.add(i.severity() + " " + i.cause() + " " + i.minutes()
        + " min"));
    if (m.rollback() != null && m.rollback().executed()) {
      parts.add("rollback executed");
    }
    if (m.overran()) {
      parts.add("overran: " + iso(m.actualDuration()) + " for " + iso(m.plannedWindow())
          + " planned");
    }
    if (o.integrityDefects() > 0) {
      parts.add(o.integrityDefects() + (o.integrityDefects() == 1 ? " integrity defect"
          : " integrity defects"));
    }
    o.hotfixes().forEach(h -> parts.add("hotfix " + h.cause()));
    String status = o.status().replace('-', ' ');
    return parts.isEmpty() ? status : status + ": " + String.join("; ", parts);
  }

  /** ISO-8601 with days, as the catalog writes durations: P5DT6H rather than PT126H. */
  static String iso(Duration d) {
    long days = d.toDays();
    Duration rest = d.minusDays(days);
    if (days == 0) {
      return d.toString();
    }
    return "P" + days + "D" + (rest.isZero() ? "" : rest.toString().substring(1));
  }

  /** The first paragraph of the lessons on one line, or empty. */
  public static String lesson(PastMigration m) {
    if (m.lessons() == null) {
      return "";
    }
    return m.lessons().strip().split("\\R\\s*\\R", 2)[0].replaceAll("\\s+", " ");
  }
}
