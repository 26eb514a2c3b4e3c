package dev.migsafe.internal.pg;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A server's version, read the same way from embedded and live servers. */
public final class ServerVersion {
  private ServerVersion() {}

  /** {@code server_version_num}, e.g. 170005 for 17.5. */
  public static int num(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** {@code 170005} → {@code 17.5}: from PostgreSQL 10 on, versions are major.minor. */
  public static String display(int num) {
    return num / 10000 + "." + num % 10000;
  }

  public static int major(int num) {
    return num / 10000;
  }
}
