package dev.migsafe.internal.check;

import dev.migsafe.api.CheckRequest;
import dev.migsafe.api.FileResult;
import dev.migsafe.api.LintOptions;
import dev.migsafe.api.MigrationCheck;
import dev.migsafe.api.MigrationCheck.Evidence;
import dev.migsafe.api.MigrationCheck.Item;
import dev.migsafe.api.MigrationCheck.Point;
import dev.migsafe.api.MigrationCheck.Verdict;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.Plan;
import dev.migsafe.internal.lint.Linter;
import dev.migsafe.internal.rehearse.EmbeddedScratch;
import dev.migsafe.internal.rehearse.ProposalRehearsal;
import dev.migsafe.internal.rules.RuleBase;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code check_migration} guardrail: a proposed {@code up} (and {@code down}) judged
 * against a packet by every means migsafe has, the rule base on paper and a real server of
 * the packet's major version, each point with its evidence. The verdict is the worst point:
 * a proposal passes only when nothing failed and nothing needs a person.
 */
public final class MigrationChecker {
  private final RuleBase rules;

  public MigrationChecker(RuleBase rules) {
    this.rules = rules;
  }

  public MigrationCheck check(MigrationPacket packet, Plan plan, CheckRequest request,
      Consumer<String> progress) {
    if (!packet.dialect().equals("postgresql")) {
      throw MigsafeException.badInput(request.packet() + ": check_migration runs PostgreSQL "
          + "packets only; this one is " + packet.dialect());
    }
    int major = Integer.parseInt(packet.engineVersion());
    Schema current = SchemaReader.read(packet.schema().current());
    Schema afterUp = current.copy();
    try {
      SchemaReader.apply(afterUp, request.up());
    } catch (RuntimeException e) {
      // The model cannot follow the SQL; down is then judged against the current schema and
      // the server's answer stands.
      afterUp = current.copy();
    }
    Linter linter = new Linter(rules, LintOptions.defaults().withEngineVersion(major));
    List<Evidence> evidence = new ArrayList<>();
    progress.accept("linting up against the packet's current schema");
    evidence.add(lint(Point.LINT_UP, "up", request.up(),
        linter.lintText("up", request.up(), current.copy()), packet, plan, current));
    if (request.down() != null) {
      progress.accept("linting down against the schema up leaves");
      evidence.add(lint(Point.LINT_DOWN, "down", request.down(),
          linter.lintText("down", request.down(), afterUp.copy()), packet, plan, current));
    }

    List<Item> names = new ArrayList<>(NameCheck.unknownNames("up", request.up(), current));
    if (request.down() != null) {
      names.addAll(NameCheck.unknownNames("down", request.down(), afterUp));
    }

    progress.accept("starting PostgreSQL " + major);
    ProposalRehearsal.Outcome run;
    try (EmbeddedScratch db = EmbeddedScratch.start(major, request.pgBinaries())) {
      run = new ProposalRehearsal(packet, plan, progress).run(db, request.up(),
          request.down(), ProposalRehearsal.DEFAULT_ROWS);
    }
    addServerNames(names, run);
    evidence.add(new Evidence(Point.NAMES, ServerCheck.worst(names), names.isEmpty()
        ? "every table, column and constraint the SQL names exists when it runs"
        : names.size() + " name" + (names.size() == 1 ? "" : "s")
            + " the SQL uses do not exist when it runs", names));
    evidence.add(ServerCheck.target(run, run.currentFromTarget(),
        packet.schema().target() != null));
    evidence.add(request.down() == null
        ? new Evidence(Point.CURRENT_RESTORED, Verdict.NEEDS_REVIEW,
            "no down was proposed: nothing says how to go back", List.of())
        : ServerCheck.restored(run));
    evidence.add(ServerCheck.invariants(run, packet.invariants().size()));
    evidence.add(ConsumerCheck.of(plan.consumers()));

    Verdict verdict = Verdict.PASS;
    for (Evidence e : evidence) {
      verdict = verdict.worst(e.verdict());
    }
    return new MigrationCheck(packet.id(), run.serverVersion(), verdict, evidence);
  }

  private static Evidence lint(Point point, String source, String script, FileResult result,
      MigrationPacket packet, Plan plan, Schema current) {
    List<Item> items = LintCheck.judge(source, script, result, packet, plan.changes(),
        current);
    Verdict v = ServerCheck.worst(items);
    long refused = items.stream().filter(i -> i.verdict() == Verdict.FAIL).count();
    long review = items.stream().filter(i -> i.verdict() == Verdict.NEEDS_REVIEW).count();
    String summary = result.statements().size() + " statement"
        + (result.statements().size() == 1 ? "" : "s") + " linted on PostgreSQL "
        + packet.engineVersion() + " with the packet's workload: " + (items.isEmpty()
            ? "no finding"
            : refused + " refused, " + review + " for review, "
                + (items.size() - refused - review) + " informational");
    return new Evidence(point, v, summary, items);
  }

  /** A name the server could not find and the model did not catch is still a name problem. */
  private static void addServerNames(List<Item> names, ProposalRehearsal.Outcome run) {
    for (ProposalRehearsal.Applied a : new ProposalRehearsal.Applied[] {run.up(), run.down()}) {
      if (a != null && !a.ok() && ServerCheck.UNDEFINED.contains(a.failure().sqlState())) {
        String where = (a == run.up() ? "up" : "down") + ":" + a.failure().line() + ":"
            + a.failure().column();
        if (names.stream().noneMatch(i -> where.equals(i.where()))) {
          names.add(ServerCheck.failure(a == run.up() ? "up" : "down", a.failure()));
        }
      }
    }
  }
}
