package dev.migsafe.internal.render;

import dev.migsafe.api.Finding;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.Severity;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.SuppressedFinding;
import dev.migsafe.api.TableLock;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
    StringWriter sw = new StringWriter();
    LintStream stream = stream(sw);
    result.replay(stream);
    stream.finish();
    return sw.toString();
  }

  /**
   * The same text written as the run goes: each file's findings once it has been judged, the
   * summary at the end. A file's statements are kept until then, for the code frames of its
   * findings (and, with {@code verbose}, to print each with its findings).
   */
  public LintStream stream(Writer out) {
    explained.clear();
    return new Stream(out);
  }

  private final class Stream implements LintStream {
    private final Writer out;
    private final LintTally tally = new LintTally();
    private final Map<Integer, StatementResult> statements = new java.util.LinkedHashMap<>();
    private String path;

    Stream(Writer out) {
      this.out = out;
    }

    @Override
    public void fileStarted(String path, boolean rollback, boolean inTransaction) {
      tally.file();
      this.path = path;
      statements.clear();
    }

    @Override
    public void statement(StatementResult statement) {
      tally.statement(statement);
      statements.put(statement.index(), statement);
    }

    @Override
    public void fileFinished(List<Finding> findings, List<SuppressedFinding> suppressed) {
      tally.findings(findings);
      StringBuilder sb = new StringBuilder();
      if (verbose) {
        // Each statement with its locks, followed by its own findings.
        Map<Integer, List<Finding>> byStatement = new HashMap<>();
        for (Finding x : findings) {
          byStatement.computeIfAbsent(x.statementIndex(), k -> new ArrayList<>()).add(x);
        }
        for (StatementResult s : statements.values()) {
          sb.append(path).append(':').append(s.line()).append(':').append(s.column())
              .append(": ").append(dim(s.kind())).append(' ').append(locks(s)).append('\n');
          for (Finding x : byStatement.getOrDefault(s.index(), List.of())) {
            finding(sb, path, x, statements.get(x.statementIndex()));
          }
        }
      } else {
        for (Finding x : findings) {
          finding(sb, path, x, statements.get(x.statementIndex()));
        }
      }
      statements.clear();
      write(sb);
    }

    @Override
    public void finish() {
      Map<Severity, Integer> counts = tally.bySeverity();
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      StringBuilder sb = new StringBuilder();
      sb.append(tally.files()).append(tally.files() == 1 ? " file, " : " files, ")
          .append(tally.statements()).append(" statements");
      if (tally.unparsed() > 0) {
        sb.append(" (").append(tally.unparsed()).append(" not parsed)");
      }
      sb.append(", ").append(total).append(total == 1 ? " finding" : " findings");
      if (total > 0) {
        sb.append(": ").append(counts.entrySet().stream().filter(e -> e.getValue() > 0)
            .map(e -> e.getValue() + " " + e.getKey().id()).collect(Collectors.joining(", ")));
      }
      sb.append('\n');
      write(sb);
    }

    @Override
    public LintTally tally() {
      return tally;
    }

    private void write(StringBuilder sb) {
      try {
        out.append(sb);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void finding(StringBuilder sb, String path, Finding x, StatementResult statement) {
    sb.append(path).append(':').append(x.line()).append(':').append(x.column())
        .append(": ").append(severity(x.severity())).append(' ').append(x.rule())
        .append(": ").append(x.message()).append('\n');
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
