package dev.migsafe.internal.plan;

import dev.migsafe.api.MigrationPacket.Traffic;
import dev.migsafe.api.MigrationPacket.Window;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Places steps in time, in the packet's time zone: steps that must avoid peak traffic start
 * outside every peak window, and steps that need a maintenance window start inside one and
 * fit in it when they can.
 */
final class Timeline {
  /** How far ahead a slot is searched before giving up: four weeks. */
  private static final Duration HORIZON = Duration.ofDays(28);
  private static final Duration GRANULARITY = Duration.ofMinutes(5);

  private final Traffic traffic;
  private ZonedDateTime cursor;

  Timeline(Traffic traffic, ZonedDateTime start) {
    this.traffic = traffic;
    this.cursor = start.withZoneSameInstant(traffic.timezone());
  }

  /** Reserves a slot for a step and returns its start. */
  ZonedDateTime place(String window, Duration duration) {
    ZonedDateTime t = cursor;
    ZonedDateTime limit = cursor.plus(HORIZON);
    while (t.isBefore(limit) && !fits(window, t, duration)) {
      t = t.plus(GRANULARITY).truncatedTo(ChronoUnit.MINUTES);
    }
    if (!t.isBefore(limit)) {
      t = cursor; // no slot: keep the order, the risk says it is in a bad window
    }
    cursor = t.plus(duration);
    return t;
  }

  boolean overlapsPeak(ZonedDateTime start, Duration duration) {
    for (ZonedDateTime t = start; !t.isAfter(start.plus(duration)); t = t.plus(GRANULARITY)) {
      if (inAny(traffic.peakWindows(), t)) {
        return true;
      }
    }
    return false;
  }

  private boolean fits(String window, ZonedDateTime start, Duration duration) {
    return switch (window) {
      case "off-peak" -> !overlapsPeak(start, duration.compareTo(Duration.ofHours(6)) > 0
          ? Duration.ZERO : duration);
      case "maintenance" -> traffic.maintenanceWindows().isEmpty()
          ? !overlapsPeak(start, Duration.ZERO)
          : inAny(traffic.maintenanceWindows(), start)
              && (inAny(traffic.maintenanceWindows(), start.plus(duration))
                  || duration.compareTo(Duration.ofHours(2)) > 0);
      default -> true;
    };
  }

  static boolean inAny(List<Window> windows, ZonedDateTime t) {
    for (Window w : windows) {
      if (w.from() == null || w.to() == null) {
        continue;
      }
      var time = t.toLocalTime();
      boolean wraps = w.to().isBefore(w.from());
      if (!wraps && w.days().contains(t.getDayOfWeek()) && !time.isBefore(w.from())
          && time.isBefore(w.to())) {
        return true;
      }
      if (wraps) {
        // 22:00-02:00 belongs to the day it starts on.
        if (w.days().contains(t.getDayOfWeek()) && !time.isBefore(w.from())) {
          return true;
        }
        if (w.days().contains(t.getDayOfWeek().minus(1)) && time.isBefore(w.to())) {
          return true;
        }
      }
    }
    return false;
  }
}
