package dev.migsafe.internal.render;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A time span mapped onto a width of 100 %: where a bar or a shaded window starts and how wide
 * it is, and the ticks of the axis below. Percentages rather than pixels, so the page's
 * timeline fills whatever width the reader's window has.
 */
final class TimeAxis {
  /** Tick spacings, smallest first; the first that gives at most {@link #MAX_TICKS} wins. */
  private static final List<Duration> SPACINGS = List.of(Duration.ofMinutes(15),
      Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6),
      Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7));
  private static final int MAX_TICKS = 8;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE MM-dd",
      Locale.ROOT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm",
      Locale.ROOT);
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern(
      "EEE HH:mm", Locale.ROOT);

  /** A tick at {@code percent} of the width, labelled with its local time. */
  record Tick(String percent, String label) {}

  private final ZonedDateTime first;
  private final double seconds;

  TimeAxis(ZonedDateTime first, ZonedDateTime last) {
    this.first = first;
    // A span of under a minute would make every bar the full width.
    this.seconds = Math.max(60, Duration.between(first, last).toSeconds());
  }

  /** {@code left:..%;width:..%} for [from, to], clipped to the span. */
  String span(ZonedDateTime from, ZonedDateTime to) {
    double left = Math.max(0, Math.min(100, percent(from)));
    double right = Math.max(left, Math.min(100, percent(to)));
    return "left:" + format(left) + "%;width:" + format(right - left) + "%";
  }

  List<Tick> ticks() {
    Duration spacing = SPACINGS.get(SPACINGS.size() - 1);
    for (Duration d : SPACINGS) {
      if (seconds / d.toSeconds() <= MAX_TICKS) {
        spacing = d;
        break;
      }
    }
    boolean days = spacing.compareTo(Duration.ofDays(1)) >= 0;
    // Ticks on multiples of the spacing from midnight: 00:00, 06:00, 12:00, not 09:17, 15:17.
    ZonedDateTime t = first.truncatedTo(ChronoUnit.DAYS);
    List<Tick> out = new ArrayList<>();
    ZonedDateTime previous = null;
    while (percent(t) <= 100) {
      if (percent(t) >= 0) {
        String label = days ? DAY.format(t)
            : previous == null || !previous.toLocalDate().equals(t.toLocalDate())
                ? DAY_TIME.format(t) : TIME.format(t);
        out.add(new Tick(format(percent(t)), label));
        previous = t;
      }
      t = t.plus(spacing);
    }
    return out;
  }

  private double percent(ZonedDateTime t) {
    return Duration.between(first, t).toSeconds() / seconds * 100;
  }

  private static String format(double percent) {
    return String.format(Locale.ROOT, "%.2f", percent);
  }
}
