package dev.migsafe.internal.pg;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The private temporary directory of one embedded server: its data directory, its log, and an
 * {@code owner} file naming the migsafe process that made it (pid and start time, so a reused
 * pid is not mistaken for the owner). A run that was killed with SIGKILL cannot clean up after
 * itself; the next run finds its directory through the owner file, stops a postmaster still
 * running there and deletes the directory ({@link #sweepDeadRuns}).
 */
final class RunDirectory {
  static final String PREFIX = "migsafe-pg-";
  private static final String OWNER = "owner";
  /** Directories of migsafe builds before the owner file: swept once this old and idle. */
  private static final Duration LEGACY_AGE = Duration.ofHours(1);

  private final Path root;

  private RunDirectory(Path root) {
    this.root = root;
  }

  /** A new directory, readable by this user alone, owned by this process. */
  static RunDirectory create() throws IOException {
    Path root = Files.createTempDirectory(PREFIX,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    ProcessHandle me = ProcessHandle.current();
    Files.writeString(root.resolve(OWNER), me.pid() + " " + startMillis(me).orElse(0L) + "\n");
    return new RunDirectory(root);
  }

  Path root() {
    return root;
  }

  Path data() {
    return root.resolve("data");
  }

  Path log() {
    return root.resolve("server.log");
  }

  void delete() {
    PostgresInstallation.deleteTree(root);
  }

  /**
   * Removes what dead runs left in the temporary directory: for each {@code migsafe-pg-*}
   * directory of this user whose owner process is gone, stops its postmaster if one still runs
   * and deletes the directory. Directories of live runs, of other users, and anything that
   * cannot be read are left alone.
   *
   * @return the directories removed
   */
  static List<Path> sweepDeadRuns() {
    return sweepDeadRuns(Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** {@link #sweepDeadRuns()} in {@code tmp}. */
  static List<Path> sweepDeadRuns(Path tmp) {
    List<Path> removed = new java.util.ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
      for (Path dir : dirs) {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && ownedByMe(dir) && abandoned(dir)) {
          stopPostmaster(dir.resolve("data"));
          stopPostmaster(dir); // the layout of earlier builds: the data directory itself
          PostgresInstallation.deleteTree(dir);
          removed.add(dir);
        }
      }
    } catch (IOException | RuntimeException e) {
      // sweeping is housekeeping: a failure here must not stop this run
    }
    return removed;
  }

  private static boolean ownedByMe(Path dir) throws IOException {
    return Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName()
        .equals(System.getProperty("user.name"));
  }

  private static boolean abandoned(Path dir) throws IOException {
    Path owner = dir.resolve(OWNER);
    if (!Files.isRegularFile(owner, LinkOption.NOFOLLOW_LINKS)) {
      Instant modified = Files.getLastModifiedTime(dir).toInstant();
      return modified.isBefore(Instant.now().minus(LEGACY_AGE)) && !postmasterAlive(dir);
    }
    String[] fields = Files.readString(owner).strip().split(" ");
    if (fields.length != 2) {
      return false;
    }
    long pid = Long.parseLong(fields[0]);
    long started = Long.parseLong(fields[1]);
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    return process.isEmpty() || startMillis(process.get()).map(s -> s != started).orElse(false);
  }

  private static boolean postmasterAlive(Path dataDir) {
    return postmaster(dataDir).isPresent();
  }

  /** Kills a postmaster by its pid file; its backends exit when they see it gone. */
  private static void stopPostmaster(Path dataDir) {
    postmaster(dataDir).ifPresent(p -> {
      p.destroyForcibly();
      try {
        p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        // it is gone or going; the directory is deleted regardless
      }
    });
  }

  private static Optional<ProcessHandle> postmaster(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    try {
      if (!Files.isRegularFile(pidFile, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      // Only a process that is a postgres server: a reused pid of anything else is left alone.
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> startMillis(ProcessHandle p) {
    return p.info().startInstant().map(Instant::toEpochMilli);
  }
}
