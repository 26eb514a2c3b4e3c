package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.testing.SmallHeapRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of memory is exit 3 with one line that says what to do, not exit 1 ("findings")
 * with a stack trace. The shaded jar and the launcher are checked in {@code OutOfMemoryIT}.
 */
class OutOfMemoryTest {
  @TempDir static Path dir;
  static Path migration;

  @BeforeAll
  static void writeAMigrationTooLargeForTheHeap() throws IOException {
    migration = SmallHeapRun.migration(dir);
  }

  private static SmallHeapRun migsafe(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), SmallHeapRun.XMX,
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    return SmallHeapRun.of(cmd, Map.of());
  }

  @Test
  void lintExitsThreeWithOneLineNamingXmx() throws Exception {
    SmallHeapRun r = migsafe("lint", migration.toString());
    assertThat(r.exit()).as(String.join("\n", r.err())).isEqualTo(3);
    assertThat(r.err()).singleElement().matches(l -> SmallHeapRun.MESSAGE.matcher(l).matches(),
        "the out-of-memory line");
  }

  @Test
  void debugBeforeOrAfterTheCommandAddsTheStackTrace() throws Exception {
    for (String[] args : List.of(new String[] {"--debug", "lint", migration.toString()},
        new String[] {"lint", migration.toString(), "--debug"})) {
      SmallHeapRun r = migsafe(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(3);
      assertThat(r.err().get(0)).matches(SmallHeapRun.MESSAGE);
      assertThat(r.err().get(1)).startsWith("java.lang.OutOfMemoryError");
      assertThat(r.err().get(2)).startsWith("\tat ");
    }
  }
}
