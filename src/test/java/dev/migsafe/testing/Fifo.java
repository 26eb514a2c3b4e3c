package dev.migsafe.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Assumptions;

/** A named pipe for output tests, and the file type bits that tell it from a regular file. */
public final class Fifo {
  public static final int S_IFMT = 0170000;
  public static final int S_IFIFO = 0010000;
  public static final int S_IFCHR = 0020000;
  public static final int S_IFSOCK = 0140000;

  private Fifo() {}

  /** Java cannot make a FIFO; mkfifo(1) can. The test is skipped where there is none. */
  public static Path create(Path path) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return Assumptions.abort("no mkfifo here: " + e.getMessage());
    }
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(said).isZero();
    return path;
  }

  /**
   * Reads the FIFO to its end in a daemon thread: opening it blocks until a writer comes, and a
   * writer that never comes must not keep the test JVM alive.
   */
  public static FutureTask<String> readInBackground(Path fifo) {
    FutureTask<String> task = new FutureTask<>(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    });
    Thread t = new Thread(task, "fifo reader");
    t.setDaemon(true);
    t.start();
    return task;
  }

  /** The S_IFMT bits of st_mode, from the JDK's "unix" attribute view. */
  public static int type(Path path, LinkOption... options) throws IOException {
    return (Integer) Files.getAttribute(path, "unix:mode", options) & S_IFMT;
  }
}
