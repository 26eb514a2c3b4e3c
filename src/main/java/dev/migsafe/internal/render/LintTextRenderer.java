package dev.migsafe.internal.render;

import dev.migsafe.api.FileResult;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.Severity;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.TableLock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiler-style text: {@code path:line:column: severity rule-id: message}; under the first
 * finding of each rule in the run, its why, the safer alternative and its doc's address (under
 * every finding with {@code explain}: on a real repository the same paragraphs would otherwise
 * repeat hundreds of times); with {@code verbose}, every statement's locks. Colour only when
 * asked (the CLI asks when standard output is a terminal).
 */
public final class LintTextRenderer {
  private final boolean color;
  private final boolean verbose;
  private final boolean explain;
  private final RuleDocs docs;
  private final Set<String> explained = new HashSet<>();
  private final CodeFrame frame;

  public LintTextRenderer(boolean color, boolean verbose, boolean explain, RuleDocs docs) {
    this.color = color;
    this.verbose = verbose;
    this.explain = explain;
    this.docs = docs;
    this.frame = new CodeFrame(color);
  }

  public String render(LintResult result) {
    explained.clear();
    StringBuilder sb = new StringBuilder();
    for (FileResult f : result.files()) {
      if (verbose) {
        // Each statement with its locks, followed by its own findings.
        for (StatementResult s : f.statements()) {
          sb.append(f.path()).append(':').append(s.line()).append(':').append(s.column())
              .append(": ").append(dim(s.kind())).append(' ').append(locks(s)).append('\n');
          for (Finding x : f.findings()) {
            if (x.statementIndex() == s.index()) {
              finding(sb, f, x);
            }
          }
        }
      } else {
        for (Finding x : f.findings()) {
          finding(sb, f, x);
        }
      }
    }
    Map<Severity, Integer> counts = result.countBySeverity();
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    sb.append(result.files().size()).append(result.files().size() == 1 ? " file, " : " files, ")
        .append(result.statementCount()).append(" statements");
    if (result.unparsedCount() > 0) {
      sb.append(" (").append(result.unparsedCount()).append(" not parsed)");
    }
    sb.append(", ").append(total).append(total == 1 ? " finding" : " findings");
    if (total > 0) {
      sb.append(": ").append(counts.entrySet().stream().filter(e -> e.getValue() > 0)
          .map(e -> e.getValue() + " " + e.getKey().id()).collect(Collectors.joining(", ")));
    }
    sb.append('\n');
    return sb.toString();
  }

  private void finding(StringBuilder sb, FileResult f, Finding x) {
    sb.append(f.path()).append(':').append(x.line()).append(':').append(x.column())
        .append(": ").append(severity(x.severity())).append(' ').append(x.rule())
        .append(": ").append(x.message()).append('\n');
    StatementResult statement = statement(f, x.statementIndex());
    if (statement != null) {
      sb.append(frame.frame(x, statement));
    }
    if (explained.add(x.rule()) || explain) {
      explanation(sb, x);
    }
    if (x.fix() != null && statement != null) {
      sb.append(frame.diff(x.fix(), statement));
    }
  }

  private static StatementResult statement(FileResult f, int index) {
    for (StatementResult s : f.statements()) {
      if (s.index() == index) {
        return s;
      }
    }
    return null;
  }

  private void explanation(StringBuilder sb, Finding x) {
    if (x.why() != null && !x.why().isBlank()) {
      sb.append("  why: ").append(indent(x.why())).append('\n');
    }
    if (x.saferAlternative() != null && !x.saferAlternative().isBlank()) {
      sb.append("  instead: ").append(indent(x.saferAlternative())).append('\n');
    }
    sb.append("  see: ").append(docs.url(x.rule())).append(" (migsafe rules explain ")
        .append(x.rule()).append(")\n");
  }

  private static String locks(StatementResult s) {
    if (s.locks().isEmpty()) {
      return "no table lock";
    }
    StringBuilder sb = new StringBuilder();
    for (TableLock l : s.locks()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(l.mode().sqlName()).append(" on ")
          .append(l.table());
    }
    if (s.rewritesTable()) {
      sb.append(", rewrites");
    }
    if (s.scansTable()) {
      sb.append(", scans");
    }
    if (s.failsOnNonEmptyTable()) {
      sb.append(", fails on a non-empty table");
    }
    return sb.toString();
  }

  private static String indent(String text) {
    return text.strip().replace("\n", "\n    ");
  }

  private String severity(Severity s) {
    if (!color) {
      return s.id();
    }
    String code = switch (s) {
      case BLOCKER, HIGH -> "\u001b[1;31m";
      case MEDIUM -> "\u001b[33m";
      case LOW -> "\u001b[36m";
      case INFO -> "\u001b[2m";
    };
    return code + s.id() + "\u001b[0m";
  }

  private String dim(String text) {
    return color ? "\u001b[2m" + text + "\u001b[0m" : text;
  }
}
