package dev.migsafe.internal.rehearse;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.pg.ConnectionSpec;
import dev.migsafe.internal.pg.ServerVersion;
import dev.migsafe.internal.plan.SqlQuoting;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A scratch database on a staging server: created with a random name for this run, dropped
 * after it, also on Ctrl-C (a shutdown hook). Only that database is ever connected to besides
 * the maintenance connection that creates and drops it, so nothing else on the server can be
 * touched. The background workload does not run here: it is for loopback servers only.
 */
public final class StagingScratch implements ScratchDatabase {
  private final ConnectionSpec admin;
  private final ConnectionSpec scratch;
  private final String name;
  private final String version;
  private final Thread hook;
  private final java.util.function.Consumer<String> warnings;
  private boolean closed;

  private StagingScratch(ConnectionSpec admin, String name, String version,
      java.util.function.Consumer<String> warnings) {
    this.admin = admin;
    this.warnings = warnings;
    this.scratch = admin.withDatabase(name);
    this.name = name;
    this.version = version;
    this.hook = new Thread(this::drop, "migsafe-drop-scratch-database");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** @param warnings told when the scratch database could not be dropped */
  public static StagingScratch create(ConnectionSpec admin,
      java.util.function.Consumer<String> warnings) {
    String name = "migsafe_rehearsal_" + HexFormat.of().formatHex(randomBytes());
    try (Connection c = admin.open(); Statement st = c.createStatement()) {
      String version = ServerVersion.display(ServerVersion.num(c));
      st.execute("CREATE DATABASE " + SqlQuoting.identifier(name));
      return new StagingScratch(admin, name, version, warnings);
    } catch (SQLException e) {
      throw MigsafeException.badInput("cannot create a scratch database on " + admin.host()
          + ":" + admin.port() + " as " + admin.user() + " (rehearse needs CREATEDB): "
          + Errors.describe(e));
    }
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[6];
    new SecureRandom().nextBytes(b);
    return b;
  }

  @Override
  public Connection connect() {
    return scratch.open();
  }

  @Override
  public String schema() {
    return "public";
  }

  @Override
  public String serverVersion() {
    return version;
  }

  @Override
  public boolean embedded() {
    return false;
  }

  @Override
  public String description() {
    return "database " + name + " on " + admin.host() + ":" + admin.port();
  }

  @Override
  public String host() {
    return admin.host();
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook drops it
      return;
    }
    drop();
  }

  /** Ends the scratch database's sessions (ours only: nobody else knows its name) and drops it. */
  private synchronized void drop() {
    if (closed) {
      return;
    }
    closed = true;
    try (Connection c = admin.open()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM "
          + "pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
        ps.setString(1, name);
        ps.execute();
      }
      try (Statement st = c.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + SqlQuoting.identifier(name));
      }
    } catch (SQLException | RuntimeException e) {
      warnings.accept("could not drop the scratch database " + name + ": "
          + admin.scrub(e.getMessage()) + "; drop it by hand");
    }
  }
}
