package dev.migsafe.api;

import java.util.Objects;

/**
 * What {@code report} covers.
 *
 * @param period the period reported
 * @param team only this team's migrations, or null for every team
 * @param quarters how many periods the trend shows: the period and the quarters before it
 *     (default 4, at most {@link #MAX_QUARTERS})
 */
public record ReportQuery(ReportPeriod period, String team, int quarters) {
  public static final int DEFAULT_QUARTERS = 4;
  public static final int MAX_QUARTERS = 40;

  public ReportQuery {
    Objects.requireNonNull(period);
    if (quarters < 1 || quarters > MAX_QUARTERS) {
      throw MigsafeException.badInput("--quarters '" + quarters + "' is not between 1 and "
          + MAX_QUARTERS);
    }
    if (team != null && team.isBlank()) {
      throw MigsafeException.badInput("--team must name a team, e.g. team-payments");
    }
  }

  public static ReportQuery of(ReportPeriod period) {
    return new ReportQuery(period, null, DEFAULT_QUARTERS);
  }
}
