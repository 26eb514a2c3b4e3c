package dev.migsafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The library example under examples/api runs against the shaded jar and prints what it promises. */
class ApiExampleIT {

  @Test
  void apiExampleRuns() throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("migsafe.jar", "target/migsafe.jar"));
    Process p = new ProcessBuilder("java", "-cp", jar.toString(),
        "examples/api/LintWithTheApi.java", "examples/lint-flyway/db/migration")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).isEqualTo(Files.readString(Path.of("examples/api/expected-output.txt")));
  }
}
