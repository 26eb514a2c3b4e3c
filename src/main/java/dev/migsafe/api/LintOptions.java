package dev.migsafe.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Immutable options of a lint run.
 *
 * @param engineVersion PostgreSQL major version of the production server (10..17)
 * @param transactionMode whether files run inside one transaction
 * @param disabledRules rule ids whose findings are dropped
 * @param severityOverrides per rule id, the severity to report instead of the rule's own
 * @param schemaFile optional DDL that gives the starting schema
 */
public record LintOptions(
    int engineVersion,
    TransactionMode transactionMode,
    Set<String> disabledRules,
    Map<String, Severity> severityOverrides,
    Path schemaFile) {

  public static final int NEWEST_POSTGRESQL = 17;
  public static final int OLDEST_POSTGRESQL = 10;

  public LintOptions {
    if (engineVersion < OLDEST_POSTGRESQL || engineVersion > NEWEST_POSTGRESQL) {
      throw MigsafeException.badInput(
          "engine version " + engineVersion + " is not supported (PostgreSQL 10 to 17)");
    }
    disabledRules = Set.copyOf(disabledRules);
    severityOverrides = Map.copyOf(severityOverrides);
  }

  public static LintOptions defaults() {
    return new LintOptions(NEWEST_POSTGRESQL, TransactionMode.AUTO, Set.of(), Map.of(), null);
  }

  public LintOptions withEngineVersion(int version) {
    return new LintOptions(version, transactionMode, disabledRules, severityOverrides, schemaFile);
  }

  public LintOptions withTransactionMode(TransactionMode mode) {
    return new LintOptions(engineVersion, mode, disabledRules, severityOverrides, schemaFile);
  }

  public LintOptions withSchemaFile(Path file) {
    return new LintOptions(engineVersion, transactionMode, disabledRules, severityOverrides, file);
  }

  public LintOptions withDisabledRules(Set<String> rules) {
    return new LintOptions(engineVersion, transactionMode, rules, severityOverrides, schemaFile);
  }

  public LintOptions withSeverityOverrides(Map<String, Severity> overrides) {
    return new LintOptions(engineVersion, transactionMode, disabledRules, overrides, schemaFile);
  }
}
