package dev.migsafe.rehearse;

import dev.migsafe.locks.PostgresServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A staging server for tests, with the role a team would give migsafe: it may log in and
 * create databases, nothing more. The server is the newest test server of the lock oracle,
 * which trusts local connections, so no password is involved.
 */
final class StagingRole {
  static final String NAME = "migsafe_staging";

  private StagingRole() {}

  static EmbeddedPostgres server() {
    return PostgresServers.server(
        PostgresServers.versions()[PostgresServers.versions().length - 1]);
  }

  /** The JDBC URL of the staging server as {@link #NAME}, created on first use. */
  static synchronized String url() throws SQLException {
    EmbeddedPostgres server = server();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + NAME
          + "') THEN CREATE ROLE " + NAME + " LOGIN CREATEDB; END IF; END $$");
    }
    return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres?user=" + NAME;
  }

  /** The URL as the server's superuser, which a rehearsal must refuse. */
  static String superuserUrl() {
    return "jdbc:postgresql://localhost:" + server().getPort() + "/postgres?user=postgres";
  }
}
