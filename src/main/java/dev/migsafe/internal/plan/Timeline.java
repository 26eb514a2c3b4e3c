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
    return overlapsAny(traffic.peakWindows(), start, start.plus(duration));
  }

  /**
   * Whether [from, to] meets any occurrence of the weekly windows: each window is turned into
   * concrete intervals on the days around the range, so the check costs days × windows.
   */
  static boolean overlapsAny(List<Window> windows, ZonedDateTime from, ZonedDateTime to) {
    for (var day = from.toLocalDate().minusDays(1); !day.isAfter(to.toLocalDate());
        day = day.plusDays(1)) {
      for (Window w : windows) {
        if (w.from() == null || w.to() == null || !w.days().contains(day.getDayOfWeek())) {
          continue;
        }
        ZonedDateTime ws = day.atTime(w.from()).atZone(from.getZone());
        ZonedDateTime we = (w.to().isAfter(w.from()) ? day : day.plusDays(1)).atTime(w.to())
            .atZone(from.getZone());
        if (w.to().equals(java.time.LocalTime.MAX)) {
          we = day.plusDays(1).atStartOfDay(from.getZone());
        }
        boolean meets = from.equals(to) ? !from.isBefore(ws) && from.isBefore(we)
            : from.isBefore(we) && to.isAfter(ws);
        if (meets) {
          return true;
        }
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
          : overlapsAny(traffic.maintenanceWindows(), start, start)
              && (overlapsAny(traffic.maintenanceWindows(), start.plus(duration),
                      start.plus(duration))
                  || duration.compareTo(Duration.ofHours(2)) > 0);
      default -> true;
    };
  }
}
