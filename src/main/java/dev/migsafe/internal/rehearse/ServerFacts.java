package dev.migsafe.internal.rehearse;

import dev.migsafe.api.LockMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server says about the tables of the packet's schemas: their storage files (a new
 * {@code relfilenode} means the table was rewritten), the relation locks a session holds, and
 * the sequential scans the current transaction made. Tables are named as lint names them:
 * {@code orders} in {@code public}, {@code app.orders} elsewhere. Every query binds the schema
 * names as a parameter; nothing from the packet is concatenated into SQL. The first schema of
 * the list is the default one, whose tables go by their bare names.
 */
final class ServerFacts {
  /** Ordinary and partitioned tables only: index and sequence locks are left out, as in lint. */
  private static final String TABLES = "c.relkind IN ('r', 'p') AND c.relnamespace IN"
      + " (SELECT oid FROM pg_namespace WHERE nspname = ANY (?))";
  /** The schema and the table's name, put together by {@link #name}. */
  private static final String NAME = "(SELECT nspname FROM pg_namespace WHERE oid ="
      + " c.relnamespace), c.relname";

  private ServerFacts() {}

  /** A table's name as lint writes it: bare in the default schema, qualified elsewhere. */
  private static String name(List<String> schemas, String schema, String table) {
    return table == null ? null : schema.equals(schemas.get(0)) ? table : schema + "." + table;
  }

  /** Table oid to its storage file number. */
  static Map<Long, Long> relfilenodes(Connection c, List<String> schemas) throws SQLException {
    Map<Long, Long> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT c.oid, c.relfilenode FROM pg_class c WHERE " + TABLES)) {
      ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  /** Table oid to name. */
  static Map<Long, String> tableNames(Connection c, List<String> schemas) throws SQLException {
    Map<Long, String> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT c.oid, " + NAME + " FROM pg_class c WHERE " + TABLES)) {
      ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong(1), name(schemas, rs.getString(2), rs.getString(3)));
        }
      }
    }
    return out;
  }

  /**
   * The relation locks of the session {@code pid} (this session when {@code pid} is 0), as
   * table oid to the modes held; the table's name is recorded in {@code names}.
   */
  static Map<Long, EnumSet<LockMode>> locks(Connection c, List<String> schemas, int pid,
      boolean grantedOnly, Map<Long, String> names) throws SQLException {
    return locks(c, schemas, pid, grantedOnly, names, null);
  }

  /** As above; {@code waiting[0]} becomes true when a requested lock is not granted yet. */
  static Map<Long, EnumSet<LockMode>> locks(Connection c, List<String> schemas, int pid,
      boolean grantedOnly, Map<Long, String> names, boolean[] waiting) throws SQLException {
    Map<Long, EnumSet<LockMode>> out = new HashMap<>();
    // A LEFT JOIN: a table the step dropped has no pg_class row any more inside its own
    // transaction, but its lock is still there, under the oid the names map knows.
    String sql = "SELECT l.relation, " + NAME + ", l.mode, l.granted, c.oid IS NOT NULL AND "
        + TABLES + " AS ours FROM pg_locks l LEFT JOIN pg_class c ON c.oid = l.relation"
        + " WHERE l.locktype = 'relation' AND l.pid = " + (pid == 0 ? "pg_backend_pid()" : "?")
        + (grantedOnly ? " AND l.granted" : "")
        + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
      if (pid != 0) {
        ps.setInt(2, pid);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long oid = rs.getLong(1);
          String table = name(schemas, rs.getString(2), rs.getString(3));
          boolean dropped = table == null && names.containsKey(oid);
          if (!rs.getBoolean(6) && !dropped) {
            continue;
          }
          if (!dropped) {
            // A table keeps the name it had before the step: a rename is predicted on that name.
            names.putIfAbsent(oid, table);
          }
          if (waiting != null && !rs.getBoolean(5)) {
            waiting[0] = true;
          }
          out.computeIfAbsent(oid, k -> EnumSet.noneOf(LockMode.class))
              .add(parseMode(rs.getString(4)));
        }
      }
    }
    return out;
  }

  /** Sequential scans per table oid made by the current transaction so far. */
  static Map<Long, Long> transactionSeqScans(Connection c, List<String> schemas)
      throws SQLException {
    Map<Long, Long> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT relid, seq_scan FROM pg_stat_xact_user_tables WHERE schemaname = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  static int backendPid(Connection c) throws SQLException {
    try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** {@code pg_locks.mode} ({@code AccessExclusiveLock}) as a {@link LockMode}. */
  static LockMode parseMode(String pgLocksMode) {
    String words = pgLocksMode.replaceFirst("Lock$", "").replaceAll("([a-z])([A-Z])", "$1 $2");
    return LockMode.parse(words);
  }
}
