package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --debug} is one option of every command, wherever it is written: before the command,
 * after it, after its arguments. An internal error's trace is checked in {@link
 * OutOfMemoryTest}, the one internal error a test can cause on purpose.
 */
class DebugOptionTest {
  private static final String MISSING = "no-such-migration.sql";

  @Test
  void badInputShowsItsStackTraceOnlyWithDebugWhereverItStands() {
    for (List<String> args : List.of(List.of("--debug", "lint", MISSING),
        List.of("lint", "--debug", MISSING), List.of("lint", MISSING, "--debug"),
        List.of("similar", "--debug", "--sql", MISSING), List.of("similar", "--sql", MISSING,
            "--debug"))) {
      CliRunner.Run r = CliRunner.run(args.toArray(String[]::new));
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", args))
          .contains(MISSING, "MigsafeException", "\tat dev.migsafe.");
    }
    CliRunner.Run r = CliRunner.run("lint", MISSING);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(MISSING).doesNotContain("Exception", "\tat ");
  }
}
