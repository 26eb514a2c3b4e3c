package dev.migsafe.internal.lint;

import dev.migsafe.api.LintOptions;
import dev.migsafe.api.StatementResult;
import dev.migsafe.internal.rules.MigrationFact;
import dev.migsafe.internal.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement analysis of {@code lint} (kind, locks, rewrite and scan facts) without firing
 * the rule base: the catalog describes past migrations by these facts, and compiling the rule
 * base would cost seconds that a search does not need.
 */
public final class StatementAnalysis {
  private StatementAnalysis() {}

  /**
   * Analyses a script as one plain file outside any implicit transaction.
   *
   * @param engineVersion PostgreSQL major; clamped to the versions the lock facts know
   * @param schema the schema before the script, or null for an empty one; it is not modified
   */
  public static List<StatementResult> analyze(String name, String sql, int engineVersion,
      Schema schema) {
    int version = Math.max(LintOptions.OLDEST_POSTGRESQL,
        Math.min(LintOptions.NEWEST_POSTGRESQL, engineVersion));
    Schema start = schema == null ? new Schema() : schema.copy();
    MigrationFact fact = new MigrationFact(name, version, false, false, "plain");
    List<StatementResult> statements = new ArrayList<>();
    new FileAnalyzer(version, start).analyze(sql, fact, statements::add, facts -> { });
    return statements;
  }
}
