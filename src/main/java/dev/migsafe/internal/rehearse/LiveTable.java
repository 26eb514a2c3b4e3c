package dev.migsafe.internal.rehearse;

import dev.migsafe.internal.catalog.SqlQuoting;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One table as the live server's catalog describes it after the current schema was loaded. The
 * catalog, not the DDL model, is the source for filling: {@code format_type} gives the exact
 * type, and constraints come back in the server's normalised form ({@code IN} as {@code = ANY
 * (ARRAY[...])}, {@code BETWEEN} as two comparisons), whatever way the DDL spelled them.
 *
 * @param oid the table's oid
 * @param name the name the schema model uses for it
 * @param sqlName schema-qualified, each part quoted
 * @param columns its columns in order, dropped ones left out
 * @param foreignKeys its foreign keys
 * @param checks its CHECK constraints
 * @param uniqueSets the column sets of its primary key, unique constraints and unique indexes
 * @param partitionKey {@code pg_get_partkeydef}, or null when the table is not partitioned
 * @param partitionBounds {@code pg_get_expr(relpartbound)} of each direct partition
 */
record LiveTable(
    long oid,
    String name,
    String sqlName,
    List<LiveColumn> columns,
    List<ForeignKey> foreignKeys,
    List<Check> checks,
    List<List<String>> uniqueSets,
    String partitionKey,
    List<String> partitionBounds) {

  /**
   * A column.
   *
   * @param sqlType {@code format_type}: the type as SQL, quoted by the server where needed
   * @param typeName the name of the base type in {@code pg_type} (a domain's base type, an
   *     array's element type), e.g. {@code int4}, {@code varchar}
   * @param typmod the modifier of that type (length, precision and scale)
   * @param isArray whether the column holds an array of {@code typeName}
   * @param isEnum whether {@code typeName} is an enum; {@code enumType} is then its SQL name
   *     and {@code enumLabels} the number of its labels
   * @param identityAlways {@code GENERATED ALWAYS AS IDENTITY}: inserts need {@code OVERRIDING
   *     SYSTEM VALUE}
   * @param generated a generated column, which an insert must leave out
   */
  record LiveColumn(String name, String sqlType, String typeName, int typmod, boolean isArray,
      boolean isEnum, String enumType, int enumLabels, boolean notNull, boolean identityAlways,
      boolean generated) {

    String quoted() {
      return SqlQuoting.identifier(name, "postgresql");
    }
  }

  /** A foreign key: {@code columns} reference {@code refColumns} of the table {@code refOid}. */
  record ForeignKey(String name, List<String> columns, long refOid, List<String> refColumns) {}

  /** A CHECK constraint: its name, the columns it names, and its expression as deparsed. */
  record Check(String name, List<String> columns, String expression) {}

  LiveColumn column(String column) {
    return columns.stream().filter(c -> c.name().equals(column)).findFirst().orElse(null);
  }

  boolean partitioned() {
    return partitionKey != null;
  }

  /**
   * The table behind a name from the schema model, or null when the server has none by that
   * name or it is a partition (partitions are filled through their parent).
   */
  static LiveTable read(Connection c, String name, int serverVersion) throws SQLException {
    long oid;
    String sqlName;
    boolean partitioned;
    try (PreparedStatement ps = c.prepareStatement("SELECT c.oid, n.nspname, c.relname,"
        + " c.relkind = 'p', c.relispartition FROM pg_class c"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)")) {
      ps.setString(1, dev.migsafe.internal.plan.SqlQuoting.identifier(name));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getBoolean(5)) {
          return null;
        }
        oid = rs.getLong(1);
        sqlName = SqlQuoting.identifier(rs.getString(2), "postgresql") + "."
            + SqlQuoting.identifier(rs.getString(3), "postgresql");
        partitioned = rs.getBoolean(4);
      }
    }
    List<ForeignKey> fks = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    List<List<String>> uniques = new ArrayList<>();
    readConstraints(c, oid, fks, checks);
    readUniqueIndexes(c, oid, uniques);
    String partitionKey = null;
    List<String> bounds = new ArrayList<>();
    if (partitioned) {
      partitionKey = readPartitioning(c, oid, bounds);
    }
    return new LiveTable(oid, name, sqlName, readColumns(c, oid, serverVersion), fks, checks,
        uniques, partitionKey, bounds);
  }

  private static List<LiveColumn> readColumns(Connection c, long oid, int serverVersion)
      throws SQLException {
    // attgenerated exists from PostgreSQL 12 on.
    String generated = serverVersion >= 120000 ? "a.attgenerated = 's'" : "false";
    String sql = "SELECT a.attname, format_type(a.atttypid, a.atttypmod), e.typname,"
        + " CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END,"
        + " b.typcategory = 'A', e.typtype = 'e', format_type(e.oid, NULL),"
        + " (SELECT count(*) FROM pg_enum l WHERE l.enumtypid = e.oid), a.attnotnull,"
        + " a.attidentity = 'a', " + generated
        + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
        + " JOIN pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END"
        + " JOIN pg_type e ON e.oid = CASE WHEN b.typcategory = 'A' THEN b.typelem ELSE b.oid END"
        + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
    List<LiveColumn> columns = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(new LiveColumn(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getInt(4), rs.getBoolean(5), rs.getBoolean(6), rs.getString(7), rs.getInt(8),
              rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11)));
        }
      }
    }
    return columns;
  }

  private static void readConstraints(Connection c, long oid, List<ForeignKey> fks,
      List<Check> checks) throws SQLException {
    String sql = "SELECT co.conname, co.contype, " + columnNames("co.conrelid", "co.conkey")
        + ", co.confrelid, " + columnNames("co.confrelid", "co.confkey")
        + ", pg_get_expr(co.conbin, co.conrelid)"
        + " FROM pg_constraint co WHERE co.conrelid = ? AND co.contype IN ('f', 'c')"
        + " ORDER BY co.conname";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if ("f".equals(rs.getString(2))) {
            fks.add(new ForeignKey(rs.getString(1), strings(rs.getArray(3)), rs.getLong(4),
                strings(rs.getArray(5))));
          } else {
            checks.add(new Check(rs.getString(1), strings(rs.getArray(3)), rs.getString(6)));
          }
        }
      }
    }
  }

  /** Unique indexes cover primary keys and unique constraints too; expression indexes are left out. */
  private static void readUniqueIndexes(Connection c, long oid, List<List<String>> uniques)
      throws SQLException {
    String sql = "SELECT " + columnNames("i.indrelid", "i.indkey::int2[]")
        + " FROM pg_index i WHERE i.indrelid = ? AND i.indisunique AND i.indexprs IS NULL";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          uniques.add(strings(rs.getArray(1)));
        }
      }
    }
  }

  private static String readPartitioning(Connection c, long oid, List<String> bounds)
      throws SQLException {
    String key;
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_partkeydef(?)")) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        key = rs.getString(1);
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_expr(c.relpartbound, c.oid)"
        + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = ?"
        + " ORDER BY c.relname")) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          bounds.add(rs.getString(1));
        }
      }
    }
    return key;
  }

  /** The names of the attribute numbers {@code keys} of {@code rel}, in the order of {@code keys}. */
  private static String columnNames(String rel, String keys) {
    return "ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = " + rel
        + " AND a.attnum = ANY (" + keys + ") ORDER BY array_position(" + keys + ", a.attnum))";
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return List.of((String[]) array.getArray());
  }
}
