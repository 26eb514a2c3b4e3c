package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;
import dev.migsafe.internal.schema.Constraint;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@link Template} for one change: its names, types and generated helper names. */
public final class ChangeTemplate {
  static final long DEFAULT_BATCH_SIZE = 5_000;

  private ChangeTemplate() {}

  public static Template of(Change c, Schema current, Schema target, long batchSize) {
    Map<String, String> ids = new HashMap<>();
    Map<String, List<String>> lists = new HashMap<>();
    Map<String, String> raw = new HashMap<>();
    String table = c.table();
    String column = c.column();
    List<String> cols = c.columns() == null ? (column == null ? List.of() : List.of(column))
        : c.columns();
    String base = shortName(table) + (cols.isEmpty() ? "" : "_" + String.join("_", cols));
    ids.put("table", table);
    ids.put("column", column);
    ids.put("to", c.to());
    ids.put("name", c.name() != null ? c.name() : base + suffix(c.kind()));
    ids.put("refTable", c.refTable());
    ids.put("pk", primaryKey(target, c.to() != null && c.column() == null ? c.to() : table,
        current, table));
    ids.put("newColumn", column == null ? null : column + "_new");
    ids.put("oldColumn", column == null ? null : column + "_old");
    ids.put("index", c.name() != null && c.kind().startsWith("add-") ? c.name() + "_idx"
        : base + "_idx");
    ids.put("check", base + "_not_null");
    ids.put("syncTrigger", c.to() == null ? null : truncate(shortName(table) + "_" + c.to()
        + "_sync"));
    ids.put("splitFunction", column == null ? null
        : truncate("migsafe_split_" + shortName(table) + "_" + column));
    ids.put("splitTrigger", column == null ? null
        : truncate(shortName(table) + "_" + column + "_split"));
    raw.put("intoNew", c.columns() == null ? null : String.join(", ", c.columns().stream()
        .map(x -> "NEW." + SqlQuoting.identifier(x)).toList()));
    lists.put("columns", cols);
    lists.put("refColumns", referencedColumns(c, current, target));
    raw.put("fromType", c.fromType());
    raw.put("toType", c.toType());
    ids.put("sequence", sequenceOf(current, table, column));
    raw.put("ownedSequence", isSerial(current, table, column) ? "yes" : null);
    raw.put("default", c.defaultValue() == null ? "NULL"
        : SERIAL_DEFAULT.equals(c.defaultValue()) && ids.get("sequence") != null
            ? "nextval(" + SqlQuoting.literal(ids.get("sequence")) + "::regclass)"
            : c.defaultValue());
    identityPlaceholders(c, current, target, ids.get("sequence"), raw);
    raw.put("expression", c.expression());
    raw.put("value", enumValue(c, target));
    raw.put("batchSize", Long.toString(batchSize));
    if (c.kind().equals("move-column")) {
      moveColumn(c, target, ids, raw);
    }
    if (c.kind().equals("create-table") && target != null && target.table(c.table()) != null) {
      raw.put("createTable", NewTableDdl.createTable(target.table(c.table())));
    }
    return new Template(ids, lists, raw);
  }

  /**
   * A move's new table {@code {toTable}}, its key {@code {key}} and receiving column {@code
   * {toColumn}}, the trigger {@code {moveTrigger}}, the new table's {@code CREATE TABLE} and
   * the dual-write trigger's arguments {@code {moveArguments}}: the new table as a quoted name
   * in a literal (the function casts it to regclass), then the key, the receiving column, the
   * source's key and the source column as literals, which the function quotes with {@code %I}.
   * Names reach the function only as trigger arguments, never inside its body.
   */
  private static void moveColumn(Change c, Schema target, Map<String, String> ids,
      Map<String, String> raw) {
    String key = c.columns().get(0);
    String toColumn = c.columns().get(1);
    ids.put("toTable", c.to());
    ids.put("key", key);
    ids.put("toColumn", toColumn);
    ids.put("moveTrigger", truncate(shortName(c.table()) + "_" + c.column() + "_move"));
    Table created = target == null ? null : target.table(c.to());
    raw.put("createTable", created == null ? null : NewTableDdl.createTable(created));
    raw.put("moveArguments", String.join(", ", SqlQuoting.literal(SqlQuoting.identifier(c.to())),
        SqlQuoting.literal(key), SqlQuoting.literal(toColumn), SqlQuoting.literal(ids.get("pk")),
        SqlQuoting.literal(c.column())));
  }

  /**
   * What a key that becomes an identity needs ({@code change-type-primary-key}):
   * {@code toIdentity} is set when the target column is an identity, {@code {identity}} is its
   * {@code ALWAYS} or {@code BY DEFAULT}; {@code {identitySequence}} finds its sequence at run time
   * ({@code pg_get_serial_sequence}, which also answers for identity columns), since PostgreSQL
   * names it when the identity is added; {@code {lastIssued}} is the last value the old
   * generator handed out: the old sequence's {@code last_value}, read from {@code pg_sequences}
   * for an identity (whose sequence name the DDL does not give), NULL when there is none;
   * {@code fromIdentity} is set when the current column is an identity; {@code
   * {keyFix}} puts back how new rows get their key, for a forward-fix.
   */
  private static void identityPlaceholders(Change c, Schema current, Schema target,
      String sequence, Map<String, String> raw) {
    var now = column(current, c.table(), c.column());
    var then = column(target, c.table(), c.column());
    // Filled for every change, so that the library test reads the identity steps' SQL too;
    // only toIdentity includes them.
    boolean toIdentity = then != null && then.identity();
    raw.put("toIdentity", toIdentity ? "yes" : null);
    raw.put("identity", !toIdentity || then.identityGeneration() == null ? "BY DEFAULT"
        : then.identityGeneration().toUpperCase(java.util.Locale.ROOT));
    raw.put("identitySequence", c.column() == null ? null : "pg_get_serial_sequence("
        + SqlQuoting.literal(SqlQuoting.identifier(c.table())) + ", "
        + SqlQuoting.literal(c.column()) + ")");
    // The decision tree's forward-fix for a key that stops numbering new rows, as a statement
    // that runs right after the swap whatever went wrong: a sequence default is set again
    // (idempotent); an identity, which the swap added, is restarted past the maximum (adding
    // it again would fail on the identity that exists).
    raw.put("keyFix", c.column() == null ? null : toIdentity
        ? "SELECT setval(" + raw.get("identitySequence") + ", greatest((SELECT max("
            + SqlQuoting.identifier(c.column()) + ") FROM " + SqlQuoting.identifier(c.table())
            + "), 1))"
        : "ALTER TABLE " + SqlQuoting.identifier(c.table()) + " ALTER COLUMN "
            + SqlQuoting.identifier(c.column()) + " SET DEFAULT " + raw.get("default"));
    boolean fromIdentity = now != null && now.identity();
    raw.put("fromIdentity", fromIdentity ? "yes" : null);
    String oldColumn = c.column() == null ? null : c.column() + "_old";
    raw.put("lastIssued", fromIdentity
        ? "(SELECT last_value FROM pg_sequences WHERE format('%I.%I', schemaname, "
            + "sequencename)::regclass = pg_get_serial_sequence("
            + SqlQuoting.literal(SqlQuoting.identifier(c.table())) + ", "
            + SqlQuoting.literal(oldColumn) + ")::regclass)"
        : sequence != null ? "(SELECT last_value FROM " + SqlQuoting.identifier(sequence) + ")"
        : "NULL");
  }

  /** Whether the target makes the column an identity. */
  static boolean targetIdentity(Schema target, String table, String column) {
    var then = column(target, table, column);
    return then != null && then.identity();
  }

  private static dev.migsafe.internal.schema.Column column(Schema s, String table,
      String column) {
    Table t = s == null || table == null ? null : s.table(table);
    return t == null || column == null ? null : t.columns().get(column);
  }

  /**
   * A foreign key's referenced columns; {@code REFERENCES t} without a column list means the
   * primary key of {@code t}, which must be spelled out in {@code REFERENCES t (...)}.
   */
  private static List<String> referencedColumns(Change c, Schema current, Schema target) {
    if (c.refColumns() != null && !c.refColumns().isEmpty()) {
      return c.refColumns();
    }
    if (c.refTable() == null) {
      return List.of();
    }
    for (Schema s : new Schema[] {target, current}) {
      Table t = s == null ? null : s.table(c.refTable());
      if (t == null) {
        continue;
      }
      for (Constraint k : t.constraints()) {
        if (k.type().equals("primary-key")) {
          return k.columns();
        }
      }
    }
    return List.of();
  }

  /**
   * {@code {value}}: the enum label as a literal; for a created enum every label of the target
   * type, each a literal, because the change's expression joins them with ", " and would
   * otherwise become one label.
   */
  private static String enumValue(Change c, Schema target) {
    if (c.expression() == null) {
      return null;
    }
    if (!c.kind().equals("create-enum")) {
      return SqlQuoting.literal(c.expression());
    }
    List<String> labels = target == null ? null : target.enums().get(c.table());
    if (labels == null) {
      labels = List.of(c.expression().split(", "));
    }
    return String.join(", ", labels.stream().map(SqlQuoting::literal).toList());
  }

  /** The single primary-key column of the table in either schema, else {@code id}. */
  private static String primaryKey(Schema target, String targetName, Schema current,
      String currentName) {
    for (Table t : new Table[] {target == null ? null : target.table(targetName),
        current == null ? null : current.table(currentName)}) {
      if (t == null) {
        continue;
      }
      for (Constraint k : t.constraints()) {
        if (k.type().equals("primary-key") && k.columns().size() == 1) {
          return k.columns().get(0);
        }
      }
    }
    return "id";
  }

  private static final java.util.regex.Pattern NEXTVAL = java.util.regex.Pattern.compile(
      "(?i)nextval\\(\\s*'((?:[^']|'')+)'(?:::regclass)?\\s*\\)");

  /**
   * The sequence behind a column's default: the name inside {@code nextval('...')}, or the
   * name PostgreSQL gives a {@code serial}'s sequence; null when there is none.
   */
  static String sequenceOf(Schema current, String table, String column) {
    Table t = current == null || table == null ? null : current.table(table);
    var col = t == null || column == null ? null : t.columns().get(column);
    if (col == null) {
      return null;
    }
    if (SERIAL_DEFAULT.equals(col.defaultExpr())) {
      return serialSequence(table, column);
    }
    if (col.defaultExpr() != null) {
      var m = NEXTVAL.matcher(col.defaultExpr());
      if (m.find()) {
        String name = m.group(1).replace("''", "'");
        return name.startsWith("\"") && name.endsWith("\"") && name.indexOf('.') < 0
            ? name.substring(1, name.length() - 1) : name;
      }
    }
    String type = col.type() == null ? "" : col.type().toLowerCase(java.util.Locale.ROOT);
    if (type.matches("(small|big)?serial[248]?")) {
      return serialSequence(table, column);
    }
    return null;
  }

  /**
   * What the statement reader records as the default of a {@code serial} column: the sequence
   * PostgreSQL creates for it is not spelled out in the DDL.
   */
  static final String SERIAL_DEFAULT = "nextval(...)";

  /** The name PostgreSQL gives a serial's sequence (before any truncation to 63 bytes). */
  private static String serialSequence(String table, String column) {
    String schema = table.contains(".") ? table.substring(0, table.lastIndexOf('.') + 1) : "";
    return schema + shortName(table) + "_" + column + "_seq";
  }

  /** Whether the column is a serial, whose sequence its column owns. */
  static boolean isSerial(Schema current, String table, String column) {
    Table t = current == null || table == null ? null : current.table(table);
    var col = t == null || column == null ? null : t.columns().get(column);
    String type = col == null || col.type() == null ? ""
        : col.type().toLowerCase(java.util.Locale.ROOT);
    return type.matches("(small|big)?serial[248]?")
        || col != null && SERIAL_DEFAULT.equals(col.defaultExpr());
  }

  /** PostgreSQL keeps the first 63 bytes of a name; longer ones would collide silently. */
  private static String truncate(String name) {
    return name.length() > 63 ? name.substring(0, 63) : name;
  }

  private static String shortName(String table) {
    return table == null ? "x" : table.substring(table.lastIndexOf('.') + 1);
  }

  private static String suffix(String kind) {
    return switch (kind) {
      case "add-foreign-key" -> "_fkey";
      case "add-unique" -> "_key";
      case "add-primary-key" -> "_pkey";
      case "add-check" -> "_check";
      default -> "_idx";
    };
  }
}
