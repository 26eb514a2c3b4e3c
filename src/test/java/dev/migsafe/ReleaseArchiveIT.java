package dev.migsafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.migsafe.testing.CommandRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archives that {@code mvn package} makes (src/release/package.sh), installed as a
 * user would: unpacked into an empty folder and run from another one, with no Maven, no
 * checkout and, for the self-contained archive, no Java on {@code PATH}.
 */
class ReleaseArchiveIT {
  private static final Path TARGET = Path.of("target");
  private static final String VERSION = System.getProperty("migsafe.version", "0.1.0-SNAPSHOT");
  private static final Path EXAMPLE = Path.of("examples/lint-flyway/db/migration").toAbsolutePath();
  /** What bin/migsafe may use besides the runtime: a shell and a few POSIX tools. */
  private static final List<String> ESSENTIALS =
      List.of("sh", "dirname", "readlink", "cksum", "cut", "mkdir", "mv", "rm");

  @TempDir Path tmp;

  /** The links to system tools go first, so that JUnit's clean-up has none to warn about. */
  @AfterEach
  void removeLinks() throws IOException {
    try (Stream<Path> all = Files.walk(tmp)) {
      for (Path p : all.filter(Files::isSymbolicLink).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void theJarArchiveRunsWithAJavaRuntimeOnly() throws Exception {
    Path archive = TARGET.resolve("migsafe-" + VERSION + ".tar.gz");
    Path home = install(archive);
    assertThat(home.resolve("runtime")).doesNotExist();
    Path path = essentials(List.of("java"));
    runsAsInstalled(home, path);
  }

  @Test
  void theRuntimeImageArchiveNeedsNoJava() throws Exception {
    Assumptions.assumeFalse(Boolean.getBoolean("migsafe.runtime.skip"),
        "built with -Dmigsafe.runtime.skip=true");
    Assumptions.assumeTrue(Files.isDirectory(Path.of(System.getProperty("java.home"), "jmods")),
        "this JDK has no jmods, so package.sh made no runtime image");
    Path archive = TARGET.resolve("migsafe-" + VERSION + "-linux-x64.tar.gz");
    Path home = install(archive);
    assertThat(home.resolve("runtime/bin/java")).isExecutable();
    Path path = essentials(List.of());
    assertThat(path.resolve("java")).doesNotExist();
    runsAsInstalled(home, path);
  }

  /** A module the jar needs and the image lacks would fail only at run time, in some command. */
  @Test
  void theRuntimeImageHoldsEveryModuleTheJarNeeds() throws Exception {
    Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
    Assumptions.assumeTrue(Files.isExecutable(jdeps), "jdeps comes with a JDK");
    CommandRun run = run(List.of(jdeps.toString(), "--ignore-missing-deps", "--multi-release",
        "17", "--print-module-deps", TARGET.resolve("migsafe.jar").toString()), Path.of(""),
        Map.of());
    assertThat(run.code()).as(run.err()).isZero();
    Set<String> needed = new TreeSet<>(Arrays.asList(run.out().strip().split(",")));
    Set<String> listed;
    try (Stream<String> lines = Files.lines(Path.of("src/release/modules.txt"))) {
      listed = lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toSet());
    }
    needed.removeAll(listed);
    assertThat(needed).as("modules jdeps finds that src/release/modules.txt lacks").isEmpty();
  }

  private void runsAsInstalled(Path home, Path path) throws Exception {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Path userHome = Files.createDirectories(tmp.resolve("home"));
    Map<String, String> env = Map.of("PATH", path.toString(), "HOME", userHome.toString());
    // Through a link, as ~/.local/bin/migsafe would be.
    Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("links"))
        .resolve("migsafe"), home.resolve("bin/migsafe"));

    CommandRun version = run(List.of(link.toString(), "--version"), elsewhere, env);
    assertThat(version.code()).as(version.err()).isZero();
    assertThat(version.out()).contains(VERSION);

    // The first lint trains the class-data-sharing archive in the cache, the second uses it;
    // both print the same.
    CommandRun first = run(List.of(link.toString(), "lint", EXAMPLE.toString()), elsewhere,
        env);
    assertThat(first.out()).contains("pg-add-column-volatile-default");
    assertThat(first.code()).as(first.err()).isEqualTo(1);
    assertThat(first.err()).isEmpty();
    try (Stream<Path> cache = Files.list(userHome.resolve(".cache/migsafe"))) {
      assertThat(cache.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("cds-") && n.endsWith(".jsa"));
    }
    CommandRun second = run(List.of(link.toString(), "lint", EXAMPLE.toString()), elsewhere,
        env);
    assertThat(second).isEqualTo(first);
  }

  /** Checks the archive against its .sha256 and unpacks it; returns the migsafe-VERSION folder. */
  private Path install(Path archive) throws Exception {
    assertThat(archive).exists();
    Path sum = Path.of(archive + ".sha256");
    String expected = Files.readString(sum).strip();
    assertThat(expected).isEqualTo(sha256(archive) + "  " + archive.getFileName());
    Path dest = Files.createDirectories(tmp.resolve("install"));
    CommandRun untar = run(List.of("tar", "-xzf", archive.toAbsolutePath().toString(), "-C",
        dest.toString()), Path.of(""), Map.of("PATH", System.getenv("PATH")));
    assertThat(untar.code()).as(untar.err()).isZero();
    Path home = dest.resolve("migsafe-" + VERSION);
    assertThat(home.resolve("bin/migsafe")).isExecutable();
    assertThat(home.resolve("lib/migsafe.jar")).exists();
    return home;
  }

  /** A folder with links to the essential tools (and {@code extra}), to be the whole PATH. */
  private Path essentials(List<String> extra) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("path"));
    for (String tool : Stream.concat(ESSENTIALS.stream(), extra.stream()).toList()) {
      Path found = Arrays.stream(System.getenv("PATH").split(":"))
          .map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst()
          .orElseThrow(() -> new AssertionError(tool + " is not on PATH"));
      Files.createSymbolicLink(bin.resolve(tool), found.toRealPath());
    }
    return bin;
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private static CommandRun run(List<String> command, Path dir, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toAbsolutePath().toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    return CommandRun.of(pb, 180);
  }
}
