package dev.migsafe.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A finished external command: what it printed on each stream and its exit code. Standard
 * error goes through a file, so that a command filling one pipe while the test reads the
 * other cannot hang.
 */
public record CommandRun(String out, String err, int code) {

  /** Starts {@code pb} with no standard input and waits up to {@code seconds} for it. */
  public static CommandRun of(ProcessBuilder pb, int seconds)
      throws IOException, InterruptedException {
    Path err = Files.createTempFile("migsafe-err", ".txt");
    try {
      Process p = pb.redirectError(err.toFile()).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as("ended within %d s", seconds).isTrue();
      return new CommandRun(out, Files.readString(err), p.exitValue());
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
