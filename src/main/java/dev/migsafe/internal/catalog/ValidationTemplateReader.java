package dev.migsafe.internal.catalog;

import dev.migsafe.api.ValidationTemplate;
import dev.migsafe.internal.sql.SqlSplitter;
import dev.migsafe.internal.sql.StatementParser;
import dev.migsafe.internal.yaml.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one {@code kind: ValidationTemplate} record strictly. Besides the fields, the SQL must
 * be one statement that the project's SQL parser reads once its placeholders are filled, in
 * every dialect the template is written for: {@code plan} promises that every SQL string it
 * prints parses.
 */
public final class ValidationTemplateReader {
  public static final String KIND = "ValidationTemplate";
  static final Set<String> FIELDS = Set.of("apiVersion", "kind", "id", "appliesTo", "phase",
      "description", "sql", "expect", "dialects");
  public static final Set<String> PHASES = Set.of("before", "after-backfill", "after-cutover",
      "always");

  private ValidationTemplateReader() {}

  /** The template, or null when {@code problems} has any. */
  public static ValidationTemplate read(String text, String fileStem, Problems problems) {
    RecordFields r = RecordFields.open(text, problems, KIND, fileStem, FIELDS);
    if (r == null) {
      return null;
    }
    String id = r.text("id", true);
    List<String> appliesTo = r.words("appliesTo", true, ChangeKinds.ALL,
        "the change kinds (" + ChangeKinds.listed() + ")");
    String phase = r.doc().oneOf(r.node("phase"), "phase", PHASES);
    if (r.node("phase") == null) {
      problems.add(r.root(), "phase", "is required");
    }
    String description = r.text("description", true);
    String sql = r.text("sql", true);
    Long expect = r.doc().integer(r.node("expect"), "expect");
    if (r.node("expect") == null) {
      problems.add(r.root(), "expect", "is required");
    }
    List<String> dialects = r.words("dialects", false, PastMigrationReader.DIALECTS,
        "postgresql, mysql");
    if (sql != null) {
      for (String bad : TemplateSql.malformed(sql)) {
        problems.add(r.node("sql"), "sql", "'" + bad + "' is not a placeholder; write "
            + "{{name}} for an identifier or {{'name'}} for a string");
      }
      boolean parses = true;
      for (String dialect : dialects.isEmpty() ? List.of("postgresql", "mysql") : dialects) {
        String error = parseError(sql, dialect);
        if (error != null) {
          parses = false;
          problems.add(r.node("sql"), "sql", "does not parse as " + dialect
              + " SQL once its placeholders are filled: " + error);
        }
      }
      // A catalog arrives through pull requests like code, and its templates run in rehearsals.
      if (parses) {
        dev.migsafe.internal.sql.ReadOnlyQuery.check(filled(sql, "postgresql")).ifPresent(q ->
            problems.add(r.node("sql"), "sql", q.message() + " (line " + q.line() + ", column "
                + q.column() + " of the query)"));
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new ValidationTemplate(id, appliesTo, phase, description, sql.strip(), expect,
        dialects);
  }

  /** The SQL with every placeholder set to its own name. */
  private static String filled(String sql, String dialect) {
    Map<String, String> sample = new HashMap<>();
    TemplateSql.placeholders(sql).forEach(p -> sample.put(p, p));
    return TemplateSql.render(sql, sample, dialect);
  }

  /** Null when the SQL, with every placeholder set to its own name, is one parsed statement. */
  static String parseError(String sql, String dialect) {
    String filled = filled(sql, dialect);
    int statements = 0;
    for (var it = SqlSplitter.iterate(filled); it.hasNext(); it.next()) {
      statements++;
    }
    if (statements != 1) {
      return "it holds " + statements + " statements; a template is one query";
    }
    return StatementParser.parse(filled).error();
  }
}
