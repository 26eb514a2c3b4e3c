package dev.migsafe.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a calendar quarter ({@code 2026-Q3} = July 1 to September 30) or a date
 * range; both ends inclusive. A past migration belongs to it when its {@code date} falls in it.
 *
 * @param label {@code 2026-Q3} for a quarter, {@code 2026-07-15..2026-08-31} for a range
 * @param quarter true when the period is exactly one calendar quarter
 */
public record ReportPeriod(String label, LocalDate from, LocalDate to, boolean quarter) {
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q(\\d+)");

  public ReportPeriod {
    Objects.requireNonNull(label);
    Objects.requireNonNull(from);
    Objects.requireNonNull(to);
    if (from.isAfter(to)) {
      throw MigsafeException.badInput("the period starts (" + from + ") after it ends (" + to
          + ")");
    }
  }

  /** The quarter named {@code YYYY-Qn}; anything else is bad input. */
  public static ReportPeriod quarter(String label) {
    Matcher m = QUARTER.matcher(label == null ? "" : label.strip());
    int q = m.matches() ? Integer.parseInt(m.group(2).length() > 2 ? "0" : m.group(2)) : 0;
    if (q < 1 || q > 4) {
      throw MigsafeException.badInput("--quarter '" + label + "' is not a quarter: write "
          + "YYYY-Qn with n from 1 to 4, e.g. 2026-Q3");
    }
    return quarterOf(LocalDate.of(Integer.parseInt(m.group(1)), 3 * q - 2, 1));
  }

  /** The calendar quarter that contains {@code day}. */
  public static ReportPeriod quarterOf(LocalDate day) {
    int q = (day.getMonthValue() - 1) / 3 + 1;
    LocalDate from = LocalDate.of(day.getYear(), 3 * q - 2, 1);
    return new ReportPeriod(day.getYear() + "-Q" + q, from, from.plusMonths(3).minusDays(1),
        true);
  }

  /** The inclusive range {@code from..to}; a start after the end is bad input. */
  public static ReportPeriod range(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw MigsafeException.badInput("--from " + from + " is after --to " + to
          + ": the range is inclusive and runs forwards");
    }
    ReportPeriod q = quarterOf(from);
    if (q.from().equals(from) && q.to().equals(to)) {
      return q;
    }
    return new ReportPeriod(from + ".." + to, from, to, false);
  }

  /** A date as {@code --from}/{@code --to} take it, {@code YYYY-MM-DD}. */
  public static LocalDate date(String option, String value) {
    try {
      return LocalDate.parse(value == null ? "" : value.strip());
    } catch (DateTimeParseException e) {
      throw MigsafeException.badInput(option + " '" + value + "' is not a date: write "
          + "YYYY-MM-DD, e.g. 2026-07-01");
    }
  }

  /**
   * The last quarter that ends before the quarter of this period's first day: for a range
   * starting mid-quarter, the quarter it starts in overlaps it and is passed over.
   */
  public ReportPeriod previousQuarter() {
    return quarterOf(quarterOf(from).from().minusDays(1));
  }

  public boolean contains(LocalDate day) {
    return day != null && !day.isBefore(from) && !day.isAfter(to);
  }
}
