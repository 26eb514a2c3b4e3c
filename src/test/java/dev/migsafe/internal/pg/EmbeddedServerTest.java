package dev.migsafe.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmbeddedServerTest {
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

  @Test
  void aTerminatedRunLeavesNoServerBehind() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path jar = TestServers.jar(NEWEST);
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        EmbeddedServerMain.class.getName(), String.valueOf(MAJOR))
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    if (jar != null) {
      pb.command().add(jar.toString());
    }
    Process child = pb.start();
    try {
      String line = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8)).readLine();
      assertThat(line).as("the child's report").startsWith("port=");
      int port = Integer.parseInt(line.substring(5, line.indexOf(' ')));
      Path dataDir = Path.of(line.substring(line.indexOf("dir=") + 4));
      long postmaster = Long.parseLong(
          Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
      assertThat(ProcessHandle.of(postmaster)).hasValueSatisfying(
          p -> assertThat(p.isAlive()).isTrue());

      child.destroy(); // SIGTERM, as kill and most supervisors send; Ctrl-C's SIGINT runs the same hooks
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();

      assertThat(Processes.gone(postmaster)).as("postmaster %s stopped", postmaster).isTrue();
      assertThat(accepts(port)).isFalse();
      assertThat(dataDir).doesNotExist();
    } finally {
      child.destroyForcibly();
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
