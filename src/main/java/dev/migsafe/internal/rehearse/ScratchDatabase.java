package dev.migsafe.internal.rehearse;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database a rehearsal may change: created for the run and removed after it, on an embedded
 * server or a staging server. Nothing outside it is touched.
 */
public interface ScratchDatabase extends AutoCloseable, ConnectionFactory {
  /** A new session in the scratch database, with the scratch schema first on the search path. */
  Connection connect() throws SQLException;

  /** The same as {@link #connect}: sessions for the workload and the queue probe. */
  @Override
  default Connection open() throws SQLException {
    return connect();
  }

  /** The schema the packet's tables live in ({@code public} in a scratch database). */
  String schema();

  /** PostgreSQL's version, e.g. {@code 17.5}. */
  String serverVersion();

  /** The major version, e.g. 17. */
  default int serverMajor() {
    return Integer.parseInt(serverVersion().split("\\.")[0]);
  }

  boolean embedded();

  /** The server's data directory when it is on this machine: where the disk space is judged. */
  default java.util.Optional<java.nio.file.Path> dataDirectory() {
    return java.util.Optional.empty();
  }

  /** Where it is, for the report: never a password. */
  String description();

  /** The server's host as the connection names it; the workload runs only on loopback. */
  @Override
  String host();

  /**
   * A second, empty scratch database on the same server, reached as the same role, for the
   * packet's target schema. The end state is compared with a target this very server built, so
   * both sides are in its canonical text. A database rather than a second schema because the
   * packet's DDL may create and qualify schemas of its own ({@code app.orders}): in a database
   * of their own the target's objects keep exactly the names the live ones have. Closing it
   * removes that database only.
   */
  ScratchDatabase companion();

  /** Removes the scratch database or schema; stops an embedded server. Never throws. */
  @Override
  void close();
}
