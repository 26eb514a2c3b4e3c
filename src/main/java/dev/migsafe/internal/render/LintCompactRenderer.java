package dev.migsafe.internal.render;

import dev.migsafe.api.FileResult;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintResult;

/**
 * {@code lint --format compact}: one line per finding, {@code FILE:LINE:COLUMN: severity
 * rule-id message}, and nothing else, for editors' error lists, grep and diffs between runs.
 * A message is one sentence; a line break in one would split a finding, so it becomes a space.
 */
public final class LintCompactRenderer {
  private LintCompactRenderer() {}

  public static String render(LintResult result) {
    StringBuilder sb = new StringBuilder();
    for (FileResult f : result.files()) {
      for (Finding x : f.findings()) {
        sb.append(f.path()).append(':').append(x.line()).append(':').append(x.column())
            .append(": ").append(x.severity().id()).append(' ').append(x.rule()).append(' ')
            .append(x.message().replaceAll("\\s*\\R\\s*", " ")).append('\n');
      }
    }
    return sb.toString();
  }
}
