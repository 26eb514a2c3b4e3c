package dev.migsafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded {@code target/migsafe.jar} as a user would. Drools finds its engine through
 * {@code META-INF/kie.conf} files spread over several jars; this proves the shaded jar merged
 * them and the rules fire, and that the jar uses the rule model generated at build time rather
 * than compiling DRL at start.
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

  @Test
  void theJarLoadsTheRuleModelGeneratedByTheBuild() throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("migsafe.jar", "target/migsafe.jar"));
    String index;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry("migsafe/rule-model.properties");
      assertThat(entry).as("executable model index in the jar").isNotNull();
      index = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher m = Pattern.compile("(?m)^models=([^,\\s]+)").matcher(index);
    assertThat(m.find()).as(index).isTrue();
    String model = m.group(1);
    // Class loading shows which route RuleBase took: the generated model class is loaded, and
    // the DRL compiler that the fallback uses is not.
    Process p = new ProcessBuilder("java", "-verbose:class", "-jar", jar.toString(), "lint",
        "examples/lint-flyway/db/migration")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).contains(" " + model + " ")
        .doesNotContain("org.drools.compiler.builder.impl.KnowledgeBuilderImpl ");
  }
}
