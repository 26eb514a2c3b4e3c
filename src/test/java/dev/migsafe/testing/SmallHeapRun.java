package dev.migsafe.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * migsafe in a child process whose heap is too small for its input: how a run that runs out of
 * memory ends cannot be seen in the test's own JVM.
 *
 * @param exit the exit code
 * @param err standard error without the JVM's "Picked up JAVA_TOOL_OPTIONS" note
 */
public record SmallHeapRun(int exit, List<String> err) {
  /** A heap that holds migsafe but not {@link #migration}'s statements. */
  public static final String XMX = "-Xmx48m";

  /** The one line of a run that ran out of memory. */
  public static final Pattern MESSAGE = Pattern.compile("migsafe: out of memory \\(.+\\); give "
      + "the JVM more with -Xmx, e.g. JAVA_TOOL_OPTIONS=-Xmx2g");

  /** Writes 300,000 statements (11 MB) to {@code dir}: far more than {@link #XMX} holds. */
  public static Path migration(Path dir) throws IOException {
    Path f = dir.resolve("V1__huge.sql");
    try (Writer w = Files.newBufferedWriter(f)) {
      for (int i = 0; i < 300_000; i++) {
        w.write("ALTER TABLE t ADD COLUMN c" + i + " int;\n");
      }
    }
    return f;
  }

  /**
   * Runs {@code command} with {@code env} added to this process's environment, less the JVM
   * option variables it does not set itself; standard output is discarded.
   */
  public static SmallHeapRun of(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    pb.environment().putAll(env);
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ended").isTrue();
    return new SmallHeapRun(p.exitValue(), err.lines()
        .filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).toList());
  }
}
