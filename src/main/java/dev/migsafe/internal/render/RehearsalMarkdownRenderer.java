package dev.migsafe.internal.render;

import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal;

/** The rehearsal report as Markdown, for a pull request or a review document. */
public final class RehearsalMarkdownRenderer {
  private RehearsalMarkdownRenderer() {}

  public static String render(Rehearsal r) {
    StringBuilder md = new StringBuilder();
    md.append("# Rehearsal: ").append(r.packetId()).append("\n\n");
    md.append("PostgreSQL ").append(r.server().version())
        .append(r.server().embedded() ? " (embedded)" : " (staging)").append(", scratch ")
        .append(cell(r.server().scratch())).append(". Data: ").append(cell(r.data().source()))
        .append(", ");
    md.append(cell(String.join(", ", r.data().rows().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue() + " rows").toList())));
    md.append(" (").append(r.data().durationMs()).append(" ms).\n\n");
    md.append(RehearsalText.summary(r)).append(".\n\n");
    if (r.stopped() != null) {
      md.append("**Stopped at ").append(r.stopped().at()).append(":** ")
          .append(cell(r.stopped().reason())).append("\n\n");
    }

    md.append("## Gates\n\n| gate | status | reason |\n|---|---|---|\n");
    for (Plan.Gate g : r.gates()) {
      md.append("| ").append(g.id()).append(" | ").append(g.status()).append(" | ")
          .append(cell(g.reason())).append(" |\n");
    }

    md.append("\n## Steps\n\n| step | pass | ms | production: plan / projected | predicted locks "
        + "| observed locks | rewrite (predicted/observed) | scan (predicted/observed) "
        + "| workload wait ms | matches |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (Rehearsal.StepRun s : r.steps()) {
      md.append("| ").append(s.id()).append(" | ").append(s.pass()).append(" | ")
          .append(s.durationMs()).append(s.batches() > 1 ? " (" + s.batches() + " batches)" : "")
          .append(" | ").append(RehearsalText.production(s))
          .append(" | ").append(cell(RehearsalText.locks(s.predicted()))).append(" | ")
          .append(cell(RehearsalText.locks(s.observed()))).append(" | ")
          .append(RehearsalText.yesNo(s.predicted().rewritesTable())).append(" / ")
          .append(RehearsalText.yesNo(s.observed().rewritesTable())).append(" | ")
          .append(RehearsalText.yesNo(s.predicted().scansTable())).append(" / ")
          .append(RehearsalText.yesNo(s.observed().scansTable())).append(" | ")
          .append(s.observed().maxWorkloadWaitMs() == null ? "–" : s.observed().maxWorkloadWaitMs())
          .append(" | ").append(s.error() != null ? "error" : s.matchesPrediction() ? "yes" : "**no**")
          .append(" |\n");
    }
    boolean anyProblem = r.steps().stream()
        .anyMatch(s -> s.error() != null || !s.matchesPrediction());
    if (anyProblem) {
      md.append("\n### Errors and mismatches\n\n");
      for (Rehearsal.StepRun s : r.steps()) {
        if (s.error() != null) {
          md.append("- ").append(s.id()).append(": error ").append(cell(s.error())).append('\n');
        }
        for (String m : s.mismatches()) {
          md.append("- ").append(s.id()).append(": ").append(cell(m)).append('\n');
        }
      }
    }

    md.append("\n## Validations\n\n| validation | phase | ran | source | result | expected "
        + "| passed |\n|---|---|---|---|---|---|---|\n");
    for (Rehearsal.ValidationRun v : r.validations()) {
      md.append("| ").append(cell(v.id())).append(" | ").append(v.phase()).append(" | ")
          .append(v.ranAt()).append(" | ").append(v.source()).append(" | ")
          .append(cell(RehearsalText.result(v))).append(" | ")
          .append(RehearsalText.expectation(v)).append(" | ")
          .append(v.passed() ? "yes" : "**no**").append(" |\n");
    }

    Rehearsal.RollbackRun rb = r.rollback();
    md.append("\n## Rollback\n\n");
    if (!rb.executed()) {
      md.append("Not executed: ").append(cell(rb.reason())).append("\n");
    } else {
      md.append("From ").append(rb.fromStep()).append(", ").append(cell(rb.reason()))
          .append(": ").append(rb.durationMs()).append(" ms")
          .append(rb.projectedDurationMs() == null ? "" : " (projected to production: "
              + PlanMarkdownRenderer.human(java.time.Duration.ofMillis(rb.projectedDurationMs()))
              + ")")
          .append(" against a bound of ")
          .append(rb.timeBound() == null ? "none" : PlanMarkdownRenderer.human(rb.timeBound()))
          .append(" (")
          .append(rb.withinBound() ? "within" : "**over**").append("). Schema restored: ")
          .append(rb.schemaRestored() ? "yes" : "**no**").append(". Invariants hold: ")
          .append(rb.invariantsHold() ? "yes" : "**no**").append(".\n\n");
      md.append("| change | from | statement | ms | error |\n|---|---|---|---|---|\n");
      for (Rehearsal.RollbackStatement s : rb.statements()) {
        md.append("| ").append(s.changeId()).append(" | ").append(cell(s.source())).append(" | ")
            .append(code(s.sql())).append(" | ").append(s.durationMs())
            .append(" | ").append(s.error() == null ? "" : cell(s.error())).append(" |\n");
      }
      if (!rb.differences().isEmpty()) {
        md.append("\nSchema differences after the rollback:\n\n");
        rb.differences().forEach(d -> md.append("- ").append(cell(d)).append('\n'));
      }
      if (!rb.keptByDesign().isEmpty()) {
        md.append("\nKept by design:\n\n");
        rb.keptByDesign().forEach(d -> md.append("- ").append(cell(d)).append('\n'));
      }
    }

    if (!r.forwardFixes().isEmpty()) {
      md.append("\n## Forward-fixes\n\nEach change's first forward-fix after its point of no "
          + "return, run right after that point and rolled back.\n\n"
          + "| change | after | answers | statement | ms | error |\n|---|---|---|---|---|---|\n");
      for (Rehearsal.ForwardFixRun f : r.forwardFixes()) {
        for (Rehearsal.RollbackStatement s : f.statements()) {
          md.append("| ").append(f.changeId()).append(" | ").append(cell(f.afterStep()))
              .append(" | ").append(cell(String.join(", ", f.answers()))).append(" | ")
              .append(code(s.sql())).append(" | ").append(s.durationMs()).append(" | ")
              .append(s.error() == null ? "" : "**" + cell(s.error()) + "**").append(" |\n");
        }
        if (f.note() != null) {
          md.append("| ").append(f.changeId()).append(" | ").append(cell(f.afterStep()))
              .append(" | | ").append(cell(f.note())).append(" | | |\n");
        }
      }
    }

    Rehearsal.EndState end = r.endState();
    md.append("\n## End state\n\n").append(cell(RehearsalText.endState(end))).append(".\n");
    if (!end.differences().isEmpty()) {
      md.append("\n| kind | object | expected | actual | declared |\n|---|---|---|---|---|\n");
      for (Rehearsal.EndStateDifference d : end.differences()) {
        md.append("| ").append(d.kind()).append(" | ").append(cell(d.object())).append(" | ")
            .append(cell(d.expected())).append(" | ").append(cell(d.actual())).append(" | ")
            .append(d.declared() ? "yes: " + cell(d.reason()) : "**no**").append(" |\n");
      }
    }

    Rehearsal.WorkloadSummary w = r.workload();
    md.append("\n## Workload\n\n").append(w.enabled() ? "Ran: " : "Not run: ")
        .append(cell(w.reason())).append(w.enabled() ? ". " + w.queries() + " queries, "
            + w.errors() + " errors, longest wait " + w.maxWaitMs() + " ms." : ".").append('\n');
    if (!r.notes().isEmpty()) {
      md.append("\n## Notes\n\n");
      r.notes().forEach(n -> md.append("- ").append(cell(n)).append('\n'));
    }
    return md.toString();
  }

  /**
   * Text from the packet or the server: markup escaped (Markdown renders HTML), no pipes or line
   * breaks that would end a table cell.
   */
  private static String cell(String s) {
    return s == null ? "" : PlanMarkdownRenderer.cell(s).replace("\r", " ").replace("\n", " ");
  }

  /** SQL as a code span, where markup is shown as written; a backtick would end the span. */
  private static String code(String s) {
    return "`" + s.replace("`", "'").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
        + "`";
  }
}
