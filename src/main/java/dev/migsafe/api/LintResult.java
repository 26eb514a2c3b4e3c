package dev.migsafe.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The result of linting one or more migration files. */
public record LintResult(String dialect, int engineVersion, List<FileResult> files) {

  /** Number of findings per severity, every severity present (zero where none). */
  public Map<Severity, Integer> countBySeverity() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    for (FileResult f : files) {
      for (Finding finding : f.findings()) {
        counts.merge(finding.severity(), 1, Integer::sum);
      }
    }
    return counts;
  }

  public int statementCount() {
    return files.stream().mapToInt(f -> f.statements().size()).sum();
  }

  public int unparsedCount() {
    return (int)
        files.stream()
            .flatMap(f -> f.statements().stream())
            .filter(s -> !s.parsed())
            .count();
  }

  /** True when any finding is at or above {@code threshold}. */
  public boolean hasFindingsAtLeast(Severity threshold) {
    return files.stream()
        .flatMap(f -> f.findings().stream())
        .anyMatch(f -> f.severity().atLeast(threshold));
  }

  /** Hands this result to a listener, as a streaming run would have: file by file. */
  public void replay(LintListener listener) {
    for (FileResult f : files) {
      listener.fileStarted(f.path(), f.rollback(), f.inTransaction());
      f.statements().forEach(listener::statement);
      listener.fileFinished(f.findings(), f.suppressed());
    }
  }
}
