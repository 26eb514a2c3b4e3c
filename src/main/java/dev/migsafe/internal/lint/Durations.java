package dev.migsafe.internal.lint;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's time settings ({@code '2s'}, {@code 5000}, {@code '1min'}) in milliseconds. */
final class Durations {
  private static final Pattern VALUE = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-z]*)\\s*$");

  private Durations() {}

  /** Milliseconds, or -1 when the value is not understood (DEFAULT counts as unset). */
  static long millis(String value) {
    if (value == null) {
      return -1;
    }
    String v = value.toLowerCase(Locale.ROOT).replace("'", "").trim();
    if (v.equals("default")) {
      return -1;
    }
    Matcher m = VALUE.matcher(v);
    if (!m.matches()) {
      return -1;
    }
    double n = Double.parseDouble(m.group(1));
    double factor = switch (m.group(2)) {
      case "", "ms" -> 1;
      case "us" -> 0.001;
      case "s" -> 1_000;
      case "min" -> 60_000;
      case "h" -> 3_600_000;
      case "d" -> 86_400_000;
      default -> -1;
    };
    return factor < 0 ? -1 : (long) (n * factor);
  }
}
