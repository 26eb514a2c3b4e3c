package dev.migsafe.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migsafe.testing.Processes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServerTest {
  @TempDir Path tmp;

  private static final String NEWEST = System.getProperty("migsafe.pg.newest.version", "17.5.0");
  private static final int MAJOR = Integer.parseInt(NEWEST.split("\\.")[0]);

  @Test
  void startsCreatesADatabaseAndCleansUpOnClose() throws SQLException {
    Path dataDir;
    int port;
    try (EmbeddedServer server = EmbeddedServer.start(MAJOR, TestServers.jar(NEWEST))) {
      dataDir = server.dataDirectory();
      port = server.port();
      assertThat(server.version()).isEqualTo(NEWEST.substring(0, NEWEST.lastIndexOf('.')));
      assertThat(dataDir.resolve("PG_VERSION")).exists();
      String odd = "Odd \"name\"; DROP DATABASE postgres";
      server.createDatabase(odd);
      try (Connection c = server.connect(odd);
          ResultSet rs = c.createStatement().executeQuery(
              "SELECT current_database(), current_setting('max_locks_per_transaction')")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(odd);
        assertThat(rs.getString(2)).isEqualTo("256");
      }
    }
    assertThat(dataDir).doesNotExist();
    assertThat(accepts(port)).as("port %s after close", port).isFalse();
  }

  /** An embedded server in a child JVM, as a migsafe run would hold it. */
  private record Child(Process process, int port, Path dataDir, long postmaster) {}

  private Child startChild(Path tmpDir) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path jar = TestServers.jar(NEWEST);
    ProcessBuilder pb = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmpDir,
        "-cp", System.getProperty("java.class.path"),
        EmbeddedServerMain.class.getName(), String.valueOf(MAJOR))
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    if (jar != null) {
      pb.command().add(jar.toString());
    }
    Process child = pb.start();
    String line = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8)).readLine();
    assertThat(line).as("the child's report").startsWith("port=");
    int port = Integer.parseInt(line.substring(5, line.indexOf(' ')));
    Path dataDir = Path.of(line.substring(line.indexOf("dir=") + 4));
    long postmaster = Long.parseLong(
        Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
    assertThat(ProcessHandle.of(postmaster)).hasValueSatisfying(
        p -> assertThat(p.isAlive()).isTrue());
    return new Child(child, port, dataDir, postmaster);
  }

  @Test
  void aTerminatedRunLeavesNoServerBehind() throws Exception {
    Child child = startChild(tmp);
    try {
      // SIGTERM, as kill and most supervisors send; Ctrl-C's SIGINT runs the same hooks
      child.process().destroy();
      assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
      assertThat(Processes.gone(child.postmaster())).as("postmaster stopped").isTrue();
      assertThat(accepts(child.port())).isFalse();
      assertThat(child.dataDir()).doesNotExist();
    } finally {
      child.process().destroyForcibly();
    }
  }

  @Test
  void aRunKilledWithSigkillTakesItsServerWithItWithinTenSeconds() throws Exception {
    Child child = startChild(tmp);
    try {
      child.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
      assertThat(Processes.gone(child.postmaster())).as("postmaster stopped within 10 s")
          .isTrue();
      assertThat(accepts(child.port())).isFalse();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (Files.exists(child.dataDir().getParent()) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(child.dataDir().getParent()).as("the run directory").doesNotExist();
    } finally {
      child.process().destroyForcibly();
    }
  }

  @Test
  void theNextRunSweepsWhatARunKilledWithItsSupervisorLeft() throws Exception {
    Child child = startChild(tmp);
    try {
      // Kill everything but the server and its backends: the supervisor too. The postmaster
      // is then an orphan that nobody stops, and its directory stays.
      ProcessHandle.of(child.process().pid()).orElseThrow().descendants()
          .filter(p -> p.pid() != child.postmaster()
              && p.parent().map(pp -> pp.pid() != child.postmaster()).orElse(true))
          .forEach(ProcessHandle::destroyForcibly);
      child.process().destroyForcibly();
      assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(500);
      assertThat(ProcessHandle.of(child.postmaster()).map(ProcessHandle::isAlive))
          .as("the orphaned postmaster").contains(true);
      Path live = Files.createTempDirectory(tmp, RunDirectory.PREFIX);
      Files.writeString(live.resolve("owner"), ProcessHandle.current().pid() + " "
          + ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli() + "\n");

      assertThat(RunDirectory.sweepDeadRuns(tmp)).containsExactly(child.dataDir().getParent());

      assertThat(Processes.gone(child.postmaster())).as("postmaster stopped").isTrue();
      assertThat(child.dataDir().getParent()).doesNotExist();
      assertThat(live).as("a live run's directory").exists();
    } finally {
      child.process().destroyForcibly();
      ProcessHandle.of(child.postmaster()).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void theServerInheritsNoneOfMigsafesEnvironment() throws Exception {
    try (EmbeddedServer server = EmbeddedServer.start(MAJOR, TestServers.jar(NEWEST))) {
      Path envFile = server.runDirectory().resolve("env.txt");
      try (Connection c = server.connectAsSuperuser("postgres");
          Statement st = c.createStatement()) {
        st.execute("COPY (SELECT 1) TO PROGRAM 'env > " + envFile + "'");
      }
      Map<String, String> seen = new HashMap<>();
      for (String line : Files.readAllLines(envFile)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          seen.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      assertThat(seen).as("the server's environment").isNotEmpty();
      assertThat(System.getenv()).as("this JVM's environment").isNotEmpty();
      Set<String> shellOwn = Set.of("PATH", "LC_ALL", "PWD", "SHLVL", "_", "OLDPWD");
      for (var e : System.getenv().entrySet()) {
        if (!shellOwn.contains(e.getKey())) {
          assertThat(seen).as("the server's environment").doesNotContainKey(e.getKey());
        }
      }
    }
  }

  @Test
  void packetSqlRunsAsARoleThatCannotReachTheMachine() throws Exception {
    try (EmbeddedServer server = EmbeddedServer.start(MAJOR, TestServers.jar(NEWEST))) {
      server.createDatabase("scratch");
      Path marker = tmp.resolve("pwned");
      String role = EmbeddedServer.PACKET_ROLE;
      try (Connection c = server.connect("scratch"); Statement st = c.createStatement()) {
        try (ResultSet rs = st.executeQuery("SELECT current_user, rolsuper, rolcreaterole, "
            + "rolcreatedb FROM pg_roles WHERE rolname = current_user")) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo(role);
          assertThat(rs.getBoolean(2) || rs.getBoolean(3) || rs.getBoolean(4)).isFalse();
        }
        st.execute("CREATE TABLE t (id int PRIMARY KEY)"); // it owns its database
        for (String attack : List.of(
            "COPY (SELECT 1) TO PROGRAM 'touch " + marker + "'",
            "SELECT pg_read_file('/etc/passwd')",
            "SELECT \"pg_read_file\"('/etc/hostname')",
            "SELECT lo_import('/etc/passwd')",
            "COPY t FROM '/etc/hostname'",
            "ALTER ROLE " + role + " SUPERUSER",
            "CREATE ROLE intruder SUPERUSER",
            "CREATE EXTENSION plperlu",
            "CREATE EXTENSION file_fdw",
            "DO $$ BEGIN EXECUTE 'COPY (SELECT 1) TO PROGRAM ''touch " + marker + "'''; END $$",
            "DO $$ BEGIN EXECUTE 'ALTER ROLE " + role + " SUPERUSER'; END $$")) {
          try {
            st.execute(attack);
            throw new AssertionError("the server ran: " + attack);
          } catch (SQLException refused) {
            assertThat(refused.getSQLState()).as(attack + ": " + refused.getMessage())
                .isEqualTo("42501");
          }
        }
      }
      assertThat(marker).doesNotExist();
      assertThatThrownBy(() -> server.connect("postgres").close())
          .as("the packet role in the maintenance database")
          .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }
  }

  @SuppressWarnings("try") // connecting is the whole test
  private static boolean accepts(int port) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
