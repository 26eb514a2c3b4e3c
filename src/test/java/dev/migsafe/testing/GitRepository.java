package dev.migsafe.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throwaway git repository for tests of the CI integrations, with its own identity so that
 * no global git configuration is needed, and the commands those tests run in it.
 */
public record GitRepository(Path dir) {

  public static GitRepository init(Path dir) throws IOException, InterruptedException {
    GitRepository repo = new GitRepository(Files.createDirectories(dir));
    repo.git("init", "-q", "-b", "main");
    return repo;
  }

  /** Runs git here and returns what it printed; a failure fails the test. */
  public String git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t",
        "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"));
    command.addAll(List.of(args));
    CommandRun run = CommandRun.of(new ProcessBuilder(command).directory(dir.toFile()), 60);
    assertThat(run.code()).as("git %s: %s", args, run.err()).isZero();
    return run.out();
  }

  /** Commits everything in the work tree; returns the commit's id. */
  public String commitAll(String message) throws IOException, InterruptedException {
    git("add", "-A");
    git("commit", "-q", "-m", message);
    return git("rev-parse", "HEAD").strip();
  }

  /** Copies a file of this checkout into the repository. */
  public Path copy(String from, String to) throws IOException {
    Path dest = dir.resolve(to);
    Files.createDirectories(dest.getParent());
    return Files.copy(Path.of(from), dest);
  }

  /** Whether a tool the CI scripts need is on PATH. */
  public static boolean onPath(String tool) {
    return Stream.of(System.getenv("PATH").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  /**
   * A {@code migsafe} command in {@code dir} that runs the built jar: what a CI job would have
   * installed.
   */
  public static Path migsafeCommand(Path dir) throws IOException {
    Path jar = Path.of(System.getProperty("migsafe.jar", "target/migsafe.jar")).toAbsolutePath();
    Path migsafe = Files.createDirectories(dir).resolve("migsafe");
    Files.writeString(migsafe, "#!/bin/sh\nexec java -XX:TieredStopAtLevel=1 -jar '" + jar
        + "' \"$@\"\n");
    Files.setPosixFilePermissions(migsafe, PosixFilePermissions.fromString("rwxr-xr-x"));
    return migsafe;
  }
}
