package dev.migsafe.api;

import java.util.List;

/**
 * A catalog file that was not loaded because it is malformed.
 *
 * @param file the file, as a path relative to the catalog (e.g. {@code migrations/x.yaml})
 * @param problems every problem, each {@code FILE:LINE:COLUMN: path: message}
 */
public record SkippedRecord(String file, List<String> problems) {
  public SkippedRecord {
    problems = List.copyOf(problems);
  }

  /** The first problem, without its place: a short reason for reports. */
  public String reason() {
    String first = problems.isEmpty() ? "" : problems.get(0);
    int at = first.indexOf(": ");
    return at < 0 ? first : first.substring(at + 2);
  }
}
