package dev.migsafe.cli;

import dev.migsafe.internal.mcp.MigsafeMcpServer;
import dev.migsafe.internal.mcp.ServerLog;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code migsafe mcp}: a Model Context Protocol server on standard input and output. */
@Command(name = "mcp", mixinStandardHelpOptions = true,
    description = "Serve migsafe to an AI assistant as a Model Context Protocol server on "
        + "standard input and output; it reads files only under the directory it is started "
        + "in (docs/ai.md).",
    footerHeading = "%nServes:%n",
    footer = {
      "  tools      lint, plan, check_migration, similar, explain_rule, rules,",
      "             rehearse, report",
      "  resources  migsafe://rules/{id}, recipes/{id}, decision-trees/{id},",
      "             catalog/migrations/{id}, catalog/validations/{id}",
      "  prompts    design-pass, execution-pass, validation-pass, safety-pass,",
      "             each over a packet"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the client closed standard input",
      "2:bad usage",
      "3:internal error"
    })
final class McpCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    // Standard output carries JSON-RPC only. Anything else that would print there (a library's
    // stray message) goes to standard error instead; the protocol keeps the real stream.
    PrintStream protocol = System.out;
    System.setOut(System.err);
    try {
      MigsafeMcpServer.serve(System.in, protocol, Path.of(""),
          new ServerLog(new PrintWriter(System.err, true), debug()));
    } finally {
      System.setOut(protocol);
    }
    return ExitCode.OK.code();
  }

  private boolean debug() {
    for (CommandLine c = spec.commandLine(); c != null; c = c.getParent()) {
      if (c.getParseResult() != null && c.getParseResult().hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
