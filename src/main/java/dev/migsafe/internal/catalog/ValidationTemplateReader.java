package dev.migsafe.internal.catalog;

import dev.migsafe.api.CheckKind;
import dev.migsafe.api.TypeCategory;
import dev.migsafe.api.ValidationTemplate;
import dev.migsafe.internal.sql.SqlSplitter;
import dev.migsafe.internal.sql.SqlTypes;
import dev.migsafe.internal.sql.StatementParser;
import dev.migsafe.internal.yaml.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one {@code kind: ValidationTemplate} record strictly. Besides the fields, the SQL must
 * be one statement that the project's SQL parser reads once its placeholders are filled, in
 * every dialect the template is written for: {@code plan} promises that every SQL string it
 * prints parses.
 */
public final class ValidationTemplateReader {
  public static final String KIND = "ValidationTemplate";
  static final Set<String> FIELDS = Set.of("apiVersion", "kind", "id", "appliesTo", "phase",
      "description", "sql", "expect", "dialects", "checks", "columnTypes");
  public static final Set<String> PHASES = Set.of("before", "after-backfill", "after-cutover",
      "always");

  private static final Set<String> CHECK_IDS = java.util.Arrays.stream(CheckKind.values())
      .map(CheckKind::id).collect(java.util.stream.Collectors.toCollection(
          java.util.TreeSet::new));
  private static final String CATEGORY_IDS = String.join(", ", java.util.Arrays.stream(
      TypeCategory.values()).map(TypeCategory::id).toList());

  private ValidationTemplateReader() {}

  /** The template, or null when {@code problems} has any. */
  public static ValidationTemplate read(String text, String fileStem, Problems problems) {
    RecordFields r = RecordFields.open(text, problems, KIND, fileStem, FIELDS);
    if (r == null) {
      return null;
    }
    String id = r.text("id", true);
    List<String> appliesTo = r.changeKinds("appliesTo", true);
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
    CheckKind checks = null;
    if (r.node("checks") != null) {
      checks = CheckKind.parse(r.doc().oneOf(r.node("checks"), "checks", CHECK_IDS));
    }
    List<ValidationTemplate.TypeRule> columnTypes = typeRules(r, sql);
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
        dialects, checks, columnTypes);
  }

  /**
   * {@code columnTypes:} maps a column placeholder (or {@code dataType}) to the type categories
   * or exact built-in types it may stand for. A key the SQL never uses would constrain nothing
   * and is a mistake, except {@code dataType}: the target type decides whether a check means
   * anything even when the query does not mention it.
   */
  private static List<ValidationTemplate.TypeRule> typeRules(RecordFields r, String sql) {
    Node node = r.node("columnTypes");
    if (node == null) {
      return List.of();
    }
    Set<String> used = sql == null ? Set.of() : TemplateSql.placeholders(sql);
    List<ValidationTemplate.TypeRule> out = new ArrayList<>();
    Map<String, Node> entries = r.doc().mapping(node, "columnTypes", TemplatePlaceholders.typed());
    entries.forEach((key, value) -> {
      String path = "columnTypes." + key;
      if (!key.equals(TemplatePlaceholders.TARGET_TYPE) && sql != null && !used.contains(key)) {
        r.problems().add(value, path, "the sql has no placeholder {{" + key + "}} to constrain");
      }
      List<Node> items = r.doc().sequence(value, path);
      if (items.isEmpty()) {
        r.problems().add(value, path, "must name at least one type category or type");
      }
      Set<TypeCategory> categories = new LinkedHashSet<>();
      Set<String> types = new LinkedHashSet<>();
      for (int i = 0; i < items.size(); i++) {
        String word = r.doc().string(items.get(i), path + "[" + i + "]");
        if (word == null) {
          continue;
        }
        TypeCategory category = TypeCategory.parse(word);
        if (category != null) {
          categories.add(category);
        } else if (SqlTypes.BUILTIN.contains(SqlTypes.canonical(word))) {
          types.add(SqlTypes.canonical(word));
        } else {
          r.problems().add(items.get(i), path + "[" + i + "]", "'" + word + "' is neither a "
              + "type category (" + CATEGORY_IDS + ") nor a built-in type such as integer");
        }
      }
      out.add(new ValidationTemplate.TypeRule(key, categories, types));
    });
    return out;
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
