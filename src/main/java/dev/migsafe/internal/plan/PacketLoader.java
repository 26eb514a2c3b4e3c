package dev.migsafe.internal.plan;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.MigrationPacket.Alert;
import dev.migsafe.api.MigrationPacket.Backfill;
import dev.migsafe.api.MigrationPacket.Constraints;
import dev.migsafe.api.MigrationPacket.Consumer;
import dev.migsafe.api.MigrationPacket.Invariant;
import dev.migsafe.api.MigrationPacket.MigrationStep;
import dev.migsafe.api.MigrationPacket.Rename;
import dev.migsafe.api.MigrationPacket.SchemaTexts;
import dev.migsafe.api.MigrationPacket.TableProfile;
import dev.migsafe.api.MigrationPacket.Traffic;
import dev.migsafe.api.MigrationPacket.Watch;
import dev.migsafe.api.MigrationPacket.Window;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import dev.migsafe.internal.schema.Table;
import dev.migsafe.internal.yaml.Problems;
import dev.migsafe.internal.yaml.YamlDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Loads a migration packet exactly as packet-v1.md fixes it: YAML or JSON, strict (unknown
 * fields are errors at every level), every problem reported in one run, schema files resolved
 * relative to the packet, consumers' columns checked against the current or target schema. A
 * packet that does not validate is never partly trusted.
 */
public final class PacketLoader {
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
  private static final Pattern DURATION = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h|d)$");
  private static final Set<String> TOP = Set.of("apiVersion", "kind", "id", "title", "owner",
      "reviewers", "dialect", "engineVersion", "intent", "schema", "renames", "transforms",
      "migration",
      "tables", "traffic", "consumers", "constraints", "invariants", "backfill", "watch");
  private static final Set<String> PG_VERSIONS =
      Set.of("10", "11", "12", "13", "14", "15", "16", "17");
  private static final Set<String> MYSQL_VERSIONS = Set.of("5.7", "8.0", "8.4");
  private static final Set<String> PHASES = Set.of("before", "after-backfill", "after-cutover",
      "always");

  private PacketLoader() {}

  /** Loads and validates the packet file; bad input lists every problem. */
  public static MigrationPacket load(Path file) {
    String text;
    try {
      if (!Files.isRegularFile(file)) {
        throw MigsafeException.badInput(file + ": no such packet file");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw MigsafeException.badInput(file + ": cannot be read: " + e.getMessage());
    }
    Problems problems = new Problems(file.toString());
    Node root = YamlDocument.compose(text, problems);
    if (root == null) {
      if (problems.isEmpty()) {
        problems.add(1, 1, "", "the packet is empty");
      }
      problems.throwIfAny();
    }
    MigrationPacket packet = new Reader(YamlDocument.over(problems), file).read(root);
    problems.throwIfAny();
    return packet;
  }

  /** Reads one document; records problems instead of stopping at the first. */
  private static final class Reader {
    private final YamlDocument doc;
    private final Problems problems;
    private final Path file;

    Reader(YamlDocument doc, Path file) {
      this.doc = doc;
      this.problems = doc.problems();
      this.file = file;
    }

    MigrationPacket read(Node root) {
      Map<String, Node> f = doc.mapping(root, "", TOP);
      String api = doc.string(doc.required(f, root, "", "apiVersion"), "apiVersion");
      if (api != null && !api.equals("migsafe/v1")) {
        problems.add(f.get("apiVersion"), "apiVersion", "must be migsafe/v1, is '" + api + "'");
      }
      String kind = doc.string(doc.required(f, root, "", "kind"), "kind");
      if (kind != null && !kind.equals("MigrationPacket")) {
        problems.add(f.get("kind"), "kind", "must be MigrationPacket, is '" + kind + "'");
      }
      String id = doc.string(doc.required(f, root, "", "id"), "id");
      if (id != null && !ID.matcher(id).matches()) {
        problems.add(f.get("id"), "id", "'" + id + "' must match [a-z0-9][a-z0-9._-]{0,79}");
      }
      String owner = doc.string(doc.required(f, root, "", "owner"), "owner");
      String dialect = doc.oneOf(doc.required(f, root, "", "dialect"), "dialect",
          Set.of("postgresql", "mysql"));
      String version = doc.string(f.get("engineVersion"), "engineVersion");
      if (version != null && dialect != null) {
        Set<String> allowed = dialect.equals("mysql") ? MYSQL_VERSIONS : PG_VERSIONS;
        if (!allowed.contains(version)) {
          problems.add(f.get("engineVersion"), "engineVersion", "'" + version
              + "' is not a supported " + dialect + " version ("
              + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
      }
      if (version == null) {
        version = "mysql".equals(dialect) ? "8.4" : "17";
      }
      List<MigrationStep> migration = migration(f.get("migration"));
      SchemaTexts schema = schema(f.get("schema"), root, !migration.isEmpty());
      Schema current = parse(schema == null ? null : schema.current());
      Schema target = parse(schema == null ? null : schema.target());
      Map<String, TableProfile> tables = tables(f.get("tables"), current, target);
      List<Consumer> consumers = consumers(f.get("consumers"), current, target);
      return new MigrationPacket(file, id, doc.string(f.get("title"), "title"), owner,
          doc.strings(f.get("reviewers"), "reviewers"), dialect, version,
          doc.string(f.get("intent"), "intent"), schema, renames(f.get("renames")),
          transforms(f.get("transforms"), current, target), migration,
          tables, traffic(f.get("traffic")), consumers, constraints(f.get("constraints")),
          invariants(f.get("invariants")), backfill(f.get("backfill")), watch(f.get("watch")));
    }

    private SchemaTexts schema(Node node, Node root, boolean hasMigration) {
      if (node == null) {
        problems.add(root, "schema", "is required: the current and target schema as DDL");
        return null;
      }
      Map<String, Node> f = doc.mapping(node, "schema", Set.of("current", "target"));
      Node cur = doc.required(f, node, "schema", "current");
      String current = ddl(cur, "schema.current");
      Node tgt = f.get("target");
      if (tgt == null && !hasMigration) {
        problems.add(node, "schema.target", "is required unless migration gives the statements");
      }
      String target = tgt == null ? null : ddl(tgt, "schema.target");
      return new SchemaTexts(current, target, source(cur), source(tgt));
    }

    /** DDL given inline (it has a newline or a semicolon) or as a path relative to the packet. */
    private String ddl(Node node, String path) {
      String value = doc.string(node, path);
      if (value == null) {
        return null;
      }
      if (isInline(value)) {
        return value;
      }
      return readRelative(node, path, value);
    }

    private static boolean isInline(String value) {
      return value.contains("\n") || value.contains(";") || value.isBlank();
    }

    private String source(Node node) {
      if (!(node instanceof ScalarNode s)) {
        return null;
      }
      return isInline(s.getValue()) ? "inline" : s.getValue();
    }

    private String readRelative(Node node, String path, String value) {
      Path base = file.toAbsolutePath().getParent();
      Path p = base.resolve(value).normalize();
      if (!Files.isRegularFile(p)) {
        problems.add(node, path, "file '" + value + "' not found (relative to the packet)");
        return null;
      }
      try {
        return Files.readString(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        problems.add(node, path, "file '" + value + "' cannot be read: " + e.getMessage());
        return null;
      }
    }

    private static Schema parse(String ddl) {
      return ddl == null ? null : SchemaReader.read(ddl);
    }

    private List<Rename> renames(Node node) {
      List<Rename> out = new ArrayList<>();
      List<Node> items = doc.sequence(node, "renames");
      for (int i = 0; i < items.size(); i++) {
        String p = "renames[" + i + "]";
        Node item = items.get(i);
        Map<String, Node> f = doc.mapping(item, p, Set.of("table", "from", "to"));
        String table = doc.string(doc.required(f, item, p, "table"), p + ".table");
        String to = doc.string(doc.required(f, item, p, "to"), p + ".to");
        out.add(new Rename(table, doc.string(f.get("from"), p + ".from"), to));
      }
      return out;
    }

    private List<MigrationPacket.Transform> transforms(Node node, Schema current,
        Schema target) {
      List<MigrationPacket.Transform> out = new ArrayList<>();
      List<Node> items = doc.sequence(node, "transforms");
      for (int i = 0; i < items.size(); i++) {
        String p = "transforms[" + i + "]";
        Node item = items.get(i);
        Map<String, Node> f = doc.mapping(item, p, Set.of("kind", "table", "from", "to",
            "expression", "column"));
        String kind = doc.oneOf(doc.required(f, item, p, "kind"), p + ".kind",
            Set.of("split-column", "merge-column", "move-column"));
        String table = doc.string(doc.required(f, item, p, "table"), p + ".table");
        if ("move-column".equals(kind)) {
          out.add(move(item, f, p, table, current, target));
          continue;
        }
        if (f.containsKey("column")) {
          problems.add(f.get("column"), p + ".column", "is for a move-column; a split or a "
              + "merge names its columns in from and to");
        }
        List<String> from = oneOrMany(doc.required(f, item, p, "from"), p + ".from");
        List<String> to = oneOrMany(doc.required(f, item, p, "to"), p + ".to");
        String expression = doc.string(doc.required(f, item, p, "expression"),
            p + ".expression");
        if ("split-column".equals(kind) && (from.size() != 1 || to.size() < 2)) {
          problems.add(item, p, "a split moves one column (from) into two or more (to)");
        }
        if ("merge-column".equals(kind) && (from.size() < 2 || to.size() != 1)) {
          problems.add(item, p, "a merge moves two or more columns (from) into one (to)");
        }
        for (String c : from) {
          if (current != null && table != null && !hasColumn(table, c, current)) {
            problems.add(f.get("from"), p + ".from", "'" + table + "." + c
                + "' is not a column of the current schema");
          }
        }
        for (String c : to) {
          if (target != null && table != null && !hasColumn(table, c, target)) {
            problems.add(f.get("to"), p + ".to", "'" + table + "." + c
                + "' is not a column of the target schema");
          }
        }
        out.add(new MigrationPacket.Transform(kind, table, from, to, expression));
      }
      return out;
    }

    /**
     * {@code {kind: move-column, table, column, to: {table, column, key}}}: the column leaves
     * {@code table} for the new table {@code to.table}, whose {@code to.key} references the row
     * it came from ({@link MoveCheck} says what must hold).
     */
    private MigrationPacket.Transform move(Node item, Map<String, Node> f, String p,
        String table, Schema current, Schema target) {
      for (String unused : List.of("from", "expression")) {
        if (f.containsKey(unused)) {
          problems.add(f.get(unused), p + "." + unused, "is not used by a move-column (give "
              + "column and to: {table, column, key})");
        }
      }
      String column = doc.string(doc.required(f, item, p, "column"), p + ".column");
      Node toNode = doc.required(f, item, p, "to");
      Map<String, Node> to = toNode == null ? Map.of()
          : doc.mapping(toNode, p + ".to", Set.of("table", "column", "key"));
      String toTable = toNode == null ? null
          : doc.string(doc.required(to, toNode, p + ".to", "table"), p + ".to.table");
      String toColumn = toNode == null ? null
          : doc.string(doc.required(to, toNode, p + ".to", "column"), p + ".to.column");
      String key = toNode == null ? null
          : doc.string(doc.required(to, toNode, p + ".to", "key"), p + ".to.key");
      MigrationPacket.MoveTarget move = new MigrationPacket.MoveTarget(toTable, toColumn, key);
      if (table != null && column != null && toTable != null && toColumn != null && key != null
          && current != null && target != null) {
        for (MoveCheck.Problem problem : MoveCheck.problems(table, column, move, current,
            target)) {
          String path = switch (problem.field()) {
            case TABLE -> "table";
            case COLUMN -> "column";
            case TO_TABLE -> "to.table";
            case TO_COLUMN -> "to.column";
            case TO_KEY -> "to.key";
          };
          Node at = path.startsWith("to.") ? to.get(path.substring(3)) : f.get(path);
          problems.add(at, p + "." + path, problem.message());
        }
      }
      return new MigrationPacket.Transform("move-column", table,
          column == null ? List.of() : List.of(column),
          toColumn == null ? List.of() : List.of(toColumn), null, move);
    }

    private List<String> oneOrMany(Node node, String path) {
      if (node instanceof ScalarNode) {
        String s = doc.string(node, path);
        return s == null ? List.of() : List.of(s);
      }
      return doc.strings(node, path);
    }

    private List<MigrationStep> migration(Node node) {
      List<MigrationStep> out = new ArrayList<>();
      List<Node> items = doc.sequence(node, "migration");
      for (int i = 0; i < items.size(); i++) {
        String p = "migration[" + i + "]";
        Node item = items.get(i);
        Map<String, Node> f = doc.mapping(item, p, Set.of("file", "sql"));
        if (f.containsKey("file") == f.containsKey("sql")) {
          problems.add(item, p, "give exactly one of file or sql");
          continue;
        }
        if (f.containsKey("file")) {
          String name = doc.string(f.get("file"), p + ".file");
          String text = name == null ? null : readRelative(f.get("file"), p + ".file", name);
          out.add(new MigrationStep(name, text));
        } else {
          out.add(new MigrationStep(null, doc.string(f.get("sql"), p + ".sql")));
        }
      }
      return out;
    }

    private Map<String, TableProfile> tables(Node node, Schema current, Schema target) {
      Map<String, TableProfile> out = new LinkedHashMap<>();
      if (node == null) {
        return out;
      }
      Map<String, Node> entries = doc.mapping(node, "tables", anyKey(node));
      entries.forEach((table, n) -> {
        String p = "tables." + table;
        if (!known(table, current, target)) {
          problems.add(n, p, "'" + table + "' is not a table of the current or target schema");
        }
        Map<String, Node> f = doc.mapping(n, p, Set.of("rows", "sizeGb", "writesPerSecond",
            "readsPerSecond", "partitioned"));
        out.put(table, new TableProfile(doc.integer(f.get("rows"), p + ".rows"),
            doc.number(f.get("sizeGb"), p + ".sizeGb"),
            doc.number(f.get("writesPerSecond"), p + ".writesPerSecond"),
            doc.number(f.get("readsPerSecond"), p + ".readsPerSecond"),
            doc.bool(f.get("partitioned"), p + ".partitioned")));
      });
      return out;
    }

    private Traffic traffic(Node node) {
      if (node == null) {
        return new Traffic(ZoneId.of("UTC"), List.of(), List.of());
      }
      Map<String, Node> f = doc.mapping(node, "traffic", Set.of("timezone", "peakWindows",
          "maintenanceWindows"));
      ZoneId zone = ZoneId.of("UTC");
      String tz = doc.string(f.get("timezone"), "traffic.timezone");
      if (tz != null) {
        try {
          zone = ZoneId.of(tz);
        } catch (DateTimeException e) {
          problems.add(f.get("timezone"), "traffic.timezone", "'" + tz + "' is not a time zone");
        }
      }
      return new Traffic(zone, windows(f.get("peakWindows"), "traffic.peakWindows"),
          windows(f.get("maintenanceWindows"), "traffic.maintenanceWindows"));
    }

    private List<Window> windows(Node node, String path) {
      List<Window> out = new ArrayList<>();
      List<Node> items = doc.sequence(node, path);
      for (int i = 0; i < items.size(); i++) {
        String p = path + "[" + i + "]";
        Node item = items.get(i);
        Map<String, Node> f = doc.mapping(item, p, Set.of("days", "from", "to"));
        List<DayOfWeek> days = new ArrayList<>();
        List<Node> dayNodes = doc.sequence(doc.required(f, item, p, "days"), p + ".days");
        for (int d = 0; d < dayNodes.size(); d++) {
          DayOfWeek day = day(doc.string(dayNodes.get(d), p + ".days[" + d + "]"));
          if (day == null) {
            problems.add(dayNodes.get(d), p + ".days[" + d + "]", "not a day (mon, tue, ..., sun)");
          } else {
            days.add(day);
          }
        }
        LocalTime from = time(doc.required(f, item, p, "from"), p + ".from");
        LocalTime to = time(doc.required(f, item, p, "to"), p + ".to");
        out.add(new Window(days, from, to));
      }
      return out;
    }

    private LocalTime time(Node node, String path) {
      String s = doc.string(node, path);
      if (s == null) {
        return null;
      }
      if (s.equals("24:00")) {
        return LocalTime.MAX;
      }
      try {
        return LocalTime.parse(s.length() == 4 ? "0" + s : s);
      } catch (DateTimeException e) {
        problems.add(node, path, "'" + s + "' is not a time of day (HH:MM)");
        return null;
      }
    }

    private static DayOfWeek day(String s) {
      if (s == null) {
        return null;
      }
      for (DayOfWeek d : DayOfWeek.values()) {
        if (d.name().substring(0, 3).equalsIgnoreCase(s.trim())) {
          return d;
        }
      }
      return null;
    }

    private List<Consumer> consumers(Node node, Schema current, Schema target) {
      List<Consumer> out = new ArrayList<>();
      List<Node> items = doc.sequence(node, "consumers");
      for (int i = 0; i < items.size(); i++) {
        String p = "consumers[" + i + "]";
        Node item = items.get(i);
        Map<String, Node> f = doc.mapping(item, p, Set.of("service", "owner", "reads", "writes",
            "acknowledged"));
        String service = doc.string(doc.required(f, item, p, "service"), p + ".service");
        String owner = doc.string(doc.required(f, item, p, "owner"), p + ".owner");
        List<String> reads = references(f.get("reads"), p + ".reads", current, target);
        List<String> writes = references(f.get("writes"), p + ".writes", current, target);
        Boolean ack = doc.bool(f.get("acknowledged"), p + ".acknowledged");
        out.add(new Consumer(service, owner, reads, writes, ack != null && ack));
      }
      return out;
    }

    /** {@code table} or {@code table.column}, each checked against either schema. */
    private List<String> references(Node node, String path, Schema current, Schema target) {
      List<String> out = new ArrayList<>();
      List<Node> items = doc.sequence(node, path);
      for (int i = 0; i < items.size(); i++) {
        String p = path + "[" + i + "]";
        String ref = doc.string(items.get(i), p);
        if (ref == null) {
          continue;
        }
        out.add(ref);
        if (current == null && target == null) {
          continue;
        }
        int dot = ref.lastIndexOf('.');
        String table = dot < 0 ? ref : ref.substring(0, dot);
        String column = dot < 0 ? null : ref.substring(dot + 1);
        if (column != null && !known(table, current, target) && known(ref, current, target)) {
          continue; // a schema-qualified table name
        }
        if (!known(table, current, target)) {
          problems.add(items.get(i), p, "'" + ref + "' is not a table of the current or target schema");
        } else if (column != null && !hasColumn(table, column, current)
            && !hasColumn(table, column, target)) {
          problems.add(items.get(i), p, "'" + ref + "' is not a column of the current or target schema");
        }
      }
      return out;
    }

    private static boolean known(String table, Schema a, Schema b) {
      return (a != null && a.table(table) != null) || (b != null && b.table(table) != null);
    }

    private static boolean hasColumn(String table, String column, Schema s) {
      Table t = s == null ? null : s.table(table);
      return t != null && t.column(column) != null;
    }

    private Constraints constraints(Node node) {
      if (node == null) {
        return new Constraints(null, null, null, null, List.of(), "medium");
      }
      Map<String, Node> f = doc.mapping(node, "constraints", Set.of("downtimeTolerance",
          "maxLockWait", "maxStatementTime", "replicationLagLimit", "compliance", "criticality"));
      String criticality = doc.oneOf(f.get("criticality"), "constraints.criticality",
          Set.of("low", "medium", "high", "critical"));
      return new Constraints(duration(f.get("downtimeTolerance"), "constraints.downtimeTolerance"),
          duration(f.get("maxLockWait"), "constraints.maxLockWait"),
          duration(f.get("maxStatementTime"), "constraints.maxStatementTime"),
          duration(f.get("replicationLagLimit"), "constraints.replicationLagLimit"),
          doc.strings(f.get("compliance"), "constraints.compliance"),
          criticality == null ? "medium" : criticality);
    }

    private List<Invariant> invariants(Node node) {
      List<Invariant> out = new ArrayList<>();
      List<Node> items = doc.sequence(node, "invariants");
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (int i = 0; i < items.size(); i++) {
        String p = "invariants[" + i + "]";
        Node item = items.get(i);
        Map<String, Node> f = doc.mapping(item, p, Set.of("id", "description", "sql", "expect",
            "phase", "rehearse"));
        String id = doc.string(doc.required(f, item, p, "id"), p + ".id");
        if (id != null && !ids.add(id)) {
          problems.add(f.get("id"), p + ".id", "'" + id + "' is used by an earlier invariant");
        }
        String sql = doc.string(doc.required(f, item, p, "sql"), p + ".sql");
        if (sql != null) {
          dev.migsafe.internal.sql.ReadOnlyQuery.check(sql).ifPresent(q ->
              problems.add(f.get("sql"), p + ".sql", q.message() + " (line " + q.line()
                  + ", column " + q.column() + " of the query)"));
        }
        Double expect = null;
        Double min = null;
        Double max = null;
        Node e = doc.required(f, item, p, "expect");
        if (e instanceof ScalarNode) {
          expect = doc.number(e, p + ".expect");
        } else if (e != null) {
          Map<String, Node> range = doc.mapping(e, p + ".expect", Set.of("min", "max"));
          min = doc.number(range.get("min"), p + ".expect.min");
          max = doc.number(range.get("max"), p + ".expect.max");
          if (min == null && max == null) {
            problems.add(e, p + ".expect", "give a number, or min and/or max");
          }
        }
        String phase = doc.oneOf(f.get("phase"), p + ".phase", PHASES);
        Boolean rehearse = doc.bool(f.get("rehearse"), p + ".rehearse");
        out.add(new Invariant(id, doc.string(f.get("description"), p + ".description"), sql,
            expect, min, max, phase == null ? "always" : phase, rehearse == null || rehearse));
      }
      return out;
    }

    private Backfill backfill(Node node) {
      if (node == null) {
        return new Backfill(null, null);
      }
      Map<String, Node> f = doc.mapping(node, "backfill", Set.of("batchSize",
          "pauseBetweenBatches", "maxDeadTuplePercent"));
      Long batch = doc.integer(f.get("batchSize"), "backfill.batchSize");
      if (batch != null && batch <= 0) {
        problems.add(f.get("batchSize"), "backfill.batchSize", "must be at least 1");
      }
      Long dead = doc.integer(f.get("maxDeadTuplePercent"), "backfill.maxDeadTuplePercent");
      if (dead != null && (dead < 1 || dead > 100)) {
        problems.add(f.get("maxDeadTuplePercent"), "backfill.maxDeadTuplePercent",
            "must be between 1 and 100");
      }
      return new Backfill(batch, duration(f.get("pauseBetweenBatches"),
          "backfill.pauseBetweenBatches"), dead == null ? null : dead.intValue());
    }

    private Watch watch(Node node) {
      if (node == null) {
        return null;
      }
      Map<String, Node> f = doc.mapping(node, "watch", Set.of("duration", "onCall", "alerts"));
      List<Alert> alerts = new ArrayList<>();
      List<Node> items = doc.sequence(f.get("alerts"), "watch.alerts");
      for (int i = 0; i < items.size(); i++) {
        String p = "watch.alerts[" + i + "]";
        Map<String, Node> a = doc.mapping(items.get(i), p, Set.of("metric", "threshold"));
        alerts.add(new Alert(doc.string(doc.required(a, items.get(i), p, "metric"), p + ".metric"),
            doc.string(doc.required(a, items.get(i), p, "threshold"), p + ".threshold")));
      }
      return new Watch(duration(f.get("duration"), "watch.duration"),
          doc.string(f.get("onCall"), "watch.onCall"), alerts);
    }

    private Duration duration(Node node, String path) {
      String s = doc.string(node, path);
      if (s == null) {
        return null;
      }
      Matcher m = DURATION.matcher(s.trim());
      if (!m.matches()) {
        problems.add(node, path, "'" + s + "' is not a duration (250ms, 2s, 5m, 1h, 1d)");
        return null;
      }
      double n = Double.parseDouble(m.group(1));
      long millis = (long) (n * switch (m.group(2)) {
        case "ms" -> 1;
        case "s" -> 1_000;
        case "m", "min" -> 60_000;
        case "h" -> 3_600_000;
        default -> 86_400_000;
      });
      return Duration.ofMillis(millis);
    }

    /** The keys of a mapping node, so that {@link YamlDocument#mapping} accepts them all. */
    private static Set<String> anyKey(Node node) {
      Set<String> keys = new java.util.HashSet<>();
      if (node instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
        m.getValue().forEach(t -> {
          if (t.getKeyNode() instanceof ScalarNode s) {
            keys.add(s.getValue());
          }
        });
      }
      return keys;
    }
  }
}
