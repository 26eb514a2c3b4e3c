package dev.migsafe.internal.render;

import dev.migsafe.api.Finding;
import dev.migsafe.api.Severity;
import dev.migsafe.api.StatementResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The counts a lint summary reports, kept as results stream by so that nothing else of them
 * needs to be held: the same figures {@link dev.migsafe.api.LintResult} computes from a whole
 * result.
 */
public final class LintTally {
  private int files;
  private int statements;
  private int unparsed;
  private final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);

  public LintTally() {
    for (Severity s : Severity.values()) {
      bySeverity.put(s, 0);
    }
  }

  public void file() {
    files++;
  }

  public void statement(StatementResult s) {
    statements++;
    if (!s.parsed()) {
      unparsed++;
    }
  }

  public void findings(List<Finding> findings) {
    for (Finding f : findings) {
      bySeverity.merge(f.severity(), 1, Integer::sum);
    }
  }

  public int files() {
    return files;
  }

  public int statements() {
    return statements;
  }

  public int unparsed() {
    return unparsed;
  }

  /** Findings per severity, every severity present (zero where none), most severe first. */
  public Map<Severity, Integer> bySeverity() {
    return bySeverity;
  }

  /** True when any finding is at or above {@code threshold}. */
  public boolean hasFindingsAtLeast(Severity threshold) {
    return bySeverity.entrySet().stream()
        .anyMatch(e -> e.getValue() > 0 && e.getKey().atLeast(threshold));
  }
}
