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
import java.util.List;

/**
 * A scratch database on a staging server: created with a random name for this run, dropped
 * after it, also on Ctrl-C (a shutdown hook). Only that database is ever connected to besides
 * the maintenance connection that creates and drops it, so nothing else on the server can be
 * touched. The background workload does not run here: it is for loopback servers only. A run
 * killed with SIGKILL cannot drop its database; the next run does ({@link #sweepAbandoned}).
 */
public final class StagingScratch implements ScratchDatabase {
  /** The comment that marks a database as a rehearsal's scratch database. */
  static final String MARK = "migsafe rehearsal scratch database";
  /** The application name of the session a live run keeps open, followed by the database. */
  static final String OWNER_PREFIX = "migsafe-owner:";

  private final ConnectionSpec admin;
  /** Open for the whole run: its application name says the scratch database is in use. */
  private final Connection owner;
  private final ConnectionSpec scratch;
  private final String name;
  private final String version;
  private final Thread hook;
  private final java.util.function.Consumer<String> warnings;
  private final boolean allowPrivilegedRole;
  private boolean closed;

  private StagingScratch(ConnectionSpec admin, Connection owner, String name, String version,
      boolean allowPrivilegedRole, java.util.function.Consumer<String> warnings) {
    this.admin = admin;
    this.allowPrivilegedRole = allowPrivilegedRole;
    this.owner = owner;
    this.warnings = warnings;
    this.scratch = admin.withDatabase(name);
    this.name = name;
    this.version = version;
    this.hook = new Thread(this::drop, "migsafe-drop-scratch-database");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Creates the scratch database, after checking the role and removing scratch databases of
   * runs that died.
   *
   * @param allowPrivilegedRole accept a role that could reach beyond its databases
   *     (docs/security.md); otherwise such a role is refused
   * @param warnings told when the scratch database could not be dropped
   */
  public static StagingScratch create(ConnectionSpec admin, boolean allowPrivilegedRole,
      java.util.function.Consumer<String> warnings) {
    String name = "migsafe_rehearsal_" + HexFormat.of().formatHex(randomBytes());
    Connection owner = admin.open(OWNER_PREFIX + name);
    try (Statement st = owner.createStatement()) {
      String version = ServerVersion.display(ServerVersion.num(owner));
      List<String> privileges = RolePrivileges.dangerous(owner);
      if (!privileges.isEmpty() && !allowPrivilegedRole) {
        throw MigsafeException.badInput("the staging role " + admin.user() + " "
            + String.join(", ", privileges) + ": SQL from the packet would run with that power, "
            + "beyond its scratch database. Rehearse as a role that has CREATEDB and nothing "
            + "more (docs/security.md), or pass --allow-privileged-role to accept the risk");
      }
      sweepAbandoned(owner, warnings);
      st.execute("CREATE DATABASE " + SqlQuoting.identifier(name));
      st.execute("COMMENT ON DATABASE " + SqlQuoting.identifier(name) + " IS "
          + SqlQuoting.literal(MARK));
      return new StagingScratch(admin, owner, name, version, allowPrivilegedRole, warnings);
    } catch (SQLException e) {
      closeQuietly(owner);
      throw MigsafeException.badInput("cannot create a scratch database on " + admin.host()
          + ":" + admin.port() + " as " + admin.user() + " (rehearse needs CREATEDB): "
          + admin.scrub(Errors.describe(e)));
    } catch (RuntimeException e) {
      closeQuietly(owner);
      throw e;
    }
  }

  /**
   * Drops the scratch databases this role made in runs that are gone: each is marked by its
   * comment, and a live run keeps a session open whose application name ends in the
   * database's name. A database without that session belongs to a run that was killed; its
   * sessions (say, a fill still inserting) are ended and it is dropped.
   */
  private static void sweepAbandoned(Connection c, java.util.function.Consumer<String> warnings)
      throws SQLException {
    List<String> dead = new java.util.ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT d.datname FROM pg_database d "
        + "WHERE d.datname LIKE 'migsafe\\_rehearsal\\_%' AND d.datdba = (SELECT oid FROM "
        + "pg_roles WHERE rolname = current_user) AND shobj_description(d.oid, 'pg_database') = ? "
        + "AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.application_name = ? || "
        + "d.datname)")) {
      ps.setString(1, MARK);
      ps.setString(2, OWNER_PREFIX);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          dead.add(rs.getString(1));
        }
      }
    }
    for (String name : dead) {
      try {
        dropDatabase(c, name);
        warnings.accept("dropped " + name + ", the scratch database of a rehearsal that died");
      } catch (SQLException e) {
        warnings.accept("could not drop " + name + ", the scratch database of a rehearsal that "
            + "died: " + Errors.describe(e));
      }
    }
  }

  /**
   * Ends the database's sessions and drops it. A terminated backend takes a moment to exit,
   * longer on a busy server, and DROP DATABASE gives up after five seconds of "being accessed
   * by other users" (55006): the sessions are ended again and the drop retried for a while.
   */
  private static void dropDatabase(Connection c, String name) throws SQLException {
    SQLException last = null;
    for (int attempt = 0; attempt < 4; attempt++) {
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM "
          + "pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
        ps.setString(1, name);
        ps.execute();
      }
      try (Statement st = c.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + SqlQuoting.identifier(name));
        return;
      } catch (SQLException e) {
        if (!"55006".equals(e.getSQLState())) {
          throw e;
        }
        last = e;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw last != null ? last : new SQLException("could not drop " + name);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // the session is gone either way
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

  /**
   * Another scratch database of its own: random name, marked, swept when its run dies, dropped
   * on close and by its own shutdown hook.
   */
  @Override
  public ScratchDatabase companion() {
    return create(admin, allowPrivilegedRole, warnings);
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
    try {
      dropDatabase(owner, name);
    } catch (SQLException | RuntimeException e) {
      warnings.accept("could not drop the scratch database " + name + ": "
          + admin.scrub(e.getMessage()) + "; drop it by hand, or let the next rehearsal do it");
    } finally {
      closeQuietly(owner);
    }
  }
}
