package dev.migsafe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.PastMigration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several migsafe processes record outcomes of one migration at the same moment: the file lock
 * serialises them across processes and every incident arrives.
 */
class OutcomeRecordIT {
  @TempDir Path dir;

  @Test
  void concurrentProcessesLoseNoUpdate() throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("migsafe.jar", "target/migsafe.jar"));
    run(List.of("java", "-jar", jar.toString(), "outcome", "record", "--catalog",
        dir.toString(), "--id", "busy", "--title", "Busy", "--team", "team-a", "--dialect",
        "postgresql", "--date", "2026-11-20", "--changes", "add-column", "--status",
        "success")).waitFor(60, TimeUnit.SECONDS);
    int writers = 6;
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      processes.add(run(List.of("java", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
          "outcome", "record", "--catalog", dir.toString(), "--id", "busy", "--status",
          "incident", "--incident", "sev3:lock-contention:" + i + ":writer " + i)));
    }
    for (Process p : processes) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
    }
    PastMigration m = Migsafe.builder().catalog(dir).build().catalog().migration("busy")
        .orElseThrow();
    assertThat(m.outcome().incidents()).extracting(PastMigration.Incident::minutes)
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
  }

  private static Process run(List<String> command) throws IOException {
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
