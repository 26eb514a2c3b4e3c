package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** Every command and subcommand answers {@code --help} with its usage and exit codes. */
class HelpTest {
  @TestFactory
  Stream<DynamicTest> everyCommandHasHelp() {
    List<DynamicTest> tests = new ArrayList<>();
    collect(Main.commandLine(), new ArrayList<>(), tests);
    return tests.stream();
  }

  private static void collect(CommandLine cl, List<String> path, List<DynamicTest> out) {
    cl.getSubcommands().forEach((name, sub) -> {
      if (!sub.getCommandName().equals(name)) {
        return; // an alias
      }
      List<String> args = new ArrayList<>(path);
      args.add(name);
      List<String> withHelp = new ArrayList<>(args);
      withHelp.add("--help");
      out.add(DynamicTest.dynamicTest(String.join(" ", args), () -> {
        CliRunner.Run r = CliRunner.run(withHelp.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Usage: migsafe " + String.join(" ", args));
      }));
      collect(sub, args, out);
    });
  }
}
