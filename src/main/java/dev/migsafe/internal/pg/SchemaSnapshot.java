package dev.migsafe.internal.pg;

import dev.migsafe.api.MigsafeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One schema of a real server as {@code pg_catalog} describes it: tables with their columns,
 * constraints and indexes, enum types, views and sequences. Types and definitions are the
 * server's canonical text ({@code format_type}, {@code pg_get_expr}, {@code
 * pg_get_constraintdef}, {@code pg_get_indexdef}), read with the schema as the only entry of
 * {@code search_path} so that names in them are unqualified and two schemas of different
 * names compare. Everything is sorted by name; column order is not kept, since a column dropped
 * and added again (as a rollback does) moves to the end without being different.
 *
 * @param schema the schema's name
 * @param tables ordinary and partitioned tables, partitions included
 * @param enums enum types with their labels in sort order
 * @param views views and materialised views, by name, with their columns, definition and grants
 * @param sequences sequences, by name, except those that belong to identity columns (those are
 *     part of their column)
 * @param functions functions and procedures of the schema, as {@code pg_get_functiondef}
 *     prints them, by name with argument types
 */
public record SchemaSnapshot(String schema, List<Table> tables, List<EnumType> enums,
    List<View> views, List<Sequence> sequences, List<Routine> functions) {

  /**
   * A view or materialised view. Its definition is {@code pg_get_viewdef}'s, the server's
   * canonical text of the stored query, so two views built from the same DDL on the same major
   * compare equal however the DDL was laid out.
   *
   * @param columns each column as {@code name type}, in the view's order (which its query fixes)
   * @param grants each privilege as {@code grantee:PRIVILEGE} ({@code PUBLIC} for every role),
   *     sorted; the owner's own privileges are left out, since the owner differs between a live
   *     database and the one the expected DDL is built in
   */
  public record View(String name, boolean materialized, List<String> columns, String definition,
      List<String> grants) {}

  /**
   * A table; {@code partitioned} for a partitioned (parent) table.
   *
   * @param triggers the table's own triggers (not those that enforce constraints)
   */
  public record Table(String name, boolean partitioned, List<Column> columns,
      List<Constraint> constraints, List<Index> indexes, List<Trigger> triggers) {
    public Optional<Column> column(String name) {
      return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
  }

  /**
   * A column.
   *
   * @param type as {@code format_type} prints it, e.g. {@code character varying(200)}
   * @param defaultValue the default expression, or null; never a generation expression
   * @param identity {@code always}, {@code by default}, or null
   * @param generated the expression of a stored generated column (PostgreSQL 12+), or null
   * @param identitySequence the options of an identity column's own sequence, or null
   */
  public record Column(String name, String type, boolean notNull, String defaultValue,
      String identity, String generated, SequenceOptions identitySequence) {}

  /**
   * A sequence's type and bounds from {@code pg_sequence} (PostgreSQL 10+). A serial column's
   * sequence keeps its type when the column's type changes, so an {@code integer} sequence
   * behind a {@code bigint} key still fails at 2147483647: the type is part of the schema.
   *
   * @param type as {@code format_type} prints {@code seqtypid}: {@code smallint}, {@code
   *     integer} or {@code bigint}
   * @param start where it began; read for the description, never compared, since a playbook
   *     may rightly start a new sequence past the rows that exist
   */
  public record SequenceOptions(String type, long start, long increment, long min, long max,
      boolean cycle) {}

  /**
   * A sequence that is not an identity column's.
   *
   * @param ownedBy the column it is {@code OWNED BY} ({@code table.column}, as {@link
   *     SchemaDifference#object} names columns; a table of another schema is qualified), or null
   */
  public record Sequence(String name, SequenceOptions options, String ownedBy) {}

  /**
   * A table constraint (not-null is a column property here).
   *
   * @param type {@code primary key}, {@code unique}, {@code foreign key}, {@code check} or
   *     {@code exclusion}
   * @param definition as {@code pg_get_constraintdef} prints it, without its {@code NOT VALID}
   * @param validated false for a constraint added {@code NOT VALID} and not validated since
   */
  public record Constraint(String name, String type, String definition, boolean validated) {}

  /**
   * An index.
   *
   * @param definition as {@code pg_get_indexdef} prints it
   * @param valid false for an index a failed {@code CREATE INDEX CONCURRENTLY} left behind
   * @param ready false while (or when) a concurrent build never got to accept writes
   * @param constraint the primary key, unique or exclusion constraint it backs, or null
   */
  public record Index(String name, String table, String definition, boolean unique,
      boolean primary, boolean valid, boolean ready, String constraint) {}

  /** A trigger, with its definition as {@code pg_get_triggerdef} prints it. */
  public record Trigger(String name, String definition) {}

  /** A function or procedure: its name with argument types, and its whole definition. */
  public record Routine(String signature, String definition) {}

  /** An enum type with its labels in {@code enumsortorder}: their order is part of the type. */
  public record EnumType(String name, List<String> labels) {}

  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * Reads a schema in one read-only, repeatable-read transaction, so the parts agree with each
   * other even while the database changes. The connection's auto-commit setting is restored.
   */
  public static SchemaSnapshot read(Connection c, String schemaName) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      try (PreparedStatement p = c.prepareStatement(
          "SELECT set_config('search_path', quote_ident(?), true)")) {
        p.setString(1, schemaName);
        p.executeQuery().close();
      }
      if (!exists(c, schemaName)) {
        throw MigsafeException.badInput("schema " + Identifiers.display(schemaName)
            + " does not exist in database " + c.getCatalog());
      }
      return new Reader(c, schemaName, ServerVersion.num(c)).read();
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
  }

  private static boolean exists(Connection c, String schemaName) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
      p.setString(1, schemaName);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The catalog queries, each bound to the schema's name, never concatenated with it. */
  private static final class Reader {
    private static final String IN_SCHEMA =
        " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = ?";
    private static final String TABLES = "t.relkind IN ('r', 'p')";

    private final Connection c;
    private final String schema;
    private final int versionNum;

    Reader(Connection c, String schema, int versionNum) {
      this.c = c;
      this.schema = schema;
      this.versionNum = versionNum;
    }

    SchemaSnapshot read() throws SQLException {
      String qualifier = qualifier();
      Map<String, Boolean> partitioned = new TreeMap<>();
      query("SELECT t.relname, t.relkind = 'p' FROM pg_catalog.pg_class t" + IN_SCHEMA
          + " AND " + TABLES, rs -> partitioned.put(rs.getString(1), rs.getBoolean(2)));
      Map<List<String>, SequenceOptions> identitySequences = identitySequences();
      Map<String, List<Column>> columns = byTable();
      // attgenerated exists from PostgreSQL 12 on; before, no column is generated.
      String generated = versionNum >= 120000 ? "a.attgenerated::text" : "''";
      query("SELECT t.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
          + " a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, "
          + generated + " FROM pg_catalog.pg_attribute a"
          + " JOIN pg_catalog.pg_class t ON t.oid = a.attrelid"
          + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
          + IN_SCHEMA + " AND " + TABLES + " AND a.attnum > 0 AND NOT a.attisdropped", rs -> {
            String expr = rs.getString(5);
            boolean isGenerated = "s".equals(rs.getString(7));
            columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Column(
                rs.getString(2), rs.getString(3), rs.getBoolean(4), isGenerated ? null : expr,
                identity(rs.getString(6)), isGenerated ? expr : null,
                identitySequences.get(List.of(rs.getString(1), rs.getString(2)))));
          });
      Map<String, List<Constraint>> constraints = byTable();
      query("SELECT t.relname, con.conname, con.contype::text,"
          + " pg_catalog.pg_get_constraintdef(con.oid), con.convalidated"
          + " FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class t ON t.oid = con.conrelid"
          + IN_SCHEMA + " AND " + TABLES + " AND con.contype IN ('p', 'u', 'f', 'c', 'x')", rs ->
          constraints.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(
              new Constraint(rs.getString(2), constraintType(rs.getString(3)),
                  withoutNotValid(rs.getString(4)), rs.getBoolean(5))));
      Map<String, List<Index>> indexes = byTable();
      query("SELECT t.relname, i.relname, pg_catalog.pg_get_indexdef(x.indexrelid),"
          + " x.indisunique, x.indisprimary, x.indisvalid, x.indisready,"
          + " (SELECT con.conname FROM pg_catalog.pg_constraint con WHERE con.conindid ="
          + " x.indexrelid AND con.conrelid = x.indrelid AND con.contype IN ('p', 'u', 'x')"
          + " LIMIT 1)"
          + " FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid"
          + " JOIN pg_catalog.pg_class t ON t.oid = x.indrelid" + IN_SCHEMA + " AND " + TABLES,
          rs -> indexes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(
              new Index(rs.getString(2), rs.getString(1),
                  unqualified(rs.getString(3), qualifier), rs.getBoolean(4),
                  rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getString(8))));
      Map<String, List<Trigger>> triggers = byTable();
      query("SELECT t.relname, g.tgname, pg_catalog.pg_get_triggerdef(g.oid)"
          + " FROM pg_catalog.pg_trigger g JOIN pg_catalog.pg_class t ON t.oid = g.tgrelid"
          + IN_SCHEMA + " AND " + TABLES + " AND NOT g.tgisinternal",
          rs -> triggers.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(
              new Trigger(rs.getString(2), unqualified(rs.getString(3), qualifier))));
      List<Table> tables = new ArrayList<>();
      partitioned.forEach((name, isPartitioned) -> tables.add(new Table(name, isPartitioned,
          sorted(columns.get(name), Column::name), sorted(constraints.get(name), Constraint::name),
          sorted(indexes.get(name), Index::name), sorted(triggers.get(name), Trigger::name))));
      return new SchemaSnapshot(schema, List.copyOf(tables), enums(), views(), sequences(),
          functions());
    }

    private static final String SEQUENCE_OPTIONS = "pg_catalog.format_type(s.seqtypid, NULL),"
        + " s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcycle";

    private static SequenceOptions options(ResultSet rs, int first) throws SQLException {
      return new SequenceOptions(rs.getString(first), rs.getLong(first + 1),
          rs.getLong(first + 2), rs.getLong(first + 3), rs.getLong(first + 4),
          rs.getBoolean(first + 5));
    }

    /**
     * Sequences of their own: an identity column's sequence depends on its column internally
     * ({@code deptype 'i'}) and is described with that column. Ownership is the automatic
     * dependency ({@code deptype 'a'}) that {@code OWNED BY} and {@code serial} record.
     */
    private List<Sequence> sequences() throws SQLException {
      List<Sequence> out = new ArrayList<>();
      query("SELECT t.relname, " + SEQUENCE_OPTIONS + ", o.relname, a.attname,"
          + " CASE WHEN o.relnamespace = t.relnamespace THEN NULL ELSE"
          + " (SELECT quote_ident(nspname) FROM pg_catalog.pg_namespace WHERE oid = o.relnamespace)"
          + " END FROM pg_catalog.pg_class t JOIN pg_catalog.pg_sequence s ON s.seqrelid = t.oid"
          + " LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass"
          + " AND d.objid = t.oid AND d.refclassid = 'pg_catalog.pg_class'::regclass"
          + " AND d.refobjsubid > 0 AND d.deptype = 'a'"
          + " LEFT JOIN pg_catalog.pg_class o ON o.oid = d.refobjid"
          + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid"
          + " AND a.attnum = d.refobjsubid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = ?"
          + " AND t.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i"
          + " WHERE i.classid = 'pg_catalog.pg_class'::regclass AND i.objid = t.oid"
          + " AND i.deptype = 'i')", rs -> {
            String owner = rs.getString(8) == null ? null
                : (rs.getString(10) == null ? "" : rs.getString(10) + ".")
                    + Identifiers.display(rs.getString(8)) + "."
                    + Identifiers.display(rs.getString(9));
            out.add(new Sequence(rs.getString(1), options(rs, 2), owner));
          });
      return sorted(out, Sequence::name);
    }

    /** The identity columns' sequences, by table and column name. */
    private Map<List<String>, SequenceOptions> identitySequences() throws SQLException {
      Map<List<String>, SequenceOptions> out = new LinkedHashMap<>();
      query("SELECT t.relname, a.attname, " + SEQUENCE_OPTIONS
          + " FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_sequence s ON s.seqrelid = d.objid"
          + " JOIN pg_catalog.pg_class t ON t.oid = d.refobjid"
          + " JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid"
          + " AND a.attnum = d.refobjsubid" + IN_SCHEMA
          + " AND d.classid = 'pg_catalog.pg_class'::regclass"
          + " AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'i'",
          rs -> out.put(List.of(rs.getString(1), rs.getString(2)), options(rs, 3)));
      return out;
    }

    /** The schema as the server writes it before a table name: {@code public.}, {@code "A b".}. */
    private String qualifier() throws SQLException {
      try (PreparedStatement p = c.prepareStatement("SELECT quote_ident(?)")) {
        p.setString(1, schema);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          return rs.getString(1) + ".";
        }
      }
    }

    /**
     * {@code pg_get_indexdef} qualifies the table whatever the search path (since the fix for
     * CVE-2018-1058), so the schema's name is taken out of {@code ON [ONLY] schema.table}.
     */
    private static String unqualified(String indexDef, String qualifier) {
      for (String on : new String[] {" ON ONLY ", " ON "}) {
        int at = indexDef.indexOf(on + qualifier);
        if (at >= 0) {
          return indexDef.substring(0, at + on.length())
              + indexDef.substring(at + on.length() + qualifier.length());
        }
      }
      return indexDef;
    }

    /** Plain functions and procedures; aggregates and window functions are left out. */
    private List<Routine> functions() throws SQLException {
      // prokind exists from PostgreSQL 11 on; before, proisagg and proiswindow say the same.
      String plain = versionNum >= 110000 ? "p.prokind IN ('f', 'p')"
          : "NOT p.proisagg AND NOT p.proiswindow";
      List<Routine> out = new ArrayList<>();
      query("SELECT p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid)"
          + " || ')', pg_catalog.pg_get_functiondef(p.oid) FROM pg_catalog.pg_proc p"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ? AND "
          + plain, rs -> out.add(new Routine(rs.getString(1), rs.getString(2))));
      return sorted(out, Routine::signature);
    }

    private List<EnumType> enums() throws SQLException {
      Map<String, List<String>> labels = new TreeMap<>();
      query("SELECT t.typname, e.enumlabel FROM pg_catalog.pg_enum e"
          + " JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ?"
          + " ORDER BY t.typname, e.enumsortorder",
          rs -> labels.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(rs.getString(2)));
      List<EnumType> out = new ArrayList<>();
      labels.forEach((name, values) -> out.add(new EnumType(name, List.copyOf(values))));
      return List.copyOf(out);
    }

    private static final String VIEWS = "t.relkind IN ('v', 'm')";

    /** Views and materialised views with their columns, definitions and grants. */
    private List<View> views() throws SQLException {
      Map<String, Boolean> materialized = new TreeMap<>();
      Map<String, String> definitions = new TreeMap<>();
      query("SELECT t.relname, t.relkind = 'm', pg_catalog.pg_get_viewdef(t.oid)"
          + " FROM pg_catalog.pg_class t" + IN_SCHEMA + " AND " + VIEWS, rs -> {
            materialized.put(rs.getString(1), rs.getBoolean(2));
            definitions.put(rs.getString(1), rs.getString(3));
          });
      Map<String, List<String>> columns = byTable();
      query("SELECT t.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)"
          + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class t ON t.oid = a.attrelid"
          + IN_SCHEMA + " AND " + VIEWS + " AND a.attnum > 0 AND NOT a.attisdropped"
          + " ORDER BY a.attnum", rs -> columns.computeIfAbsent(rs.getString(1),
              k -> new ArrayList<>()).add(rs.getString(2) + " " + rs.getString(3)));
      Map<String, List<String>> grants = byTable();
      query("SELECT t.relname, CASE WHEN g.grantee = 0 THEN 'PUBLIC'"
          + " ELSE pg_catalog.pg_get_userbyid(g.grantee) END || ':' || g.privilege_type"
          + " FROM pg_catalog.pg_class t CROSS JOIN LATERAL pg_catalog.aclexplode(t.relacl) g"
          + IN_SCHEMA + " AND " + VIEWS + " AND g.grantee <> t.relowner",
          rs -> grants.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(rs.getString(2)));
      List<View> out = new ArrayList<>();
      materialized.forEach((name, isMaterialized) -> out.add(new View(name, isMaterialized,
          List.copyOf(columns.getOrDefault(name, List.of())), definitions.get(name),
          grants.getOrDefault(name, List.of()).stream().sorted().toList())));
      return List.copyOf(out);
    }

    private interface Row {
      void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row) throws SQLException {
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setString(1, schema);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            row.accept(rs);
          }
        }
      }
    }

    private static <T> Map<String, List<T>> byTable() {
      return new LinkedHashMap<>();
    }

    private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, String> name) {
      if (items == null) {
        return List.of();
      }
      return items.stream().sorted(Comparator.comparing(name)).toList();
    }

    private static String identity(String attidentity) {
      return switch (attidentity == null ? "" : attidentity) {
        case "a" -> "always";
        case "d" -> "by default";
        default -> null;
      };
    }

    private static String constraintType(String contype) {
      return switch (contype) {
        case "p" -> "primary key";
        case "u" -> "unique";
        case "f" -> "foreign key";
        case "c" -> "check";
        default -> "exclusion";
      };
    }

    /** {@code pg_get_constraintdef} appends NOT VALID; validation is kept apart, once. */
    private static String withoutNotValid(String definition) {
      return definition.endsWith(" NOT VALID")
          ? definition.substring(0, definition.length() - " NOT VALID".length()) : definition;
    }
  }
}
