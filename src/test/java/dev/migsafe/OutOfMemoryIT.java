package dev.migsafe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.testing.SmallHeapRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar and the {@code ./migsafe} launcher end a run that ran out of memory with exit
 * 3 and the one line, the way users start them: {@code -Xmx} on {@code java -jar}, and
 * {@code JAVA_TOOL_OPTIONS} for the launcher, as the line advises.
 */
class OutOfMemoryIT {
  @TempDir Path dir;

  @Test
  void jarAndLauncherExitThreeWithTheOneLine() throws Exception {
    String migration = SmallHeapRun.migration(dir).toString();
    String jar = System.getProperty("migsafe.jar", "target/migsafe.jar");
    SmallHeapRun plain = SmallHeapRun.of(List.of("java", SmallHeapRun.XMX, "-jar", jar, "lint",
        migration), Map.of());
    SmallHeapRun launcher = SmallHeapRun.of(List.of("./migsafe", "lint", migration),
        Map.of("JAVA_TOOL_OPTIONS", SmallHeapRun.XMX));
    for (SmallHeapRun r : List.of(plain, launcher)) {
      assertThat(r.exit()).as(String.join("\n", r.err())).isEqualTo(3);
      assertThat(r.err()).singleElement()
          .matches(l -> SmallHeapRun.MESSAGE.matcher(l).matches(), "the out-of-memory line");
    }
  }
}
