package dev.migsafe.internal.rehearse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the connected role could do beyond the databases it owns. A superuser or a member of
 * {@code pg_execute_server_program} runs programs on the server's machine, the file roles read
 * and write its files, and CREATEROLE makes roles that outlive any scratch database. A
 * staging rehearsal runs a packet's SQL as this role, so any of these makes a pull request's
 * packet a way into the server.
 */
final class RolePrivileges {
  private static final List<String> SERVER_ROLES = List.of("pg_execute_server_program",
      "pg_read_server_files", "pg_write_server_files");

  private RolePrivileges() {}

  /** Each dangerous privilege of {@code current_user}, worded to follow the role's name. */
  static List<String> dangerous(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT rolsuper, rolcreaterole FROM pg_roles "
            + "WHERE rolname = current_user")) {
      if (rs.next()) {
        if (rs.getBoolean(1)) {
          return List.of("is a superuser"); // which implies all the rest
        }
        if (rs.getBoolean(2)) {
          out.add("has CREATEROLE");
        }
      }
    }
    // The server roles exist from PostgreSQL 11 on; on 10 only a superuser has these powers.
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT g.rolname FROM pg_roles g WHERE g.rolname IN ("
            + "'pg_execute_server_program', 'pg_read_server_files', 'pg_write_server_files') "
            + "AND pg_has_role(current_user, g.oid, 'MEMBER') ORDER BY g.rolname")) {
      while (rs.next()) {
        String role = rs.getString(1);
        if (SERVER_ROLES.contains(role)) {
          out.add("is a member of " + role);
        }
      }
    }
    return out;
  }
}
