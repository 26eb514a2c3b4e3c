package dev.migsafe.internal.pg;

import dev.migsafe.api.MigsafeException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL server of one major version, started from the pinned binaries in a
 * fresh private directory. It is built so that the SQL it runs for a packet cannot reach the
 * machine (docs/security.md):
 *
 * <ul>
 *   <li>packet SQL runs as {@link #PACKET_ROLE}, which is no superuser, cannot create roles or
 *       databases, and owns only the databases made with {@link #createDatabase}; the superuser
 *       is used for set-up alone. Without superuser rights {@code COPY ... TO PROGRAM}, server
 *       files, large-object import and untrusted languages are refused by the server itself;
 *   <li>both roles log in with a random password, over TCP on 127.0.0.1 only, with no Unix
 *       socket: another local user cannot borrow the superuser;
 *   <li>the server's processes get an empty environment, so no secret of migsafe's own
 *       environment (a {@code PGPASSWORD}, a cloud token) is there to read;
 *   <li>the postmaster runs under a small shell that waits on a pipe from this JVM: when the JVM
 *       ends, however it ends (SIGKILL included), the pipe closes and the shell stops the server
 *       and deletes its directory within seconds. A JVM shutdown hook does the same for an
 *       orderly end, and the next run sweeps the directories of runs that could do neither.
 * </ul>
 */
public final class EmbeddedServer implements AutoCloseable {
  /** The role every packet-provided script runs as. */
  public static final String PACKET_ROLE = "migsafe_packet";
  private static final String SUPERUSER = "postgres";
  private static final long START_TIMEOUT_MS = 60_000;

  /**
   * Starts the postmaster in the background, then waits for its standard input to close: that
   * happens when migsafe closes the pipe or dies. It then stops the server (fast, then
   * immediate) and removes the run directory. INT, TERM and HUP are ignored here so that a
   * Ctrl-C meant for migsafe leaves the stop to migsafe's own shutdown hook, which closes the
   * pipe. Paths and settings arrive as positional parameters, never inside the script text.
   */
  private static final String SUPERVISOR = String.join("\n",
      "trap '' INT TERM HUP",
      "bin=$1; root=$2; shift 2",
      "\"$bin/postgres\" -D \"$root/data\" \"$@\" </dev/null >>\"$root/server.log\" 2>&1 &",
      "pid=$!",
      "cat >/dev/null",
      "\"$bin/pg_ctl\" stop -D \"$root/data\" -m fast -w -t 20 >/dev/null 2>&1"
          + " || kill -QUIT \"$pid\" 2>/dev/null",
      "wait \"$pid\"",
      "rm -rf \"$root\"");

  private final RunDirectory run;
  private final Process supervisor;
  private final int port;
  private final String superuserPassword;
  private final String packetPassword;
  private final Thread shutdownHook;
  private final int versionNum;
  private final String version;

  private boolean stopped;

  private EmbeddedServer(RunDirectory run, Process supervisor, int port, String superuserPassword,
      String packetPassword) throws SQLException {
    this.run = run;
    this.supervisor = supervisor;
    this.port = port;
    this.superuserPassword = superuserPassword;
    this.packetPassword = packetPassword;
    this.shutdownHook = new Thread(this::stop, "migsafe-embedded-postgres-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try (Connection c = connectAsSuperuser("postgres")) {
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
    PostgresBinaries binaries = PostgresBinaries.fromEnvironment();
    Path jar = binaries.locate(release, binariesJar);
    RunDirectory.sweepDeadRuns();
    PostgresInstallation installation = PostgresInstallation.of(jar, binaries.installations());
    return startFrom(installation, "PostgreSQL " + release + " from " + jar);
  }

  private static EmbeddedServer startFrom(PostgresInstallation pg, String what) {
    RunDirectory run = null;
    Process supervisor = null;
    try {
      run = RunDirectory.create();
      String superuserPassword = randomPassword();
      initdb(pg, run, superuserPassword);
      int port = freePort();
      supervisor = supervise(pg, run, port);
      waitUntilReady(supervisor, run, port, superuserPassword);
      String packetPassword = randomPassword();
      EmbeddedServer server = new EmbeddedServer(run, supervisor, port, superuserPassword,
          packetPassword);
      server.createPacketRole();
      return server;
    } catch (IOException | SQLException | RuntimeException e) {
      if (supervisor != null) {
        stopSupervisor(supervisor);
      }
      if (run != null) {
        run.delete();
      }
      if (e instanceof MigsafeException m) {
        throw m;
      }
      throw MigsafeException.badInput(what + " did not start: " + e.getMessage());
    }
  }

  private static void initdb(PostgresInstallation pg, RunDirectory run, String password)
      throws IOException {
    Path pwfile = run.root().resolve("pwfile");
    Files.writeString(pwfile, password + "\n");
    try {
      List<String> command = new ArrayList<>(UserNamespace.prefix());
      command.addAll(List.of(pg.program("initdb").toString(), "-D", run.data().toString(),
          "-U", SUPERUSER, "-A", "md5", "--pwfile=" + pwfile, "-E", "UTF-8", "--locale=C",
          "-N"));
      ProcessBuilder pb = ChildEnvironment.clean(new ProcessBuilder(command))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(run.log().toFile()));
      Process initdb = pb.start();
      initdb.getOutputStream().close();
      if (!initdb.waitFor(120, TimeUnit.SECONDS)) {
        initdb.destroyForcibly();
        throw new IOException("initdb took more than 120 s");
      }
      if (initdb.exitValue() != 0) {
        throw new IOException("initdb failed: " + logTail(run));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while initdb ran", e);
    } finally {
      Files.deleteIfExists(pwfile);
    }
  }

  private static Process supervise(PostgresInstallation pg, RunDirectory run, int port)
      throws IOException {
    List<String> command = new ArrayList<>(UserNamespace.prefix());
    command.addAll(List.of("/bin/sh", "-c", SUPERVISOR, "migsafe-postgres",
        pg.home().resolve("bin").toString(), run.root().toString(),
        "-p", Integer.toString(port),
        "-F",
        "-c", "listen_addresses=127.0.0.1",
        "-c", "unix_socket_directories=",
        "-c", "max_locks_per_transaction=256"));
    // The supervisor's own output goes nowhere: the server writes its log into the directory,
    // and a pipe nobody reads could fill and stall it.
    return ChildEnvironment.clean(new ProcessBuilder(command))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static void waitUntilReady(Process supervisor, RunDirectory run, int port,
      String password) throws IOException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    SQLException last = null;
    while (System.currentTimeMillis() < deadline) {
      if (!supervisor.isAlive()) {
        throw new IOException("the server stopped while starting: " + logTail(run));
      }
      try {
        open(port, "postgres", SUPERUSER, password).close();
        return;
      } catch (SQLException e) {
        last = e;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the server started", e);
      }
    }
    throw new IOException("the server did not accept connections within "
        + START_TIMEOUT_MS / 1000 + " s: " + (last == null ? "" : last.getMessage()) + "; "
        + logTail(run));
  }

  private void createPacketRole() throws SQLException {
    try (Connection c = connectAsSuperuser("postgres"); Statement s = c.createStatement()) {
      // The password is hexadecimal, so it is safe inside the literal.
      s.execute("CREATE ROLE " + PACKET_ROLE + " LOGIN PASSWORD '" + packetPassword
          + "' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION");
      s.execute("REVOKE ALL ON DATABASE postgres, template1 FROM PUBLIC");
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
    return port;
  }

  /** The data directory, deleted by {@link #close}. */
  public Path dataDirectory() {
    return run.data();
  }

  /** The run's private directory, holding the data directory and the server log. */
  public Path runDirectory() {
    return run.root();
  }

  /**
   * Creates an empty database owned by {@link #PACKET_ROLE}, with its {@code public} schema
   * owned by that role too (before PostgreSQL 15 the superuser owns it). The name is quoted, so
   * any text is one identifier.
   */
  public void createDatabase(String name) {
    try (Connection c = connectAsSuperuser("postgres"); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + Identifiers.quote(name) + " OWNER " + PACKET_ROLE);
    } catch (SQLException e) {
      throw new MigsafeException(MigsafeException.Kind.INTERNAL,
          "cannot create database " + name + " on the embedded server: " + e.getMessage(), e);
    }
    try (Connection c = connectAsSuperuser(name); Statement s = c.createStatement()) {
      s.execute("ALTER SCHEMA public OWNER TO " + PACKET_ROLE);
    } catch (SQLException e) {
      throw new MigsafeException(MigsafeException.Kind.INTERNAL,
          "cannot hand database " + name + " to " + PACKET_ROLE + ": " + e.getMessage(), e);
    }
  }

  /**
   * A new connection to a database of this server as {@link #PACKET_ROLE}: the one every
   * packet-provided script must use.
   */
  public Connection connect(String database) throws SQLException {
    return open(port, database, PACKET_ROLE, packetPassword);
  }

  /** A new connection as the superuser: for set-up and for tests, never for packet SQL. */
  public Connection connectAsSuperuser(String database) throws SQLException {
    return open(port, database, SUPERUSER, superuserPassword);
  }

  private static Connection open(int port, String database, String user, String password)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/"
        + java.net.URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20"), p);
  }

  /** Stops the server and deletes its directory; safe to call twice. */
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
   * Stops the server and deletes its directory, once. On Ctrl-C the shutdown hook and the
   * interrupted run's own close can meet here: the second waits until the first is done, so the
   * JVM does not exit half-way through the deletion.
   */
  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    stopSupervisor(supervisor);
    run.delete();
  }

  /** Closes the supervisor's pipe and waits for it to stop the server; kills it if it hangs. */
  private static void stopSupervisor(Process supervisor) {
    try {
      OutputStream pipe = supervisor.getOutputStream();
      pipe.close();
    } catch (IOException ignored) {
      // a closed pipe is what we want
    }
    try {
      if (!supervisor.waitFor(40, TimeUnit.SECONDS)) {
        supervisor.descendants().forEach(ProcessHandle::destroyForcibly);
        supervisor.destroyForcibly();
      }
    } catch (InterruptedException e) {
      supervisor.descendants().forEach(ProcessHandle::destroyForcibly);
      supervisor.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "embedded PostgreSQL " + version + " on port " + port;
  }

  private static String randomPassword() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String logTail(RunDirectory run) {
    try {
      List<String> lines = Files.readAllLines(run.log());
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "no server log";
    }
  }
}
