package dev.migsafe.cli;

import dev.migsafe.Migsafe;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import dev.migsafe.internal.io.AtomicFiles;
import dev.migsafe.internal.rehearse.RehearsalEvidence;
import dev.migsafe.internal.render.PlanHtmlRenderer;
import dev.migsafe.internal.render.PlanJsonRenderer;
import dev.migsafe.internal.render.PlanMarkdownRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migsafe plan PACKET}. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Turn a migration packet into a phased playbook: safe recipes, lock and "
        + "duration risks, compatibility, validations, decision trees, checklist and gates.")
final class PlanCommand implements Callable<Integer> {
  /** Output formats of plan. */
  enum Format { md, json, html }

  @Parameters(paramLabel = "PACKET", description = "The migration packet (YAML or JSON).")
  Path packet;

  @Option(names = "--format", description = "md (default), json or html.")
  Format format = Format.md;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the playbook here (atomically).")
  Path out;

  @Option(names = "--start", paramLabel = "WHEN",
      description = "Earliest start of the timeline, a local date-time such as "
          + "2026-12-01T00:00 in the packet's time zone (default: the next full hour).")
  String start;

  @Option(names = "--model", paramLabel = "FILE",
      description = "Throughput model for duration estimates (docs/plan-model.md).")
  Path model;

  @Option(names = "--fail-on", paramLabel = "CONDITIONS",
      description = "Comma-separated: exit 1 when a finding is at least this severe (blocker, "
          + "high, medium, low, info) or a gate is in one of these states (gate-blocked, "
          + "gate-failed, gate-pending); none: never (default: " + PlanFailOn.DEFAULT + ").")
  String failOn = PlanFailOn.DEFAULT;

  @Option(names = "--catalog", paramLabel = "DIR", description = "The catalog for similar past "
      + "migrations (default: catalog/ of the working directory if present, else the catalog "
      + "shipped with migsafe).")
  Path catalog;

  @Option(names = "--recipes", paramLabel = "DIR", description = "The team's own recipe files, "
      + "replacing the shipped recipes of the same id.")
  Path recipes;

  @Option(names = "--code", paramLabel = "REPO", description = "A consumer's repository "
      + "(repeatable): its code that uses what the packet drops, renames or narrows goes into "
      + "the playbook; a repository with such uses blocks the consumers gate unless a consumer "
      + "of the same name acknowledged (docs/surfaces.md).")
  List<Path> code = new ArrayList<>();

  @Option(names = "--rehearsal", paramLabel = "FILE", description = "A rehearsal of this "
      + "packet (rehearse --format json): its evidence decides the invariants and rollback gates.")
  Path rehearsal;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PlanFailOn failing;
    try {
      failing = PlanFailOn.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--fail-on: " + e.getMessage());
    }
    Plan plan = Migsafe.builder().catalog(catalog).build()
        .plan(packet, new PlanOptions(startTime(), model, recipes, code));
    if (rehearsal != null) {
      plan = RehearsalEvidence.apply(plan, rehearsal);
    }
    String rendered = switch (format) {
      case md -> PlanMarkdownRenderer.render(plan);
      case json -> PlanJsonRenderer.render(plan);
      case html -> PlanHtmlRenderer.render(plan);
    };
    if (out != null) {
      AtomicFiles.write(out, rendered);
    } else {
      spec.commandLine().getOut().print(rendered);
      spec.commandLine().getOut().flush();
    }
    return failing.fails(plan) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }

  private LocalDateTime startTime() {
    if (start == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(start);
    } catch (DateTimeException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--start '" + start + "' is not an ISO date-time such as 2026-12-01T00:00");
    }
  }
}
