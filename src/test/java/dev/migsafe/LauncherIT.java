package dev.migsafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import dev.migsafe.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    CommandRun plain = run(List.of("java", "-jar", jar.toString()));
    // First run without an archive: trains and writes it; second run: uses it.
    Files.deleteIfExists(Path.of("target/migsafe.jsa"));
    CommandRun training = run(List.of("./migsafe"));
    assertThat(Path.of("target/migsafe.jsa")).as("archive made by the launcher").exists();
    CommandRun archived = run(List.of("./migsafe"));
    for (CommandRun r : List.of(training, archived)) {
      assertThat(r.out()).isEqualTo(plain.out());
      assertThat(r.err()).isEqualTo(plain.err());
      assertThat(r.code()).isEqualTo(plain.code());
    }
  }

  /**
   * {@code --version} is answered from what the jar printed when last asked, and asked again
   * once the jar is newer than that answer.
   */
  @Test
  void versionIsTheJarsAnswerKeptUntilTheJarChanges() throws Exception {
    Path jar = Path.of(System.getProperty("migsafe.jar", "target/migsafe.jar"));
    Path kept = Path.of("target/migsafe.version");
    CommandRun plain = exec(List.of("java", "-jar", jar.toString(), "--version"));
    Files.deleteIfExists(kept);
    CommandRun first = exec(List.of("./migsafe", "--version"));
    assertThat(first.out()).isEqualTo(plain.out());
    assertThat(first.code()).isZero();
    assertThat(kept).hasContent(plain.out().strip());
    // Older than the jar: not used.
    Files.writeString(kept, "migsafe stale\n");
    Files.setLastModifiedTime(kept, java.nio.file.attribute.FileTime.fromMillis(
        Files.getLastModifiedTime(jar).toMillis() - 60_000));
    assertThat(exec(List.of("./migsafe", "--version")).out()).isEqualTo(plain.out());
    // Newer than the jar: used as it is (which is how the answer is kept).
    Files.writeString(kept, "migsafe kept\n");
    assertThat(exec(List.of("./migsafe", "-V")).out()).isEqualTo("migsafe kept\n");
    Files.delete(kept);
  }

  /**
   * Without Maven the first run cannot build, and without java nothing runs; each says what to
   * do instead of "mvn: not found".
   */
  @Test
  void withoutMavenOrJavaTheFirstRunSaysWhatIsMissing(@TempDir Path tmp) throws Exception {
    Path checkout = checkoutWithoutJar(tmp);
    CommandRun noMaven = runWithOnly(checkout, tmp.resolve("a"), List.of("sh", "dirname", "java"));
    assertThat(noMaven.code()).isEqualTo(2);
    assertThat(noMaven.err()).contains("mvn is not on PATH").doesNotContain("not found");
    CommandRun noJava = runWithOnly(checkout, tmp.resolve("b"), List.of("sh", "dirname"));
    assertThat(noJava.code()).isEqualTo(2);
    assertThat(noJava.err()).contains("java is not on PATH").doesNotContain("not found");
  }

  /** Runs {@code ./migsafe --version} with a PATH of links to {@code tools} only. */
  private static CommandRun runWithOnly(Path checkout, Path path, List<String> tools)
      throws Exception {
    Files.createDirectories(path);
    for (String tool : tools) {
      Files.createSymbolicLink(path.resolve(tool), which(tool));
    }
    try {
      return runIn(checkout, path.toString(), List.of("./migsafe", "--version"));
    } finally {
      // Links to system tools go before JUnit's clean-up, which would warn about each.
      for (String tool : tools) {
        Files.delete(path.resolve(tool));
      }
    }
  }

  /**
   * The first run prints one progress line, not Maven's log, and never an escape code; Maven
   * 3.8 writes colour resets even with -B. A stand-in mvn that writes them, then "builds" by
   * copying the real jar, shows what the launcher lets through.
   */
  @Test
  void theFirstBuildPrintsOneLineAndNoEscapeCodes(@TempDir Path tmp) throws Exception {
    Path checkout = checkoutWithoutJar(tmp);
    Path fake = Files.createDirectories(tmp.resolve("fake"));
    Path jar = Path.of(System.getProperty("migsafe.jar", "target/migsafe.jar")).toAbsolutePath();
    Path mvn = fake.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\nprintf '\\033[0m\\033[1mINFO\\033[0m building\\n'\n"
        + "mkdir -p target && cp '" + jar + "' target/migsafe.jar\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    CommandRun r = runIn(checkout, fake + ":" + System.getenv("PATH"),
        List.of("./migsafe", "--version"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("\u001b").doesNotContain("INFO");
    assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("migsafe: building");
  }

  /**
   * A training that fails is not tried again at every run, only once the jar is newer. A
   * stand-in java fails every training and notes it; the real java runs the rest.
   */
  @Test
  void aFailedTrainingIsNotRepeatedUntilTheJarChanges(@TempDir Path tmp) throws Exception {
    Path checkout = checkoutWithoutJar(tmp);
    Path jar = Path.of(System.getProperty("migsafe.jar", "target/migsafe.jar")).toAbsolutePath();
    Files.createDirectories(checkout.resolve("target"));
    Path copy = Files.copy(jar, checkout.resolve("target/migsafe.jar"));
    Path sql = Files.writeString(tmp.resolve("m.sql"), "ALTER TABLE t ADD COLUMN c int;\n");
    Path fake = Files.createDirectories(tmp.resolve("fake"));
    Path log = tmp.resolve("trainings.log");
    Files.writeString(fake.resolve("java"), "#!/bin/sh\n"
        + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*)"
        + " echo training >>'" + log + "'; exit 1;; esac; done\n"
        + "exec '" + which("java") + "' \"$@\"\n");
    Files.setPosixFilePermissions(fake.resolve("java"),
        PosixFilePermissions.fromString("rwxr-xr-x"));
    String path = fake + ":" + System.getenv("PATH");
    List<String> lint = List.of("./migsafe", "lint", "--format", "json", sql.toString());
    CommandRun plain = exec(List.of("java", "-jar", jar.toString(), "lint", "--format", "json",
        sql.toString()));

    CommandRun first = runWithArchive(checkout, path, lint);
    assertThat(first.out()).isEqualTo(plain.out());
    assertThat(first.code()).isEqualTo(plain.code());
    assertThat(Files.readAllLines(log)).hasSize(1);
    assertThat(checkout.resolve("target/migsafe.jsa.failed")).exists();
    assertThat(checkout.resolve("target/migsafe.jsa")).doesNotExist();

    CommandRun second = runWithArchive(checkout, path, lint);
    assertThat(second.out()).isEqualTo(plain.out());
    assertThat(Files.readAllLines(log)).as("no second training for the same jar").hasSize(1);

    Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.fromMillis(
        System.currentTimeMillis() + 60_000));
    runWithArchive(checkout, path, lint);
    assertThat(Files.readAllLines(log)).as("a newer jar is trained again").hasSize(2);
  }

  private static CommandRun runWithArchive(Path dir, String path, List<String> command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("PATH", path);
    pb.environment().remove("MIGSAFE_CDS");
    return CommandRun.of(pb, 120);
  }

  private static Path checkoutWithoutJar(Path tmp) throws IOException {
    Path checkout = Files.createDirectories(tmp.resolve("checkout"));
    Files.copy(Path.of("migsafe"), checkout.resolve("migsafe"));
    Files.setPosixFilePermissions(checkout.resolve("migsafe"),
        PosixFilePermissions.fromString("rwxr-xr-x"));
    return checkout;
  }

  private static Path which(String tool) throws IOException {
    for (String dir : System.getenv("PATH").split(":")) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p.toRealPath();
      }
    }
    throw new AssertionError(tool + " is not on PATH");
  }

  private static CommandRun runIn(Path dir, String path, List<String> command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("PATH", path);
    pb.environment().put("MIGSAFE_CDS", "0");
    return CommandRun.of(pb, 120);
  }

  private static CommandRun exec(List<String> command) throws IOException, InterruptedException {
    return CommandRun.of(new ProcessBuilder(command), 120);
  }

  private static CommandRun run(List<String> command) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(command);
    all.addAll(ARGS);
    return CommandRun.of(new ProcessBuilder(all), 120);
  }
}
