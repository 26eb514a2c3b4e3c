package dev.migsafe.cli;

import dev.migsafe.Migsafe;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.Rehearsal;
import dev.migsafe.api.RehearseOptions;
import dev.migsafe.internal.render.RehearsalHtmlRenderer;
import dev.migsafe.internal.render.RehearsalJsonRenderer;
import dev.migsafe.internal.render.RehearsalMarkdownRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migsafe rehearse PACKET}: the playbook run on a real PostgreSQL, observed. */
@Command(name = "rehearse", mixinStandardHelpOptions = true,
    description = "Run the packet's playbook on a real PostgreSQL under a background workload: "
        + "observe each step's locks, rewrite and scan against the plan's prediction, run the "
        + "validations of each phase, execute and verify the rollback, and decide the gates.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every step matched its prediction and no gate failed",
      "1:a step failed or differed from the prediction, a validation failed, a gate failed, or "
          + "the playbook ended away from the target schema in a way the plan does not declare",
      "2:bad input or usage (packet, data file, connection)",
      "3:internal error"
    })
final class RehearseCommand implements Callable<Integer> {
  /** Output formats of rehearse. */
  enum Format { md, json, html }

  @Parameters(paramLabel = "PACKET", description = "The migration packet (YAML or JSON).")
  Path packet;

  @Option(names = "--format", description = "md (default), json or html.")
  Format format = Format.md;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here (atomically).")
  Path out;

  @Option(names = "--scale", paramLabel = "ROWS", description = "Synthetic rows per table "
      + "(default 100000, at most 5000000; fewer when the packet's row count is smaller).")
  long scale = RehearseOptions.DEFAULT_SCALE;

  @Option(names = "--data", paramLabel = "FILE.sql",
      description = "Load the team's own sample data instead of synthetic rows.")
  Path data;

  @Option(names = "--jdbc-url", paramLabel = "URL", description = "Rehearse on this staging "
      + "server, in a scratch database created for the run and dropped after it (the user needs "
      + "CREATEDB). Default: an embedded server of the packet's major version.")
  String jdbcUrl;

  @Option(names = "--user", paramLabel = "USER",
      description = "The staging user; the password comes from PGPASSWORD or a prompt.")
  String user;

  @Option(names = "--allow-privileged-role", description = "Rehearse on staging even as a "
      + "superuser, a role with CREATEROLE, or a member of pg_execute_server_program, "
      + "pg_read_server_files or pg_write_server_files. The packet's SQL then runs with that "
      + "power: only for packets you trust (docs/security.md).")
  boolean allowPrivilegedRole;

  @Option(names = "--pg-binaries", paramLabel = "FILE", description = "The embedded server's "
      + "binaries jar (default: from the local Maven repository, else Maven Central).")
  Path pgBinaries;

  @Option(names = "--no-workload", description = "Run the steps without a background workload.")
  boolean noWorkload;

  @Option(names = "--model", paramLabel = "FILE",
      description = "Throughput model for the plan's duration estimates.")
  Path model;

  @Option(names = "--recipes", paramLabel = "DIR", description = "The team's own recipe files, "
      + "replacing the shipped recipes of the same id.")
  Path recipes;

  @Option(names = "--catalog", paramLabel = "DIR",
      description = "The catalog whose validation templates join the plan's validations.")
  Path catalog;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (scale < 1 || scale > RehearseOptions.MAX_SCALE) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--scale must be between 1 and " + RehearseOptions.MAX_SCALE + ", not " + scale);
    }
    if (data != null && !Files.isReadable(data)) {
      throw MigsafeException.badInput(data + ": cannot read the data file");
    }
    var err = spec.commandLine().getErr();
    Rehearsal r = Migsafe.builder().catalog(catalog).build().rehearse(packet,
        new RehearseOptions(scale, data, pgBinaries, !noWorkload, model, recipes, jdbcUrl, user,
            allowPrivilegedRole),
        line -> {
          err.println("migsafe: " + line);
          err.flush();
        });
    String rendered = switch (format) {
      case md -> RehearsalMarkdownRenderer.render(r);
      case json -> RehearsalJsonRenderer.render(r);
      case html -> RehearsalHtmlRenderer.render(r);
    };
    Output.emit(spec, out, rendered);
    boolean failing = r.stopped() != null || !r.mismatches().isEmpty() || !r.gatesPassed()
        || r.validations().stream().anyMatch(v -> !v.passed())
        || !r.endState().undeclared().isEmpty() || !r.failedForwardFixes().isEmpty();
    return failing ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }
}
