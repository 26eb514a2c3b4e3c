package dev.migsafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shell example of README.md runs as written, in order, on a fresh copy of the
 * repository with the built jar: what a new user pastes must work. Each command of a
 * {@code sh}/{@code bash}/{@code shell} block is one dynamic test, run by {@code bash} in the
 * copy, so files an example writes ({@code --out}, {@code outcome record}) land there. A new
 * example runs without registration; one that cannot run here goes into {@link #SKIPPED} with
 * its reason, and a skip entry that matches no example fails, so the list never goes stale.
 */
class ReadmeExamplesIT {
  /** Commands that cannot run here, with why. Keys are the command as the README writes it. */
  static final Map<String, String> SKIPPED = Map.of(
      "mvn -B verify",
      "the whole build and test suite, which is what runs this test",
      "mvn -q -B -DskipTests package && mkdir -p .migsafe && tar -xzf "
          + "target/migsafe-*-linux-x64.tar.gz -C .migsafe --strip-components=1 && "
          + ".migsafe/bin/migsafe --version",
      "the same build and archive as the laptop install above, which runs; ReleaseArchiveIT "
          + "unpacks and runs the archive from another directory",
      "./migsafe rehearse examples/plan-rename-column/packet.yaml",
      "starts an embedded PostgreSQL whose binaries come from Maven Central; "
          + "RehearseCommandTest rehearses every example packet",
      "./migsafe rehearse examples/plan-not-null-big-table/packet.yaml --data "
          + "examples/plan-not-null-big-table/rehearsal-data.sql --format json --out "
          + "rehearsal.json",
      "starts an embedded PostgreSQL (see above); RehearseCommandTest covers --data",
      "./migsafe plan examples/plan-not-null-big-table/packet.yaml --rehearsal rehearsal.json",
      "reads the rehearsal.json of the skipped rehearsal above; GoldenFilesTest covers "
          + "plan --rehearsal",
      "PGPASSWORD=... ./migsafe drift --jdbc-url jdbc:postgresql://db:5432/shop --user app "
          + "--expected schema.sql",
      "needs a live database; DriftCommandTest runs drift on a real server",
      "./migsafe drift --jdbc-url jdbc:postgresql://db:5432/shop --packet packet.yaml --phase "
          + "target --format json",
      "needs a live database; DriftCommandTest runs drift on a real server");

  /** Exit codes other than 0 that an example documents. */
  static final Map<String, Integer> EXIT = Map.of(
      "./migsafe lint examples/lint-flyway/db/migration", 1);

  private static final Set<String> SHELL = Set.of("sh", "bash", "shell", "console");

  /** Removed after the class's tests, the dynamic ones included. */
  @TempDir static Path scratch;
  private static final Path README = Path.of("README.md");

  /** One command of a fenced shell block; {@code line} is where it starts in the README. */
  record Example(int line, String command) {}

  static List<Example> examples(String readme) {
    List<Example> out = new ArrayList<>();
    String[] lines = readme.split("\n", -1);
    boolean inShell = false;
    boolean inOther = false;
    StringBuilder command = null;
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String trimmed = line.strip();
      if (trimmed.startsWith("```")) {
        if (inShell || inOther) {
          inShell = false;
          inOther = false;
        } else {
          String info = trimmed.substring(3).strip().split("\\s+")[0];
          inShell = SHELL.contains(info);
          inOther = !inShell;
        }
        continue;
      }
      if (!inShell) {
        continue;
      }
      if (command == null) {
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        command = new StringBuilder();
        start = i + 1;
      }
      boolean continued = trimmed.endsWith("\\");
      command.append(continued ? trimmed.substring(0, trimmed.length() - 1).strip() + " "
          : trimmed);
      if (!continued) {
        String c = command.toString().replaceFirst("\\s+#\\s.*$", "").strip();
        out.add(new Example(start, c));
        command = null;
      }
    }
    return out;
  }

  @Test
  void everySkipNamesAnExampleThatExists() throws IOException {
    Set<String> commands = new HashSet<>();
    examples(Files.readString(README)).forEach(e -> commands.add(e.command()));
    assertThat(SKIPPED.keySet()).as("skip entries that match no README example")
        .allMatch(commands::contains);
    assertThat(EXIT.keySet()).as("exit entries that match no README example")
        .allMatch(commands::contains);
  }

  @TestFactory
  Stream<DynamicTest> everyReadmeExampleRunsAsWritten() throws IOException {
    List<Example> examples = examples(Files.readString(README));
    assertThat(examples).hasSizeGreaterThan(5);
    Path copy = freshCopy();
    return examples.stream().map(e -> DynamicTest.dynamicTest("README.md:" + e.line() + " "
        + e.command(), () -> {
          String skip = SKIPPED.get(e.command());
          org.junit.jupiter.api.Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
          run(copy, e);
        }));
  }

  private static void run(Path copy, Example e) throws IOException, InterruptedException {
    Path log = Files.createTempFile("readme-example", ".log");
    try {
      ProcessBuilder pb = new ProcessBuilder("bash", "-c", e.command()).directory(copy.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      // The class-data archive only speeds up later runs; its training would double each run.
      pb.environment().put("MIGSAFE_CDS", "0");
      Process p = pb.start();
      boolean done = p.waitFor(180, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      String out = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(done).as("finished within 180 s: " + e.command()).isTrue();
      assertThat(p.exitValue()).as("exit code of README.md:" + e.line() + " " + e.command()
          + " (add it to EXIT if the README documents another)\n" + out)
          .isEqualTo(EXIT.getOrDefault(e.command(), 0));
      assertThat(out).as(e.command()).doesNotContain("Exception").doesNotContain("\tat ");
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /**
   * The repository as a clone has it (no {@code .git}, no build output, no derived caches),
   * with the jar the build made where the launcher looks for it.
   */
  private static Path freshCopy() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    Path copy = Files.createDirectories(scratch.resolve("clone"));
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
          throws IOException {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (!dir.equals(root) && Set.of(".git", "target", ".migsafe").contains(name)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(copy.resolve(root.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, copy.resolve(root.relativize(file).toString()),
            StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
    Path jar = Path.of(System.getProperty("migsafe.jar", "target/migsafe.jar")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new UncheckedIOException(new IOException(jar + " is missing: run mvn package"));
    }
    Files.createDirectories(copy.resolve("target"));
    Files.copy(jar, copy.resolve("target/migsafe.jar"));
    return copy;
  }
}
