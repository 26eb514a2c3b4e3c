package dev.migsafe.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migsafe.Migsafe;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the rule fixtures from the source tree and runs one case. */
final class RuleFixtures {
  static final Path RULES = Path.of("rules");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private RuleFixtures() {}

  static List<Path> files(String suffix) {
    try (Stream<Path> s = Files.walk(RULES)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RuleCaseFile read(Path file) {
    try {
      return YAML.readValue(file.toFile(), RuleCaseFile.class);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Lints the case and returns the findings of {@code rule}. */
  static List<Finding> run(String rule, RuleCase c) {
    return run(c).files().stream().flatMap(f -> f.findings().stream())
        .filter(f -> f.rule().equals(rule)).toList();
  }

  static LintResult run(RuleCase c) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("migsafe-case");
      RuleCase.Written written = c.write(dir);
      Migsafe migsafe = Migsafe.builder().options(written.options()).build();
      return migsafe.lint(List.of(written.file()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(dir);
    }
  }

  static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(s.toList());
      java.util.Collections.reverse(all);
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
