package dev.migsafe.cli;

import dev.migsafe.Migsafe;
import dev.migsafe.api.RuleInfo;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.render.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    if (format == Format.json) {
      ObjectNode root = Json.object();
      root.put("schemaVersion", 1);
      ArrayNode arr = root.putArray("rules");
      for (RuleInfo r : rules) {
        ObjectNode n = arr.addObject();
        n.put("id", r.id());
        n.put("dialect", r.dialect());
        n.put("severity", r.severity() == null ? null : r.severity().id());
        n.put("summary", r.summary());
        n.put("since", r.since());
      }
      out.print(Json.write(root));
    } else {
      int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
      for (RuleInfo r : rules) {
        out.printf("%-" + width + "s  %-7s  %s%n", r.id(),
            r.severity() == null ? "?" : r.severity().id(), r.summary());
      }
      out.printf("%d rules. 'migsafe rules explain ID' prints one rule's documentation.%n",
          rules.size());
    }
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
      if (info != null) {
        out.printf("# %s%n%nseverity: %s | dialect: %s | since: %s%n%n%s%n%n", info.id(),
            info.severity() == null ? "?" : info.severity().id(), info.dialect(), info.since(),
            info.summary());
      }
      if (doc != null) {
        out.print(stripTitle(doc));
      }
      out.flush();
      return ExitCode.OK.code();
    }

    /** The header above replaces the doc's own title line. */
    private static String stripTitle(String doc) {
      return doc.startsWith("# ") ? doc.substring(doc.indexOf('\n') + 1).stripLeading() : doc;
    }
  }
}
