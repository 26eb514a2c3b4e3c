package dev.migsafe.internal.lint;

import dev.migsafe.api.FileResult;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintListener;
import dev.migsafe.api.LintOptions;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.RuleInfo;
import dev.migsafe.api.Severity;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.SuppressedFinding;
import dev.migsafe.internal.rules.FileRuleRun;
import dev.migsafe.internal.rules.MigrationFact;
import dev.migsafe.internal.rules.RawFinding;
import dev.migsafe.internal.rules.RuleBase;
import dev.migsafe.internal.rules.StatementFact;
import dev.migsafe.internal.rules.Windowing;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lints migration files: replays them in order over the starting schema, analyses every
 * statement, fires the rule base per file, then applies suppressions and configuration.
 */
public final class Linter {
  /**
   * Rules that the linter itself reports about suppression comments, after the rule base has
   * fired. Their docs and fixtures live in {@code rules/common/} like any rule's.
   */
  public static final List<RuleInfo> META_RULES = List.of(
      new RuleInfo("invalid-suppression", "common", Severity.LOW,
          "A migsafe:ignore comment without a reason suppresses nothing", "0.1.0"),
      new RuleInfo("unused-suppression", "common", Severity.LOW,
          "A migsafe:ignore comment matches no finding of its statement", "0.1.0"));

  /** Larger inputs are refused: a migration of this size is a data dump, not a migration. */
  static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  /**
   * Files up to this size are analysed ahead of their judging; their facts then wait in memory
   * for at most {@link JudgingThread#IN_FLIGHT} files.
   */
  static final int HANDED_OVER_CHARS = 1 << 20;

  private final RuleBase rules;
  private final LintOptions options;
  private final Windowing windowing;

  public Linter(RuleBase rules, LintOptions options) {
    this(rules, options, Windowing.DEFAULT);
  }

  /** With other windows than lint's: tests compare windows of one statement with one session. */
  Linter(RuleBase rules, LintOptions options, Windowing windowing) {
    this.rules = rules;
    this.options = options;
    this.windowing = windowing;
  }

  /** Lints files and folders on disk. */
  public LintResult lint(List<Path> paths) {
    LintResultCollector all = new LintResultCollector();
    lint(paths, all);
    return all.result(options.engineVersion());
  }

  /**
   * Lints files and folders on disk, handing each statement and each file's findings to
   * {@code listener} as they come; nothing of a file is kept once it has been judged.
   */
  public void lint(List<Path> paths, LintListener listener) {
    lint(paths, listener, HANDED_OVER_CHARS);
  }

  /** As {@link #lint(List, LintListener)}, judging ahead only files up to {@code handOver}. */
  void lint(List<Path> paths, LintListener listener, int handOver) {
    List<MigrationFile> files = MigrationFiles.discover(paths);
    Schema schema = startingSchema();
    if (files.size() < 2) {
      for (MigrationFile f : files) {
        lintFile(f, read(f.path()), schema, listener);
      }
      return;
    }
    // Files are analysed here and judged by the rule base on a thread of its own, in order.
    // A large file is linted here alone, after the others: its facts would all wait in memory.
    try (JudgingThread judge = new JudgingThread()) {
      for (MigrationFile f : files) {
        // A rollback is judged against the schema its up migration left, and changes nothing
        // that later migrations see.
        Schema target = f.rollback() ? schema.copy() : schema;
        String text;
        AnalysedFile analysed = null;
        try {
          text = read(f.path());
          if (text.length() <= handOver) {
            analysed = analyse(f, text, target);
          }
        } catch (RuntimeException e) {
          // A file that cannot be read ends the lint, as before: after the files before it.
          judge.drain();
          throw e;
        }
        if (analysed != null) {
          AnalysedFile next = analysed;
          judge.submit(() -> judge(next, listener));
        } else {
          judge.drain();
          lintFile(f, text, target, listener);
        }
      }
      judge.drain();
    }
  }

  /** One file's analysis, waiting to be judged. */
  private record AnalysedFile(MigrationFile file, MigrationFact fact,
      List<StatementResult> results, List<StatementFact> facts, FileAnalyzer.Analysis analysis) {}

  private AnalysedFile analyse(MigrationFile f, String text, Schema schema) {
    MigrationFact fact = migrationFact(f, text);
    List<StatementResult> results = new ArrayList<>();
    List<StatementFact> facts = new ArrayList<>();
    FileAnalyzer.Analysis analysis = new FileAnalyzer(options.engineVersion(), schema)
        .analyze(text, fact, results::add, facts::add);
    return new AnalysedFile(f, fact, results, facts, analysis);
  }

  private void judge(AnalysedFile a, LintListener listener) {
    listener.fileStarted(a.file().displayPath(), a.file().rollback(),
        a.fact().isWrappedInTransaction());
    a.results().forEach(listener::statement);
    FileRuleRun run = new FileRuleRun(rules, a.fact(), windowing);
    a.facts().forEach(run::add);
    finish(run.finish(), a.analysis(), listener);
  }

  /** Lints one script given as text, e.g. standard input, named {@code displayPath}. */
  public LintResult lintText(String displayPath, String text) {
    LintResultCollector one = new LintResultCollector();
    lintText(displayPath, text, one);
    return one.result(options.engineVersion());
  }

  /** Lints one script given as text, handing its results to {@code listener} as they come. */
  public void lintText(String displayPath, String text, LintListener listener) {
    lintFile(plain(displayPath), text, startingSchema(), listener);
  }

  /**
   * Lints one script against a schema the caller built (plan judges its own steps this way);
   * the schema is changed by the script.
   */
  public FileResult lintText(String displayPath, String text, Schema schema) {
    LintResultCollector one = new LintResultCollector();
    lintFile(plain(displayPath), text, schema, one);
    return one.files().get(0);
  }

  private static MigrationFile plain(String displayPath) {
    return new MigrationFile(null, displayPath, "plain", false, displayPath);
  }

  private void lintFile(MigrationFile f, String text, Schema schema, LintListener listener) {
    MigrationFact fact = migrationFact(f, text);
    listener.fileStarted(f.displayPath(), f.rollback(), fact.isWrappedInTransaction());
    FileRuleRun run = new FileRuleRun(rules, fact, windowing);
    FileAnalyzer.Analysis analysis = new FileAnalyzer(options.engineVersion(), schema)
        .analyze(text, fact, listener::statement, run::add);
    finish(run.finish(), analysis, listener);
  }

  private MigrationFact migrationFact(MigrationFile f, String text) {
    boolean wrapped = switch (options.transactionMode()) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> f.toolWrapsInTransaction()
          && !(f.tool().equals("flyway") && onlyNonTransactional(text));
    };
    return new MigrationFact(f.displayPath(), options.engineVersion(), f.rollback(), wrapped,
        f.tool());
  }

  /** Applies suppressions and configuration to a file's findings and reports them. */
  private void finish(List<RawFinding> raw, FileAnalyzer.Analysis analysis,
      LintListener listener) {
    List<SuppressedFinding> suppressed = new ArrayList<>();
    List<Finding> findings = applySuppressions(raw, analysis.suppressions(), suppressed);
    Comparator<Finding> byPlace = Comparator.comparingInt(Finding::line)
        .thenComparingInt(Finding::column).thenComparing(Finding::severity)
        .thenComparing(Finding::rule);
    findings.sort(byPlace);
    // In the order of the findings too, rather than the order the rule sessions reported them
    // in, which depends on how the statements were split into windows.
    suppressed.sort(Comparator.comparing(SuppressedFinding::finding, byPlace));
    listener.fileFinished(findings, suppressed);
  }

  /**
   * Flyway runs a PostgreSQL migration outside a transaction when every statement in it must
   * run outside one (CONCURRENTLY forms, VACUUM), and refuses a migration that mixes both; SET
   * statements count as neither.
   */
  static boolean onlyNonTransactional(String text) {
    boolean any = false;
    for (java.util.Iterator<dev.migsafe.internal.sql.SourceStatement> it =
        dev.migsafe.internal.sql.SqlSplitter.iterate(text); it.hasNext(); ) {
      var read = dev.migsafe.internal.sql.PgStatementReader.read(it.next());
      boolean neutral = read.operations().stream()
          .allMatch(op -> op.getKind().equals("set") || op.getKind().equals("reset"));
      boolean nonTx = read.operations().stream().anyMatch(op -> op.isConcurrently()
          && !op.getKind().equals("refresh-materialized-view")
          || op.getKind().startsWith("vacuum"));
      if (nonTx) {
        any = true;
      } else if (!neutral) {
        return false;
      }
    }
    return any;
  }

  private List<Finding> applySuppressions(List<RawFinding> raw,
      Map<Integer, List<Suppression>> suppressions, List<SuppressedFinding> suppressed) {
    List<Finding> out = new ArrayList<>();
    List<Suppression> used = new ArrayList<>();
    for (RawFinding r : raw) {
      if (options.disabledRules().contains(r.rule())) {
        continue;
      }
      Suppression match = Stream.concat(
              suppressions.getOrDefault(r.statementIndex(), List.of()).stream(),
              suppressions.getOrDefault(FileAnalyzer.WHOLE_FILE, List.of()).stream())
          .filter(s -> s.hasReason() && s.rules().contains(r.rule())).findFirst().orElse(null);
      Severity sev = options.severityOverrides().getOrDefault(r.rule(), r.severity());
      Finding finding = new Finding(r.rule(), sev, r.line(), r.column(), r.statementIndex(),
          r.message(), r.why(), r.saferAlternative(), r.endLine(), r.endColumn(), r.fix());
      if (match != null) {
        used.add(match);
        suppressed.add(new SuppressedFinding(finding, match.reason(), match.line()));
        continue;
      }
      out.add(finding);
    }
    suppressions.forEach((index, list) -> {
      for (Suppression s : list) {
        Finding f = null;
        if (!s.hasReason()) {
          f = meta("invalid-suppression", index, s,
              "The migsafe:ignore comment gives no reason, so it suppresses nothing",
              "A suppression is a reviewed decision; the reason is what the reviewer reads.",
              "Write the reason after the rule id: -- migsafe:ignore "
                  + String.join(",", s.rules()) + " table is empty in every environment");
        } else if (!used.contains(s)) {
          f = meta("unused-suppression", index, s,
              "The migsafe:ignore" + (s.wholeFile() ? "-file" : "") + " comment for "
                  + String.join(", ", s.rules()) + " matches no finding of this "
                  + (s.wholeFile() ? "file" : "statement"),
              s.wholeFile() ? "A stale suppression hides the next real finding of the same rule "
                  + "anywhere in this file." : "A stale suppression hides the next real finding "
                  + "of the same rule here.",
              s.wholeFile() ? "Remove the comment." : "Remove the comment, or move it onto the "
                  + "statement it is meant for.");
        }
        if (f != null) {
          out.add(f);
        }
      }
    });
    return out;
  }

  private Finding meta(String rule, int index, Suppression s, String message, String why,
      String alternative) {
    if (options.disabledRules().contains(rule)) {
      return null;
    }
    Severity sev = options.severityOverrides().getOrDefault(rule, Severity.LOW);
    return new Finding(rule, sev, s.line(), s.column(), index, message, why, alternative);
  }

  /** The schema from {@code --schema}, or an empty one. */
  private Schema startingSchema() {
    Schema schema = new Schema();
    Path file = options.schemaFile();
    if (file == null) {
      return schema;
    }
    if (!Files.isRegularFile(file)) {
      throw MigsafeException.badInput(file + ": no such schema file");
    }
    SchemaReader.apply(schema, read(file));
    return schema;
  }

  /** Reads a file as UTF-8 text; binary or over-large files are bad input. */
  static String read(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw MigsafeException.badInput(file + ": " + size + " bytes is larger than the "
            + MAX_FILE_BYTES / (1024 * 1024) + " MiB migsafe reads");
      }
      byte[] bytes = Files.readAllBytes(file);
      int probe = Math.min(bytes.length, 8192);
      for (int i = 0; i < probe; i++) {
        if (bytes[i] == 0) {
          throw MigsafeException.badInput(file + ":1:1: binary file (NUL byte at offset " + i
              + "), not SQL text");
        }
      }
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw MigsafeException.badInput(file + ":1:1: not valid UTF-8 text");
    } catch (IOException e) {
      throw MigsafeException.badInput(file + ": cannot be read: " + e.getMessage());
    }
  }
}
