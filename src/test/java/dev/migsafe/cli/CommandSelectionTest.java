package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run builds picocli's model of the command it names only; whatever names no command sees
 * them all, so help, usage and suggestions are unchanged.
 */
class CommandSelectionTest {
  private static final List<String> ALL = Main.COMMANDS.stream()
      .map(c -> c.getAnnotation(CommandLine.Command.class).name()).toList();

  @Test
  void aNamedCommandAloneIsBuilt() {
    assertThat(Main.commandLine("lint", "x.sql").getSubcommands()).containsOnlyKeys("lint");
    assertThat(Main.commandLine("--debug", "plan", "p.yaml").getSubcommands())
        .containsOnlyKeys("plan");
  }

  @Test
  void anythingElseSeesEveryCommand() {
    for (String[] args : List.of(new String[0], new String[] {"--help"},
        new String[] {"-h", "lint"}, new String[] {"--version", "lint"},
        new String[] {"lnt"}, new String[] {"--debug"})) {
      assertThat(Main.commandLine(args).getSubcommands().keySet())
          .as(String.join(" ", args)).containsExactlyElementsOf(ALL);
    }
  }

  @Test
  void topLevelHelpListsEveryCommand() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h", "lint"})) {
      CliRunner.Run r = CliRunner.run(args);
      assertThat(r.exit()).isZero();
      ALL.forEach(name -> assertThat(r.out()).contains("\n  " + name + " "));
    }
  }

  @Test
  void aMistypedCommandIsStillSuggested() {
    CliRunner.Run r = CliRunner.run("lnt", "x.sql");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Unmatched arguments").contains("Did you mean: migsafe lint?");
  }

  @Test
  void debugIsInheritedByTheOneCommandBuilt() {
    CliRunner.Run r = CliRunner.run("lint", "--debug", "no-such-file.sql");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-file.sql").doesNotContain("Unknown option");
  }
}
