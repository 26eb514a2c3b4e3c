package dev.migsafe.internal.catalog;

import dev.migsafe.api.PastMigration;
import dev.migsafe.api.PastMigration.Hotfix;
import dev.migsafe.api.PastMigration.Incident;
import dev.migsafe.api.PastMigration.Outcome;
import dev.migsafe.api.PastMigration.Rollback;
import dev.migsafe.internal.yaml.Problems;
import dev.migsafe.internal.yaml.YamlDocument;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one {@code kind: PastMigration} record strictly (catalog-v1.md). Every problem is
 * recorded; a record with any problem is not returned.
 */
public final class PastMigrationReader {
  public static final String KIND = "PastMigration";
  static final Set<String> FIELDS = Set.of("apiVersion", "kind", "id", "title", "team",
      "dialect", "engineVersion", "date", "summary", "tables", "changes", "sql", "tableRows",
      "plannedWindow", "actualDuration", "rollback", "outcome", "lessons");
  public static final Set<String> DIALECTS = Set.of("postgresql", "mysql");
  public static final Set<String> STATUSES = Set.of("success", "incident", "rolled-back",
      "aborted");
  private static final Set<String> ROLLBACK = Set.of("planned", "tested", "executed");
  private static final Set<String> OUTCOME = Set.of("status", "incidents", "integrityDefects",
      "hotfixes");
  private static final Set<String> INCIDENT = Set.of("severity", "cause", "minutes",
      "description");
  private static final Set<String> HOTFIX = Set.of("cause", "date", "description");
  private static final Pattern SEVERITY = Pattern.compile("sev[1-5]");
  /** Causes are free words, but words: they are counted and grouped in reports. */
  static final Pattern CAUSE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern PG_VERSION = Pattern.compile("9\\.6|1[0-8]");
  private static final Pattern MYSQL_VERSION = Pattern.compile("(5\\.7|8\\.0|8\\.4)(\\.\\d+)?");

  private PastMigrationReader() {}

  /** The record, or null when {@code problems} has any. */
  public static PastMigration read(String text, String fileStem, Problems problems) {
    RecordFields r = RecordFields.open(text, problems, KIND, fileStem, FIELDS);
    if (r == null) {
      return null;
    }
    String id = r.text("id", true);
    String title = r.text("title", true);
    String team = r.text("team", true);
    String dialect = r.doc().oneOf(r.node("dialect"), "dialect", DIALECTS);
    if (r.node("dialect") == null) {
      problems.add(r.root(), "dialect", "is required");
    }
    String engineVersion = r.text("engineVersion", false);
    if (engineVersion != null && dialect != null) {
      Pattern p = dialect.equals("mysql") ? MYSQL_VERSION : PG_VERSION;
      if (!p.matcher(engineVersion).matches()) {
        problems.add(r.node("engineVersion"), "engineVersion", "'" + engineVersion
            + "' is not a " + dialect + " version migsafe knows ("
            + (dialect.equals("mysql") ? "5.7, 8.0, 8.4" : "9.6, 10 to 18") + ")");
      }
    }
    LocalDate date = r.date(r.fields(), r.root(), "", "date", true);
    String summary = r.text("summary", false);
    List<String> tables = r.words("tables", false, null, null);
    List<String> changes = r.changeKinds("changes", true);
    String sql = r.text("sql", false);
    Map<String, Long> rows = tableRows(r, tables);
    Duration planned = r.duration("plannedWindow");
    Duration actual = r.duration("actualDuration");
    Rollback rollback = rollback(r);
    Outcome outcome = outcome(r);
    String lessons = r.text("lessons", false);
    if (!problems.isEmpty()) {
      return null;
    }
    return new PastMigration(id, title, team, dialect, engineVersion, date, summary, tables,
        changes, sql, rows, planned, actual, rollback, outcome, lessons);
  }

  private static Map<String, Long> tableRows(RecordFields r, List<String> tables) {
    Node n = r.node("tableRows");
    Map<String, Long> out = new LinkedHashMap<>();
    if (n == null) {
      return out;
    }
    if (!(n instanceof MappingNode m)) {
      r.problems().add(n, "tableRows", "must be a mapping of table to row count");
      return out;
    }
    for (var t : m.getValue()) {
      String table = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
      String path = "tableRows." + table;
      Long rows = r.nonNegative(t.getValueNode(), path);
      if (table == null) {
        r.problems().add(t.getKeyNode(), "tableRows", "keys must be table names");
        continue;
      }
      if (!tables.contains(table)) {
        r.problems().add(t.getKeyNode(), path, "'" + table + "' is not listed in tables");
      }
      if (rows != null) {
        out.put(table, rows);
      }
    }
    return out;
  }

  private static Rollback rollback(RecordFields r) {
    Node n = r.node("rollback");
    if (n == null) {
      return null;
    }
    YamlDocument doc = r.doc();
    Map<String, Node> f = doc.mapping(n, "rollback", ROLLBACK);
    Boolean planned = doc.bool(f.get("planned"), "rollback.planned");
    Boolean tested = doc.bool(f.get("tested"), "rollback.tested");
    Boolean executed = doc.bool(f.get("executed"), "rollback.executed");
    if (Boolean.TRUE.equals(tested) && Boolean.FALSE.equals(planned)) {
      r.problems().add(f.get("tested"), "rollback.tested", "a rollback cannot be tested when "
          + "none was planned");
    }
    return new Rollback(Boolean.TRUE.equals(planned), Boolean.TRUE.equals(tested),
        Boolean.TRUE.equals(executed));
  }

  private static Outcome outcome(RecordFields r) {
    Node n = r.node("outcome");
    if (n == null) {
      r.problems().add(r.root(), "outcome", "is required");
      return null;
    }
    YamlDocument doc = r.doc();
    Map<String, Node> f = doc.mapping(n, "outcome", OUTCOME);
    String status = doc.oneOf(f.get("status"), "outcome.status", STATUSES);
    if (f.get("status") == null && n instanceof MappingNode) {
      r.problems().add(n, "outcome.status", "is required");
    }
    List<Incident> incidents = new ArrayList<>();
    List<Node> items = doc.sequence(f.get("incidents"), "outcome.incidents");
    for (int i = 0; i < items.size(); i++) {
      String p = "outcome.incidents[" + i + "]";
      Map<String, Node> x = doc.mapping(items.get(i), p, INCIDENT);
      String sev = r.text(x, items.get(i), p, "severity", true);
      if (sev != null && !SEVERITY.matcher(sev).matches()) {
        r.problems().add(x.get("severity"), p + ".severity", "'" + sev
            + "' is not a severity (sev1 to sev5)");
      }
      String cause = cause(r, x, items.get(i), p);
      Long minutes = r.nonNegative(x.get("minutes"), p + ".minutes");
      if (x.get("minutes") == null && items.get(i) instanceof MappingNode) {
        r.problems().add(items.get(i), p + ".minutes", "is required");
      }
      String description = r.text(x, items.get(i), p, "description", true);
      incidents.add(new Incident(sev, cause, minutes == null ? 0 : (int) Math.min(minutes,
          Integer.MAX_VALUE), description));
    }
    Long defects = r.nonNegative(f.get("integrityDefects"), "outcome.integrityDefects");
    List<Hotfix> hotfixes = new ArrayList<>();
    items = doc.sequence(f.get("hotfixes"), "outcome.hotfixes");
    for (int i = 0; i < items.size(); i++) {
      String p = "outcome.hotfixes[" + i + "]";
      Map<String, Node> x = doc.mapping(items.get(i), p, HOTFIX);
      String cause = cause(r, x, items.get(i), p);
      LocalDate date = r.date(x, items.get(i), p, "date", true);
      String description = r.text(x, items.get(i), p, "description", true);
      hotfixes.add(new Hotfix(cause, date, description));
    }
    if ("incident".equals(status) && incidents.isEmpty()) {
      r.problems().add(f.get("status"), "outcome.status",
          "is incident but outcome.incidents lists none");
    }
    return new Outcome(status, incidents, defects == null ? 0 : (int) Math.min(defects,
        Integer.MAX_VALUE), hotfixes);
  }

  private static String cause(RecordFields r, Map<String, Node> x, Node parent, String path) {
    String cause = r.text(x, parent, path, "cause", true);
    if (cause != null && !CAUSE.matcher(cause).matches()) {
      r.problems().add(x.get("cause"), path + ".cause", "'" + cause
          + "' must be one lower-case word or kebab-case words, e.g. lock-contention");
    }
    return cause;
  }

}
