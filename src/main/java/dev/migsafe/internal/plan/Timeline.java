package dev.migsafe.internal.plan;

import dev.migsafe.api.MigrationPacket.Traffic;
import dev.migsafe.api.MigrationPacket.Window;
import dev.migsafe.api.Plan;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places steps in time, in the packet's time zone: steps that must avoid peak traffic start
 * outside every peak window and end before the next one when a gap long enough comes within a
 * week; a batched backfill pauses through the peaks instead; steps that need a maintenance
 * window start inside one and fit in it when they can.
 */
final class Timeline {
  /** How far ahead a slot is searched before giving up: four weeks. */
  private static final Duration HORIZON = Duration.ofDays(28);
  /**
   * How far ahead an off-peak step waits for a gap it fits in wholly, before it starts in the
   * next gap anyway and is reported as running through a peak.
   */
  private static final Duration FIT_HORIZON = Duration.ofDays(7);
  private static final Duration GRANULARITY = Duration.ofMinutes(5);
  /** More pauses than this and the backfill is placed as if it ran through. */
  private static final int MAX_STRETCHES = 10_000;

  private final Traffic traffic;
  private ZonedDateTime cursor;

  /** One concrete occurrence of a weekly window. */
  record Interval(ZonedDateTime start, ZonedDateTime end) {}

  /**
   * Where a backfill that pauses through the peaks runs.
   *
   * @param start when its first batch runs
   * @param end when its last batch is done, pauses included
   * @param stretches how many off-peak stretches it runs in
   * @param firstPeak the first peak it pauses for; null when it needs no pause
   */
  record Paused(ZonedDateTime start, ZonedDateTime end, int stretches, Interval firstPeak) {}

  Timeline(Traffic traffic, ZonedDateTime start) {
    this.traffic = traffic;
    this.cursor = start.withZoneSameInstant(traffic.timezone());
  }

  /** Reserves a slot for a step and returns its start. */
  ZonedDateTime place(String window, Duration duration) {
    ZonedDateTime t = first(window, duration, window.equals("off-peak") ? FIT_HORIZON : HORIZON);
    if (t == null && window.equals("off-peak")) {
      // No gap it fits in: start outside a peak; the plan reports the peak it runs through.
      t = first(window, Duration.ZERO, HORIZON);
    }
    if (t == null) {
      t = cursor; // no slot: keep the order, the risk says it is in a bad window
    }
    cursor = t.plus(duration);
    return t;
  }

  /**
   * Reserves the off-peak stretches a batched backfill of {@code work} needs: it starts
   * outside a peak, stops when a peak starts and resumes when it ends, because a backfill
   * resumes where it stopped. The next step starts after its last batch.
   */
  Paused placePaused(Duration work) {
    ZonedDateTime start = first("off-peak", Duration.ZERO, HORIZON);
    if (start == null) {
      start = cursor;
    }
    ZonedDateTime t = start;
    Duration left = work;
    int stretches = 1;
    Interval firstPeak = null;
    while (left.compareTo(Duration.ZERO) > 0) {
      Interval peak = stretches > MAX_STRETCHES ? null : nextPeak(t);
      if (peak == null) {
        t = t.plus(left);
        break;
      }
      if (!peak.start().isAfter(t)) {
        t = peak.end();
        continue;
      }
      Duration gap = Duration.between(t, peak.start());
      if (gap.compareTo(left) >= 0) {
        t = t.plus(left);
        break;
      }
      left = left.minus(gap);
      firstPeak = firstPeak == null ? peak : firstPeak;
      t = peak.end();
      stretches++;
    }
    cursor = t;
    return new Paused(start, t, stretches, firstPeak);
  }

  boolean overlapsPeak(ZonedDateTime start, Duration duration) {
    return overlapsAny(traffic.peakWindows(), start, start.plus(duration));
  }

  /** The first peak a run of {@code duration} from {@code start} meets; null when none. */
  Interval firstPeakMet(ZonedDateTime start, Duration duration) {
    ZonedDateTime end = start.plus(duration);
    for (Interval i : peaks(start, end)) {
      if (i.start().isBefore(end) && i.end().isAfter(start)) {
        return i;
      }
    }
    return null;
  }

  /** The peak windows between the first step's start and the last step's end, merged. */
  List<Plan.PeakWindow> peaksOver(List<Plan.Phase> phases) {
    ZonedDateTime from = null;
    ZonedDateTime to = null;
    for (Plan.Phase ph : phases) {
      for (Plan.Step s : ph.steps()) {
        if (s.scheduledAt() == null) {
          continue;
        }
        ZonedDateTime end = s.scheduledAt().plus(s.estimatedDuration() == null ? Duration.ZERO
            : s.estimatedDuration());
        from = from == null || s.scheduledAt().isBefore(from) ? s.scheduledAt() : from;
        to = to == null || end.isAfter(to) ? end : to;
      }
    }
    if (from == null) {
      return List.of();
    }
    return peaks(from, to).stream().map(i -> new Plan.PeakWindow(i.start(), i.end())).toList();
  }

  /** The first start from the cursor, on the five-minute grid, that fits; null when none. */
  private ZonedDateTime first(String window, Duration duration, Duration horizon) {
    ZonedDateTime t = cursor;
    ZonedDateTime limit = cursor.plus(horizon);
    while (t.isBefore(limit) && !fits(window, t, duration)) {
      t = t.plus(GRANULARITY).truncatedTo(ChronoUnit.MINUTES);
    }
    return t.isBefore(limit) ? t : null;
  }

  /** The peak running at {@code t} or the next to start after it, within a week. */
  private Interval nextPeak(ZonedDateTime t) {
    for (Interval i : peaks(t, t.plusDays(8))) {
      if (i.end().isAfter(t)) {
        return i;
      }
    }
    return null;
  }

  /**
   * The concrete peak intervals that meet [from, to], in order, overlapping ones merged (a
   * window that wraps past midnight and the next day's window, say).
   */
  private List<Interval> peaks(ZonedDateTime from, ZonedDateTime to) {
    List<Interval> all = new ArrayList<>();
    for (var day = from.toLocalDate().minusDays(1); !day.isAfter(to.toLocalDate());
        day = day.plusDays(1)) {
      for (Window w : traffic.peakWindows()) {
        if (w.from() != null && w.to() != null && w.days().contains(day.getDayOfWeek())) {
          Interval i = occurrence(w, day, from);
          if (i.end().isAfter(from) && !i.start().isAfter(to)) {
            all.add(i);
          }
        }
      }
    }
    all.sort(Comparator.comparing(Interval::start));
    List<Interval> merged = new ArrayList<>();
    for (Interval i : all) {
      Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && !i.start().isAfter(last.end())) {
        merged.set(merged.size() - 1, new Interval(last.start(),
            i.end().isAfter(last.end()) ? i.end() : last.end()));
      } else {
        merged.add(i);
      }
    }
    return merged;
  }

  private static Interval occurrence(Window w, java.time.LocalDate day, ZonedDateTime zoneOf) {
    ZonedDateTime ws = day.atTime(w.from()).atZone(zoneOf.getZone());
    ZonedDateTime we = (w.to().isAfter(w.from()) ? day : day.plusDays(1)).atTime(w.to())
        .atZone(zoneOf.getZone());
    if (w.to().equals(LocalTime.MAX)) {
      we = day.plusDays(1).atStartOfDay(zoneOf.getZone());
    }
    return new Interval(ws, we);
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
        Interval i = occurrence(w, day, from);
        boolean meets = from.equals(to) ? !from.isBefore(i.start()) && from.isBefore(i.end())
            : from.isBefore(i.end()) && to.isAfter(i.start());
        if (meets) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean fits(String window, ZonedDateTime start, Duration duration) {
    return switch (window) {
      case "off-peak" -> !overlapsPeak(start, duration);
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
