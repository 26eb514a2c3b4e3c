package dev.migsafe.cli;

import dev.migsafe.Migsafe;
import dev.migsafe.api.RuleInfo;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.render.RuleListRenderer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migsafe rules} and {@code migsafe rules explain ID}. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "List every rule with its id, severity and one-line summary.",
    subcommands = RulesCommand.Explain.class)
final class RulesCommand implements Callable<Integer> {
  /** Output formats of the rule list. */
  enum Format { text, json }

  @Option(names = "--format", description = "text or json (default: text).")
  Format format = Format.text;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<RuleInfo> rules = Migsafe.builder().build().rules();
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.json ? RuleListRenderer.json(rules)
        : RuleListRenderer.text(rules));
    out.flush();
    return ExitCode.OK.code();
  }

  /** {@code migsafe rules explain ID}. */
  @Command(name = "explain", mixinStandardHelpOptions = true,
      description = "Print a rule's documentation: a header from its metadata, then its doc.")
  static final class Explain implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "The rule id, e.g. pg-add-column-volatile-default.")
    String id;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Migsafe migsafe = Migsafe.builder().build();
      RuleInfo info = migsafe.rules().stream().filter(r -> r.id().equals(id)).findFirst()
          .orElse(null);
      String doc = migsafe.ruleDoc(id).orElse(null);
      if (info == null && doc == null) {
        throw MigsafeException.badInput("'" + id + "' is not a rule id; 'migsafe rules' lists them");
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(RuleListRenderer.explain(info, doc));
      out.flush();
      return ExitCode.OK.code();
    }
  }
}
