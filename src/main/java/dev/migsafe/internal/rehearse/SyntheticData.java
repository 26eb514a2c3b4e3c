package dev.migsafe.internal.rehearse;

import dev.migsafe.internal.pg.ServerVersion;
import dev.migsafe.internal.pg.SqlScript;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.rehearse.DataFill.TableFill;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows for a rehearsal: synthetic ones shaped by the schema ({@link #fill}), or the team's own
 * sample ({@link #load}).
 *
 * <p>{@code fill} reads each table from the live catalog, fills parents before children, and
 * lets the server generate every table's rows in one {@code INSERT ... SELECT ... FROM
 * generate_series}: 100,000 rows take a fraction of a second, where JDBC batches would take
 * many. Values respect types, NOT NULL, unique sets, foreign keys, the common CHECK forms and
 * partition bounds (see {@link FillPlan}); afterwards every sequence is moved past the largest
 * value and the tables are analysed, so the playbook meets realistic plans.
 */
public final class SyntheticData {
  private static final String CHECK_VIOLATION = "23514";

  private SyntheticData() {}

  /**
   * The rows to generate for a table: {@code scale}, or fewer when the packet says the table has
   * fewer.
   */
  public static long rowsFor(MigrationPacket.TableProfile profile, long scale) {
    if (profile == null || profile.rows() == null) {
      return scale;
    }
    return Math.max(0, Math.min(scale, profile.rows()));
  }

  /**
   * The rows for every table of {@code schema}, by {@link #rowsFor}. The packet's {@code tables:}
   * may name a table with or without its schema.
   */
  public static Map<String, Long> rowsPerTable(Schema schema, MigrationPacket packet,
      long scale) {
    Map<String, MigrationPacket.TableProfile> profiles =
        packet == null || packet.tables() == null ? Map.of() : packet.tables();
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : schema.tables().keySet()) {
      String bare = table.substring(table.lastIndexOf('.') + 1);
      rows.put(table, rowsFor(profiles.getOrDefault(table, profiles.get(bare)), scale));
    }
    return rows;
  }

  /**
   * Fills the tables of {@code schema} (already created on the server behind {@code c}) with
   * {@code rowsPerTable} rows each; a table without an entry, and a partition (filled through
   * its parent), gets none.
   *
   * @throws MigsafeException bad input, naming the table and suggesting {@code --data}, when a
   *     table cannot be filled with values that satisfy its constraints
   */
  public static DataFill fill(Connection c, Schema schema, Map<String, Long> rowsPerTable)
      throws SQLException {
    long start = System.nanoTime();
    int version = serverVersion(c);
    List<String> notes = new ArrayList<>();
    List<LiveTable> tables = new ArrayList<>();
    for (Table t : schema.tables().values()) {
      if (t.temporary() || rowsPerTable.getOrDefault(t.name(), 0L) <= 0) {
        continue;
      }
      LiveTable live = LiveTable.read(c, t.name(), version);
      if (live != null) {
        tables.add(live);
      }
    }
    Map<Long, FillPlan> filled = new HashMap<>();
    List<TableFill> fills = new ArrayList<>();
    for (LiveTable table : FillOrder.parentsFirst(tables)) {
      FillPlan plan = FillPlan.plan(c, table, rowsPerTable.get(table.name()), filled, notes);
      long t0 = System.nanoTime();
      long inserted = insert(c, plan);
      fills.add(new TableFill(table.name(), inserted, Duration.ofNanos(System.nanoTime() - t0)));
      filled.put(table.oid(), plan);
    }
    for (LiveTable table : tables) {
      moveSequencesPastMax(c, table);
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE " + table.sqlName());
      }
    }
    return new DataFill(List.copyOf(fills), Duration.ofNanos(System.nanoTime() - start),
        List.copyOf(notes));
  }

  private static long insert(Connection c, FillPlan plan) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeLargeUpdate(plan.insertSql());
    } catch (SQLException e) {
      String name = plan.table.name();
      if (CHECK_VIOLATION.equals(e.getSQLState()) && !plan.triedChecks.isEmpty()) {
        throw MigsafeException.badInput(name + ": generated rows violate a CHECK migsafe does"
            + " not understand on NOT NULL columns (" + plan.triedChecks.stream()
                .map(k -> k.name() + ": " + k.expression()).toList()
            + "); load a sample with --data FILE.sql. Server: " + serverMessage(e));
      }
      throw new MigsafeException(MigsafeException.Kind.BAD_INPUT, "could not fill " + name
          + " with synthetic rows: " + serverMessage(e) + "; load a sample with --data FILE.sql",
          e);
    }
  }

  /** Serial and identity columns: the next default must not collide with a generated key. */
  private static void moveSequencesPastMax(Connection c, LiveTable table) throws SQLException {
    Map<String, String> sequences = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT a.attname,"
        + " pg_get_serial_sequence(?, a.attname) FROM pg_attribute a"
        + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped")) {
      ps.setString(1, table.sqlName());
      ps.setLong(2, table.oid());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(2) != null) {
            sequences.put(rs.getString(1), rs.getString(2));
          }
        }
      }
    }
    for (Map.Entry<String, String> e : sequences.entrySet()) {
      String column = table.column(e.getKey()).quoted();
      try (PreparedStatement ps = c.prepareStatement("SELECT setval(CAST(? AS regclass), m)"
          + " FROM (SELECT max(" + column + ") AS m FROM " + table.sqlName() + ") x"
          + " WHERE m IS NOT NULL")) {
        ps.setString(1, e.getValue());
        ps.executeQuery().close();
      }
    }
  }

  /**
   * Runs the team's sample data file statement by statement.
   *
   * @throws MigsafeException bad input {@code FILE:LINE:COLUMN: message} at the statement the
   *     server rejected (at the very token, when the server says where), or when the file
   *     cannot be read
   */
  public static void load(Connection c, Path dataFile) throws SQLException {
    String script;
    try {
      script = Files.readString(dataFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MigsafeException(MigsafeException.Kind.BAD_INPUT,
          dataFile + ": cannot read the data file: " + e.getMessage(), e);
    }
    SqlScript.run(c, dataFile.toString(), script);
  }

  private static String serverMessage(SQLException e) {
    return SqlScript.message(e);
  }

  private static int serverVersion(Connection c) throws SQLException {
    return ServerVersion.num(c);
  }
}
