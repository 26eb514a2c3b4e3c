package dev.migsafe.internal.plan;

import java.time.Duration;

/** Durations in the plan's own sentences. */
final class DurationText {
  private DurationText() {}

  /** For people, as the renderers print them: 100ms, 2s, 14m, 3h 20m. */
  static String human(Duration d) {
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
}
