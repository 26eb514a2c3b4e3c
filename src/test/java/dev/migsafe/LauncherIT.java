package dev.migsafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./migsafe} launcher adds JVM options and a class-data-sharing archive it makes
 * itself; none of that may change what a run prints or returns.
 */
class LauncherIT {
  private static final List<String> ARGS =
      List.of("lint", "--format", "json", "examples/lint-flyway/db/migration");

  @Test
  void launcherPrintsExactlyWhatTheJarPrints() throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("migsafe.jar", "target/migsafe.jar"));
    Run plain = run(List.of("java", "-jar", jar.toString()));
    // First run without an archive: trains and writes it; second run: uses it.
    Files.deleteIfExists(Path.of("target/migsafe.jsa"));
    Run training = run(List.of("./migsafe"));
    assertThat(Path.of("target/migsafe.jsa")).as("archive made by the launcher").exists();
    Run archived = run(List.of("./migsafe"));
    for (Run r : List.of(training, archived)) {
      assertThat(r.out).isEqualTo(plain.out);
      assertThat(r.err).isEqualTo(plain.err);
      assertThat(r.code).isEqualTo(plain.code);
    }
  }

  private record Run(String out, String err, int code) {}

  private static Run run(List<String> command) throws IOException, InterruptedException {
    Path err = Files.createTempFile("migsafe-err", ".txt");
    try {
      List<String> all = new ArrayList<>(command);
      all.addAll(ARGS);
      Process p = new ProcessBuilder(all).redirectError(err.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      return new Run(out, Files.readString(err), p.exitValue());
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
