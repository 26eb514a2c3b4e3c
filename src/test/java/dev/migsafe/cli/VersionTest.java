package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.Migsafe;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code migsafe --version} is answered before picocli builds its command model; what it
 * prints and returns must stay what picocli itself answers.
 */
class VersionTest {
  @ParameterizedTest
  @ValueSource(strings = {"--version", "-V"})
  void answersAsPicocliDoes(String option) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine picocli = new CommandLine(new Main());
    picocli.setOut(new PrintWriter(out));
    picocli.setErr(new PrintWriter(err));
    int picocliExit = picocli.execute(option);

    CliRunner.Run fast = CliRunner.run(option);

    assertThat(fast.out()).isEqualTo(out.toString())
        .isEqualTo("migsafe " + Migsafe.version() + System.lineSeparator());
    assertThat(fast.err()).isEqualTo(err.toString()).isEmpty();
    assertThat(fast.exit()).isEqualTo(picocliExit).isZero();
  }

  @org.junit.jupiter.api.Test
  void withAnotherOptionPicocliAnswersTheSame() {
    CliRunner.Run r = CliRunner.run("--debug", "--version");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(CliRunner.run("--version").out());
  }
}
