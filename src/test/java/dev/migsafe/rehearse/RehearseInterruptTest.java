package dev.migsafe.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.testing.Processes;

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
 * A rehearsal killed in the middle of its work leaves nothing behind. SIGTERM (as a supervisor
 * or Ctrl-C would end it) runs the shutdown hooks: no embedded server, no data directory, no
 * scratch database on a staging server. SIGKILL runs nothing: the embedded server's supervisor
 * still stops it within seconds, and the next staging run drops the scratch database.
 */
class RehearseInterruptTest {
  private static final String PACKET = "examples/plan-rename-column/packet.yaml";

  @TempDir Path tmp;

  /** Starts {@code migsafe rehearse} in a child JVM and returns once it runs its first step. */
  private Process startAndWaitForAStep(String... extra) throws IOException {
    return startAndWaitFor("migsafe: step C1", extra);
  }

  /** Starts {@code migsafe rehearse} in a child JVM and returns once it prints {@code line}. */
  private Process startAndWaitFor(String progress, String... extra) throws IOException {
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
      if (line.startsWith(progress)) {
        // Keep draining stderr so the child never blocks on a full pipe.
        Thread drain = new Thread(() -> {
          try {
            err.lines().forEach(l -> { });
          } catch (java.io.UncheckedIOException closed) {
            // the child was killed
          }
        });
        drain.setDaemon(true);
        drain.start();
        return child;
      }
    }
    throw new AssertionError("the rehearsal ended before '" + progress + "':\n" + seen);
  }

  @Test
  void killedDuringTheBackfillTheEmbeddedServerStopsAndItsDataIsRemoved() throws Exception {
    Process child = startAndWaitForAStep();
    try {
      Path dataDir;
      try (Stream<Path> dirs = Files.list(tmp)) {
        dataDir = dirs.filter(p -> p.getFileName().toString().startsWith("migsafe-pg-"))
            .findFirst().orElseThrow().resolve("data");
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
    var server = StagingRole.server();
    Process child = startAndWaitForAStep("--jdbc-url", StagingRole.url());
    try {
      assertThat(scratchDatabases(server)).as("while it runs").isEqualTo(1);
      child.destroy();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
      assertThat(scratchDatabases(server)).as("after it was killed").isZero();
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void killedWithSigkillDuringTheFillTheEmbeddedServerIsGoneWithinTenSeconds() throws Exception {
    Process child = startAndWaitFor("migsafe: filling the tables");
    try {
      Path runDir;
      try (Stream<Path> dirs = Files.list(tmp)) {
        runDir = dirs.filter(p -> p.getFileName().toString().startsWith("migsafe-pg-"))
            .findFirst().orElseThrow();
      }
      long postmaster = Long.parseLong(
          Files.readAllLines(runDir.resolve("data/postmaster.pid")).get(0).strip());
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
      assertThat(Processes.gone(postmaster)).as("postmaster %s gone within 10 s", postmaster)
          .isTrue();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (Files.exists(runDir) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(runDir).doesNotExist();
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void killedWithSigkillOnStagingTheNextRunDropsTheScratchDatabase() throws Exception {
    var server = StagingRole.server();
    String url = StagingRole.url();
    Process child = startAndWaitFor("migsafe: filling the tables", "--jdbc-url", url);
    try {
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
      assertThat(scratchDatabases(server)).as("left by the killed run").isEqualTo(1);
    } finally {
      child.destroyForcibly();
    }
    java.io.StringWriter err = new java.io.StringWriter();
    dev.migsafe.cli.Main.run(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(err), "rehearse",
        "src/test/resources/rehearse/broken-rollback/packet.yaml", "--scale", "20",
        "--no-workload", "--jdbc-url", url, "--out", tmp.resolve("next.md").toString());
    assertThat(err.toString()).contains("the scratch database of a rehearsal that died");
    assertThat(scratchDatabases(server)).as("after the next run").isZero();
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
