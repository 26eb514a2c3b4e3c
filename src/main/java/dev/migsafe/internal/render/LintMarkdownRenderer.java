package dev.migsafe.internal.render;

import dev.migsafe.api.FileResult;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.Severity;
import dev.migsafe.api.StatementResult;
import dev.migsafe.internal.ci.FingerprintedFinding;
import dev.migsafe.internal.ci.Fingerprints;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code lint --format md}: a pull-request comment. A summary table of findings by severity,
 * then the findings grouped by file, each with a link to its rule's doc. Paths and messages
 * come from the migrations under review and are escaped ({@link MarkdownText}).
 */
public final class LintMarkdownRenderer {
  private LintMarkdownRenderer() {}

  public static String render(LintResult result, RuleDocs docs, Path root, String toolVersion) {
    List<FingerprintedFinding> findings = Fingerprints.of(result, root);
    StringBuilder md = new StringBuilder();
    int files = result.files().size();
    int statements = result.statementCount();
    String checked = files + (files == 1 ? " file, " : " files, ") + statements
        + (statements == 1 ? " statement" : " statements");
    if (findings.isEmpty()) {
      md.append("### migsafe: no findings\n\n").append("Checked ").append(checked).append(".\n");
    } else {
      md.append("### migsafe: ").append(findings.size())
          .append(findings.size() == 1 ? " finding" : " findings").append("\n\n");
      md.append("| severity | findings |\n|---|---:|\n");
      result.countBySeverity().forEach((s, n) -> {
        if (n > 0) {
          md.append("| ").append(label(s)).append(" | ").append(n).append(" |\n");
        }
      });
      Map<String, StringBuilder> byFile = new LinkedHashMap<>();
      Map<String, StringBuilder> fixesByFile = new LinkedHashMap<>();
      Map<Finding, StatementResult> statementOf = statementsOf(result);
      for (FingerprintedFinding f : findings) {
        var x = f.finding();
        byFile.computeIfAbsent(f.path(), p -> new StringBuilder(
                "| line | severity | rule | finding |\n|---:|---|---|---|\n"))
            .append("| ").append(x.line()).append(" | ").append(label(x.severity()))
            .append(" | [").append(MarkdownText.inline(x.rule())).append("](")
            .append(docs.url(x.rule())).append(") | ")
            .append(MarkdownText.inline(x.message())).append(" |\n");
        StatementResult st = statementOf.get(x);
        if (x.fix() != null && st != null && !CodeFrame.truncated(st)) {
          fixesByFile.computeIfAbsent(f.path(), p -> new StringBuilder())
              .append("\n<details><summary>Fix for line ").append(x.line()).append(" (")
              .append(MarkdownText.inline(x.rule())).append("): ")
              .append(MarkdownText.inline(x.fix().title())).append("</summary>\n\n")
              .append(CodeFence.of("diff",
                  String.join("\n", CodeFrame.diffLines(st.sql() + ";", x.fix().sql()))))
              .append("\n</details>\n");
        }
      }
      byFile.forEach((path, table) -> md.append("\n#### ").append(MarkdownText.inline(path))
          .append("\n\n").append(table).append(fixesByFile.getOrDefault(path,
              new StringBuilder())));
      md.append("\nChecked ").append(checked).append(".\n");
    }
    int suppressed = result.files().stream().mapToInt(f -> f.suppressed().size()).sum();
    if (suppressed > 0) {
      md.append(suppressed).append(suppressed == 1 ? " finding was" : " findings were")
          .append(" accepted by `migsafe:ignore` comments.\n");
    }
    md.append("\n<sub>migsafe ").append(MarkdownText.inline(toolVersion)).append("</sub>\n");
    return md.toString();
  }

  /** Each finding's statement, by identity (two findings may be equal records). */
  private static Map<Finding, StatementResult> statementsOf(LintResult result) {
    Map<Finding, StatementResult> out = new IdentityHashMap<>();
    for (FileResult f : result.files()) {
      for (Finding x : f.findings()) {
        f.statements().stream().filter(s -> s.index() == x.statementIndex()).findFirst()
            .ifPresent(s -> out.put(x, s));
      }
    }
    return out;
  }

  private static String label(Severity s) {
    return switch (s) {
      case BLOCKER, HIGH -> "**" + s.id() + "**";
      case MEDIUM, LOW, INFO -> s.id();
    };
  }
}
