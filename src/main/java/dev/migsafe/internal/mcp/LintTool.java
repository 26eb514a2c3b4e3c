package dev.migsafe.internal.mcp;

import dev.migsafe.Migsafe;
import dev.migsafe.api.FileResult;
import dev.migsafe.api.LintOptions;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.RuleInfo;
import dev.migsafe.api.Severity;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.TransactionMode;
import dev.migsafe.internal.config.ConfigLoader;
import dev.migsafe.internal.config.ProjectConfig;
import dev.migsafe.internal.lint.Linter;
import dev.migsafe.internal.render.LintCompactRenderer;
import dev.migsafe.internal.render.LintJsonRenderer;
import dev.migsafe.internal.render.RuleDocs;
import dev.migsafe.internal.rules.RuleBase;
import dev.migsafe.internal.schema.SchemaReader;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code lint}: the facts and findings of {@code lint --format json} for SQL the client sends,
 * with the working directory's {@code .migsafe.yaml} applied as the command line applies it.
 */
final class LintTool implements McpTool {
  /** How the SQL is named in findings: the argument it came in. */
  static final String NAME = "sql";

  private final Migsafe defaults = Migsafe.builder().build();

  @Override
  public McpSchema.Tool definition() {
    return ToolRegistry.readOnly("lint", "Lint migration SQL", "lint-input", "lint-output",
        "Lints PostgreSQL migration SQL: for every statement the exact lock it "
            + "takes on each table, whether it rewrites or scans the table, and the rule "
            + "findings (severity, message, why, safer alternative). The same JSON as "
            + "`migsafe lint --format json`.");
  }

  @Override
  public boolean readsCatalog() {
    return false;
  }

  @Override
  public McpSchema.CallToolResult call(ToolCall call) {
    Arguments args = call.arguments();
    String sql = args.required("sql");
    String schema = args.optional("schema");
    ProjectConfig cfg = projectConfig(call.roots());
    int version = (int) args.integer("engineVersion", LintOptions.OLDEST_POSTGRESQL,
        LintOptions.NEWEST_POSTGRESQL, cfg.engineVersion() != null ? cfg.engineVersion()
            : LintOptions.NEWEST_POSTGRESQL);
    String tx = args.optional("transaction");
    Map<String, Severity> overrides = new HashMap<>();
    cfg.severity().forEach((k, v) -> overrides.put(k, Severity.parse(v)));
    LintOptions options = new LintOptions(version,
        transaction(tx != null ? tx : cfg.transaction() != null ? cfg.transaction() : "auto"),
        new HashSet<>(cfg.disable()), overrides, null);
    LintResult result;
    if (schema == null || schema.isBlank()) {
      result = Migsafe.builder().options(options).build().lint(NAME, sql);
    } else if (PacketGate.isInlineDdl(schema)) {
      FileResult file = new Linter(RuleBase.shared(), options)
          .lintText(NAME, sql, SchemaReader.read(schema));
      result = new LintResult("postgresql", version, List.of(file));
    } else {
      Path file = call.roots().resolve("schema", schema);
      result = Migsafe.builder().options(options.withSchemaFile(file)).build().lint(NAME, sql);
    }
    // Built per call, not with the tool: the rule base behind it is built in the background
    // while the server starts, and is shared once built.
    RuleDocs docs = new RuleDocs(defaults.rules(), defaults::ruleDoc);
    return ToolResults.structured(summary(result),
        LintJsonRenderer.render(result, Migsafe.version(), docs));
  }

  private ProjectConfig projectConfig(WorkingRoots roots) {
    Path file = roots.projectEntry(ConfigLoader.FILE_NAME);
    if (file == null || !Files.isRegularFile(file)) {
      return ProjectConfig.empty();
    }
    return ConfigLoader.load(file,
        defaults.rules().stream().map(RuleInfo::id).collect(Collectors.toSet()));
  }

  private static TransactionMode transaction(String text) {
    try {
      return TransactionMode.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ToolFailure("transaction '" + text + "' is not one of auto, always, never");
    }
  }

  /** The counts, each lock taken on an existing table, then one line per finding. */
  static String summary(LintResult result) {
    StringBuilder sb = new StringBuilder();
    sb.append(result.statementCount()).append(result.statementCount() == 1 ? " statement" :
        " statements");
    if (result.unparsedCount() > 0) {
      sb.append(" (").append(result.unparsedCount()).append(" not parsed)");
    }
    String counts = result.countBySeverity().entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .map(e -> e.getValue() + " " + e.getKey().id())
        .collect(Collectors.joining(", "));
    sb.append(", ").append(counts.isEmpty() ? "no findings" : "findings: " + counts)
        .append(".\n");
    for (FileResult f : result.files()) {
      for (StatementResult s : f.statements()) {
        if (!s.locks().isEmpty()) {
          sb.append(f.path()).append(':').append(s.line()).append(':').append(s.column())
              .append(": ").append(s.locks().stream()
                  .map(l -> l.mode().sqlName() + " on " + l.table())
                  .collect(Collectors.joining(", ")));
          if (s.rewritesTable()) {
            sb.append(", rewrites the table");
          } else if (s.scansTable()) {
            sb.append(", scans the table");
          }
          sb.append('\n');
        }
      }
    }
    sb.append(LintCompactRenderer.render(result));
    return sb.toString();
  }
}
