package dev.migsafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded {@code target/migsafe.jar} as a user would. Drools finds its engine through
 * {@code META-INF/kie.conf} files spread over several jars; this proves the shaded jar merged
 * them and the rules fire.
 */
class ShadedJarIT {

  @Test
  void rulesFireFromTheShadedJar() throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("migsafe.jar", "target/migsafe.jar"));
    Process p = new ProcessBuilder("java", "-jar", jar.toString(), "lint",
        "examples/lint-flyway/db/migration")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).contains("pg-add-column-volatile-default");
    assertThat(p.exitValue()).as(out).isEqualTo(1);
  }
}
