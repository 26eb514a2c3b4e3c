package dev.migsafe.internal.rehearse;

import dev.migsafe.internal.pg.EmbeddedServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A scratch database on a PostgreSQL server this run starts from the official binaries and stops
 * again. The database belongs to the server's unprivileged packet role, and every connection
 * the rehearsal opens here is that role's: the packet's schema, data, steps and validations
 * never run as a superuser (see {@link EmbeddedServer}).
 */
public final class EmbeddedScratch implements ScratchDatabase {
  static final String DATABASE = "migsafe_rehearsal";
  private final EmbeddedServer server;
  private final String database;
  /** False for a companion: the server belongs to the scratch database it came from. */
  private final boolean ownsServer;

  private EmbeddedScratch(EmbeddedServer server, String database, boolean ownsServer) {
    this.server = server;
    this.database = database;
    this.ownsServer = ownsServer;
  }

  public static EmbeddedScratch start(int major, Path binariesJar) {
    EmbeddedServer server = EmbeddedServer.start(major, binariesJar);
    try {
      server.createDatabase(DATABASE);
      return new EmbeddedScratch(server, DATABASE, true);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  @Override
  public Connection connect() throws SQLException {
    return server.connect(database);
  }

  @Override
  public ScratchDatabase companion() {
    String name = DATABASE + "_target";
    server.createDatabase(name);
    return new EmbeddedScratch(server, name, false);
  }

  @Override
  public String schema() {
    return "public";
  }

  @Override
  public String serverVersion() {
    return server.version();
  }

  @Override
  public boolean embedded() {
    return true;
  }

  @Override
  public java.util.Optional<Path> dataDirectory() {
    return java.util.Optional.of(server.dataDirectory());
  }

  @Override
  public String description() {
    return "database " + database + " on an embedded server";
  }

  @Override
  public String host() {
    return "localhost";
  }

  @Override
  public void close() {
    // A companion's database goes with the server's data directory, which the owner deletes.
    if (ownsServer) {
      server.close();
    }
  }
}
