package dev.migsafe.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The plan examples shipped under examples/: a new one is tested without a test edit. */
public final class PlanExamples {
  private PlanExamples() {}

  /** Folder names such as {@code plan-rename-column}, sorted. */
  public static Stream<String> names() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("examples"))) {
      return dirs.map(d -> d.getFileName().toString()).filter(n -> n.startsWith("plan-"))
          .sorted().toList().stream();
    }
  }
}
