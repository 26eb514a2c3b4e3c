package dev.migsafe.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.testing.Processes;

import dev.migsafe.locks.PostgresServers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rehearsal killed in the middle of its steps (SIGTERM, as a supervisor or Ctrl-C would end
 * it) leaves nothing behind: no embedded server, no data directory, no scratch database on a
 * staging server.
 */
class RehearseInterruptTest {
  private static final String PACKET = "examples/plan-rename-column/packet.yaml";

  @TempDir Path tmp;

  /** Starts {@code migsafe rehearse} in a child JVM and returns once it runs its first step. */
  private Process startAndWaitForAStep(String... extra) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Djava.io.tmpdir=" + tmp));
    String repo = System.getProperty("maven.repo.local");
    if (repo != null) {
      cmd.add("-Dmaven.repo.local=" + repo);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.migsafe.cli.Main",
        "rehearse", PACKET, "--scale", "100000", "--format", "json", "--out",
        tmp.resolve("out.json").toString()));
    cmd.addAll(List.of(extra));
    Process child = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(),
        StandardCharsets.UTF_8));
    String line;
    StringBuilder seen = new StringBuilder();
    while ((line = err.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.startsWith("migsafe: step C1")) {
        // Keep draining stderr so the child never blocks on a full pipe.
        Thread drain = new Thread(() -> err.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return child;
      }
    }
    throw new AssertionError("the rehearsal ended before its backfill step:\n" + seen);
  }

  @Test
  void killedDuringTheBackfillTheEmbeddedServerStopsAndItsDataIsRemoved() throws Exception {
    Process child = startAndWaitForAStep();
    try {
      Path dataDir;
      try (Stream<Path> dirs = Files.list(tmp)) {
        dataDir = dirs.filter(p -> p.getFileName().toString().startsWith("migsafe-pg-"))
            .findFirst().orElseThrow();
      }
      long postmaster = Long.parseLong(
          Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
      child.destroy();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
      assertThat(Processes.gone(postmaster)).as("postmaster %s stopped", postmaster).isTrue();
      assertThat(dataDir).doesNotExist();
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void killedOnAStagingServerTheScratchDatabaseIsDropped() throws Exception {
    String version = PostgresServers.versions()[PostgresServers.versions().length - 1];
    var server = PostgresServers.server(version);
    Process child = startAndWaitForAStep("--jdbc-url",
        "jdbc:postgresql://localhost:" + server.getPort() + "/postgres?user=postgres");
    try {
      assertThat(scratchDatabases(server)).as("while it runs").isEqualTo(1);
      child.destroy();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
      assertThat(scratchDatabases(server)).as("after it was killed").isZero();
    } finally {
      child.destroyForcibly();
    }
  }

  private static int scratchDatabases(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server)
      throws Exception {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT count(*) FROM pg_database WHERE datname LIKE 'migsafe_rehearsal_%'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
