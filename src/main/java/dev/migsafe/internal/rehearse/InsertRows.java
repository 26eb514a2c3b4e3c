package dev.migsafe.internal.rehearse;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.pg.ServerVersion;
import dev.migsafe.internal.schema.Column;
import dev.migsafe.internal.schema.Index;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows the workload inserts, from the same {@link FillPlan} that filled the tables. The
 * fill's row numbers 1..n are taken, so inserts continue at n + 1: a unique column's k-th value
 * depends on k alone, so the new rows collide with none. Every other column repeats an existing
 * row's value, so a foreign key finds its parent row and a reference the schema does not
 * declare (the one a playbook is about to add as a foreign key) still points at a real row. Tables whose unique sets could not take {@link #HEADROOM}
 * more rows are left out, with a note.
 */
public final class InsertRows {
  /** How many rows past the fill every unique set must still have values for. */
  static final long HEADROOM = 1_000_000;

  private InsertRows() {}

  /**
   * An insert for each table of {@code current} that was filled with synthetic rows and can
   * take a valid new row.
   *
   * @param requested the rows per table the fill was asked for: planning again with the same
   *     numbers gives the fill's own plans, so foreign keys find their parents
   *
   * @param target the target schema: a column it makes NOT NULL gets no NULL, as the plan
   *     assumes production writes none there
   * @param notes told which tables get no inserts, and why
   */
  public static Map<String, InsertRow> build(Connection c, Schema current, Schema target,
      Map<String, Long> requested, List<String> notes) throws SQLException {
    int version = ServerVersion.num(c);
    List<LiveTable> tables = new ArrayList<>();
    for (Table t : current.tables().values()) {
      if (!t.temporary() && requested.getOrDefault(t.name(), 0L) > 0) {
        LiveTable live = LiveTable.read(c, t.name(), version);
        if (live != null) {
          tables.add(live);
        }
      }
    }
    // The fill's own plans, in its order: a child's foreign key names rows of these.
    Map<Long, FillPlan> plans = new HashMap<>();
    Map<String, InsertRow> out = new LinkedHashMap<>();
    List<String> quiet = new ArrayList<>();
    for (LiveTable table : FillOrder.parentsFirst(tables)) {
      try {
        FillPlan fill = FillPlan.plan(c, table, requested.get(table.name()), plans, quiet);
        plans.put(table.oid(), fill);
        long rows = fill.rows;
        FillPlan more = FillPlan.plan(c, table, rows + HEADROOM, plans, quiet);
        if (more.rows < rows + HEADROOM) {
          notes.add("The workload inserts no rows into " + table.name() + ": its unique values "
              + "run out soon after the rows filled.");
          continue;
        }
        out.put(table.name(), new InsertRow(more.insertOneSql(defaulted(c, table),
            neverNull(current.table(table.name()), target.table(table.name())),
            uniqueInTarget(target, table.name()), rows), rows + 1));
      } catch (MigsafeException e) {
        notes.add("The workload inserts no rows into " + table.name() + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** Serial and identity columns: the application leaves them to the server. */
  private static Set<String> defaulted(Connection c, LiveTable table) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT a.attname FROM pg_attribute a"
        + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
        + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped AND (a.attidentity <> ''"
        + " OR pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%')")) {
      ps.setLong(1, table.oid());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Columns the target makes unique: an insert must not copy an existing row's value there. */
  private static Set<String> uniqueInTarget(Schema target, String table) {
    Set<String> out = new LinkedHashSet<>();
    Table t = target.table(table);
    if (t != null) {
      t.constraints().stream().filter(k -> k.type().equals("unique")
          || k.type().equals("primary-key")).forEach(k -> out.addAll(k.columns()));
    }
    target.indexesOf(table).stream().filter(Index::unique).forEach(i -> out.addAll(i.columns()));
    return out;
  }

  private static Set<String> neverNull(Table current, Table target) {
    Set<String> out = new LinkedHashSet<>();
    if (current == null || target == null) {
      return out;
    }
    for (Column col : current.columns().values()) {
      Column wanted = target.column(col.name());
      if (wanted != null && wanted.notNull()) {
        out.add(col.name());
      }
    }
    return out;
  }
}
