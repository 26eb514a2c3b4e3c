package dev.migsafe.internal.plan;

import java.time.Duration;

/** Durations in the plan's own sentences, and as PostgreSQL settings. */
public final class DurationText {
  private DurationText() {}

  /** For people, as the plan and its renderers print them: 100ms, 2s, 14m, 3h 20m. */
  public static String human(Duration d) {
    long s = d.toSeconds();
    if (s < 1) {
      return d.toMillis() + "ms";
    }
    if (s < 120) {
      return s + "s";
    }
    long m = s / 60;
    if (m < 120) {
      return m + "m";
    }
    return (m / 60) + "h " + (m % 60) + "m";
  }

  /** A whole number of days (from a week on) or hours as a packet writes it: 7d, 72h. */
  static String compact(Duration d) {
    if (d.toDays() >= 7 && d.equals(Duration.ofDays(d.toDays()))) {
      return d.toDays() + "d";
    }
    return d.equals(Duration.ofHours(d.toHours())) ? d.toHours() + "h" : human(d);
  }

  /**
   * As a PostgreSQL time setting in its largest exact unit ({@code 15s}, {@code 143min},
   * {@code 2h}), so that a reader sees the bound without converting milliseconds.
   */
  static String setting(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 != 0) {
      return ms + "ms";
    }
    long s = ms / 1000;
    if (s % 60 != 0) {
      return s + "s";
    }
    long min = s / 60;
    return min % 60 != 0 ? min + "min" : (min / 60) + "h";
  }
}
