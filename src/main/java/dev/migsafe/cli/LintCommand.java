package dev.migsafe.cli;

import dev.migsafe.Migsafe;
import dev.migsafe.api.LintOptions;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.Severity;
import dev.migsafe.api.TransactionMode;
import dev.migsafe.internal.ci.Baseline;
import dev.migsafe.internal.ci.ChangedFiles;
import dev.migsafe.internal.ci.Fingerprints;
import dev.migsafe.internal.ci.ReportedFindings;
import dev.migsafe.internal.ci.RepositoryRoot;
import dev.migsafe.internal.config.ConfigLoader;
import dev.migsafe.internal.config.ConfigSearch;
import dev.migsafe.internal.config.ProjectConfig;
import dev.migsafe.internal.io.AtomicFiles;
import dev.migsafe.internal.render.Json;
import dev.migsafe.internal.render.LintCompactRenderer;
import dev.migsafe.internal.render.LintGithubRenderer;
import dev.migsafe.internal.render.LintGitlabRenderer;
import dev.migsafe.internal.render.LintJsonRenderer;
import dev.migsafe.internal.render.LintMarkdownRenderer;
import dev.migsafe.internal.render.LintStream;
import dev.migsafe.internal.render.LintTextRenderer;
import dev.migsafe.internal.render.RuleDocs;
import dev.migsafe.internal.render.SarifRenderer;
import dev.migsafe.api.RuleInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migsafe lint PATH...}. */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = "Analyse migration SQL files or folders (Flyway V*__*.sql, golang-migrate "
        + "*.up.sql, diesel */up.sql, Prisma */migration.sql, plain *.sql); '-' reads standard "
        + "input.")
final class LintCommand implements Callable<Integer> {
  /** Output formats of lint. */
  enum Format { text, compact, json, sarif, github, gitlab, md }

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders; - for stdin.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--format", description = "text, compact (one line per finding), json, "
      + "sarif, github (workflow annotations), gitlab (Code Quality report) or md (a "
      + "pull-request comment) (default: text).")
  Format format = Format.text;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead "
      + "of standard output (atomically).")
  Path out;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit 1 when a finding is at least this severe: blocker, high, medium, low, "
          + "info (default: high).")
  String failOn;

  @Option(names = "--engine-version", paramLabel = "N",
      description = "PostgreSQL major version of production, 10 to 17 (default: 17).")
  Integer engineVersion;

  @Option(names = "--dialect", description = "postgresql (mysql is planned).")
  String dialect = "postgresql";

  @Option(names = "--schema", paramLabel = "FILE", description = "DDL of the starting schema.")
  Path schema;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (default: the nearest .migsafe.yaml from the linted "
          + "paths up to the repository root, else the working directory's).")
  Path config;

  @Option(names = "--transaction", paramLabel = "MODE",
      description = "Whether each file runs in one transaction: auto (Flyway, Prisma and diesel "
          + "do), always, never.")
  String transaction;

  @Option(names = "--verbose", description = "Text format: list every statement's locks too.")
  boolean verbose;

  @Option(names = "--explain", description = "Text format: print the why and the safer "
      + "alternative under every finding, not only under the first of each rule.")
  boolean explain;

  @Option(names = "--color", negatable = true,
      description = "Colour the text output (default: when standard output is a terminal).")
  Boolean color;

  @Option(names = "--changed-since", paramLabel = "REF", description = "Replay every "
      + "migration, but report only findings in files changed since the merge base of REF and "
      + "HEAD (git diff --name-only), uncommitted and untracked files included.")
  String changedSince;

  @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings that "
      + "are not in this baseline (written by --write-baseline).")
  Path baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE", description = "Write every current "
      + "finding to FILE as the baseline that accepts them, and exit 0.")
  Path writeBaseline;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (!dialect.equalsIgnoreCase("postgresql")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--dialect '" + dialect + "' is not supported yet; lint reads postgresql");
    }
    Migsafe defaults = Migsafe.builder().build();
    ProjectConfig cfg = loadConfig(defaults.rules().stream().map(RuleInfo::id)
        .collect(java.util.stream.Collectors.toSet()));
    Severity threshold = parseSeverity(failOn != null ? failOn
        : cfg.failOn() != null ? cfg.failOn() : "high");
    int version = engineVersion != null ? engineVersion
        : cfg.engineVersion() != null ? cfg.engineVersion() : LintOptions.NEWEST_POSTGRESQL;
    if (version < LintOptions.OLDEST_POSTGRESQL || version > LintOptions.NEWEST_POSTGRESQL) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--engine-version '" + version + "' is not a supported PostgreSQL major version (10 to 17)");
    }
    TransactionMode tx = parseTransaction(transaction != null ? transaction
        : cfg.transaction() != null ? cfg.transaction() : "auto");
    Map<String, Severity> overrides = new HashMap<>();
    cfg.severity().forEach((k, v) -> overrides.put(k, Severity.parse(v)));
    Set<String> disabled = new HashSet<>(cfg.disable());
    LintOptions options = new LintOptions(version, tx, disabled, overrides, schema);
    Migsafe migsafe = Migsafe.builder().options(options).build();

    // The repository's view of files: what git diff, GitHub and GitLab call them.
    Path root = RepositoryRoot.of(Path.of(""));
    // REF and the baseline are checked before the (longer) lint, so a typo fails fast.
    Set<String> changed = changedSince == null ? null : ChangedFiles.since(changedSince, root);
    Baseline accepted = baseline == null ? null : Baseline.read(baseline);
    LintStream stream = streaming(migsafe, options, root);
    if (stream != null) {
      lint(migsafe, stream);
      stream.finish();
      return stream.tally().hasFindingsAtLeast(threshold) ? ExitCode.FINDINGS.code()
          : ExitCode.OK.code();
    }
    LintResult all = lint(migsafe);
    if (writeBaseline != null) {
      AtomicFiles.write(writeBaseline, Json.write(Baseline.toJson(Fingerprints.of(all, root))));
    }
    LintResult result = reported(all, root, changed, accepted);
    String rendered = switch (format) {
      case text -> new LintTextRenderer(useColor(), verbose, explain, docs(migsafe))
          .render(result);
      case compact -> LintCompactRenderer.render(result);
      case json -> LintJsonRenderer.render(result, Migsafe.version(), docs(migsafe));
      case sarif -> SarifRenderer.render(result, docs(migsafe), Migsafe.version(), root);
      case github -> LintGithubRenderer.render(result, docs(migsafe), root);
      case gitlab -> LintGitlabRenderer.render(result, docs(migsafe), root);
      case md -> LintMarkdownRenderer.render(result, docs(migsafe), root, Migsafe.version());
    };
    if (out != null) {
      AtomicFiles.write(out, rendered);
    } else {
      spec.commandLine().getOut().print(rendered);
      spec.commandLine().getOut().flush();
    }
    if (writeBaseline != null) {
      return ExitCode.OK.code();
    }
    return result.hasFindingsAtLeast(threshold) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }

  /**
   * What is reported of a run: the baseline is applied to the whole run first, because a
   * fingerprint counts occurrences within a file; then only changed files are kept.
   */
  private static LintResult reported(LintResult all, Path root, Set<String> changed,
      Baseline accepted) {
    LintResult result = all;
    if (accepted != null) {
      result = ReportedFindings.retain(result, root, x -> !accepted.accepts(x), p -> true);
    }
    if (changed != null) {
      result = ReportedFindings.retain(result, root, x -> changed.contains(x.path()),
          changed::contains);
    }
    return result;
  }

  /**
   * The output written as the run goes, when nothing needs the whole result first: a baseline
   * and --changed-since filter the whole run, and --out replaces its file in one rename. Formats
   * meant for one pull request (github, gitlab, md) are rendered whole. Null otherwise.
   */
  private LintStream streaming(Migsafe migsafe, LintOptions options, Path root) {
    if (out != null || baseline != null || writeBaseline != null || changedSince != null) {
      return null;
    }
    java.io.Writer w = spec.commandLine().getOut();
    return switch (format) {
      case text -> new LintTextRenderer(useColor(), verbose, explain, docs(migsafe)).stream(w);
      case compact -> new LintCompactRenderer(w);
      case json -> new LintJsonRenderer(w, Migsafe.version(), docs(migsafe), "postgresql",
          options.engineVersion());
      case sarif -> SarifRenderer.stream(w, docs(migsafe), Migsafe.version(), root,
          "postgresql", options.engineVersion());
      case github, gitlab, md -> null;
    };
  }

  private void lint(Migsafe migsafe, LintStream stream) {
    if (paths.contains("-")) {
      checkStdinAlone();
      migsafe.lint("-", readStdin(), stream);
    } else {
      migsafe.lint(paths.stream().map(Path::of).toList(), stream);
    }
  }

  private void checkStdinAlone() {
    if (paths.size() > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "'-' (standard input) cannot be combined with other paths");
    }
  }

  private static RuleDocs docs(Migsafe migsafe) {
    return new RuleDocs(migsafe.rules(), migsafe::ruleDoc);
  }

  private LintResult lint(Migsafe migsafe) {
    if (paths.contains("-")) {
      checkStdinAlone();
      return migsafe.lint("-", readStdin());
    }
    List<Path> ps = paths.stream().map(Path::of).toList();
    return migsafe.lint(ps);
  }

  private static String readStdin() {
    try {
      InputStream in = System.in;
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw MigsafeException.badInput("-: standard input cannot be read: " + e.getMessage());
    }
  }

  private ProjectConfig loadConfig(Set<String> known) {
    Path file = config;
    if (file == null) {
      Optional<Path> found = ConfigSearch.forPaths(paths, Path.of(""));
      if (found.isEmpty()) {
        return ProjectConfig.empty();
      }
      file = found.get();
    } else if (!Files.isRegularFile(file)) {
      throw MigsafeException.badInput(file + ": no such configuration file");
    }
    return ConfigLoader.load(file, known);
  }


  private Severity parseSeverity(String text) {
    try {
      return Severity.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--fail-on: " + e.getMessage());
    }
  }

  private TransactionMode parseTransaction(String text) {
    try {
      return TransactionMode.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--transaction '" + text + "' is not one of auto, always, never");
    }
  }

  private boolean useColor() {
    if (color != null) {
      return color;
    }
    return out == null && System.console() != null && System.getenv("NO_COLOR") == null;
  }
}
