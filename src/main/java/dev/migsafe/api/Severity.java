package dev.migsafe.api;

import java.util.Locale;

/** How bad a finding is, from the worst down. The order of the constants is the ranking. */
public enum Severity {
  BLOCKER,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  /** The lower-case name used in every output format and in configuration. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is as bad as {@code threshold} or worse. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /** Parses {@code blocker|high|medium|low|info}, case-insensitive. */
  public static Severity parse(String text) {
    for (Severity s : values()) {
      if (s.id().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a severity (blocker, high, medium, low, info)");
  }
}
