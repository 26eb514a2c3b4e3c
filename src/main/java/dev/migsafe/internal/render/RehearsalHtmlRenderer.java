package dev.migsafe.internal.render;

import static dev.migsafe.internal.render.Html.text;

import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal;

/**
 * The rehearsal report as one self-contained HTML page: inline CSS and SVG, no scripts, no
 * network. Every text from the packet or the server is escaped.
 */
public final class RehearsalHtmlRenderer {
  private static final String CSS = """
      body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2330;padding:0 1rem}
      h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #dde;padding-bottom:.2rem}
      table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #dde;padding:.3rem .5rem;text-align:left;vertical-align:top}
      th{background:#f3f5f9}code{background:#f6f8fa;padding:0 .2rem;border-radius:3px}
      .passed,.yes{color:#17663a;font-weight:600}.pending{color:#8a6100;font-weight:600}
      .blocked,.failed,.no{color:#b3261e;font-weight:600}svg text{font:11px system-ui,sans-serif}
      """;
  private static final int BAR_WIDTH = 640;

  private RehearsalHtmlRenderer() {}

  public static String render(Rehearsal r) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Rehearsal: ").append(text(r.packetId())).append("</title><style>")
        .append(CSS).append("</style></head><body>\n");
    h.append("<h1>Rehearsal: ").append(text(r.packetId())).append("</h1>\n<p>PostgreSQL ")
        .append(text(r.server().version())).append(r.server().embedded() ? " (embedded)"
            : " (staging)").append(" · scratch <code>").append(text(r.server().scratch()))
        .append("</code> · data ").append(text(r.data().source())).append(", ");
    h.append(text(String.join(", ", r.data().rows().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue() + " rows").toList()))).append("</p>\n");
    h.append("<p>").append(text(RehearsalText.summary(r))).append("</p>\n");
    if (r.stopped() != null) {
      h.append("<p class=\"failed\">Stopped at ").append(text(r.stopped().at())).append(": ")
          .append(text(r.stopped().reason())).append("</p>\n");
    }

    h.append("<h2>Gates</h2><table><tr><th>gate</th><th>status</th><th>reason</th></tr>");
    for (Plan.Gate g : r.gates()) {
      h.append("<tr><td>").append(text(g.id())).append("</td><td class=\"")
          .append(text(g.status())).append("\">").append(text(g.status())).append("</td><td>")
          .append(text(g.reason())).append("</td></tr>");
    }
    h.append("</table>\n");

    h.append("<h2>Steps</h2>\n").append(chart(r));
    h.append("<table><tr><th>step</th><th>pass</th><th>ms</th><th>production: plan / "
        + "projected</th><th>predicted locks</th>"
        + "<th>observed locks</th><th>rewrite</th><th>scan</th><th>workload wait ms</th>"
        + "<th>matches</th></tr>");
    for (Rehearsal.StepRun s : r.steps()) {
      h.append("<tr id=\"step-").append(text(s.id())).append("\"><td><code>")
          .append(text(s.id())).append("</code><br><code>").append(text(s.sql()))
          .append("</code></td><td>").append(text(s.pass())).append("</td><td>")
          .append(s.durationMs()).append(s.batches() > 1 ? " (" + s.batches() + " batches)" : "")
          .append("</td><td>").append(text(RehearsalText.production(s)))
          .append("</td><td>").append(text(RehearsalText.locks(s.predicted())))
          .append("</td><td>").append(text(RehearsalText.locks(s.observed())))
          .append("</td><td>").append(RehearsalText.yesNo(s.predicted().rewritesTable()))
          .append(" / ").append(RehearsalText.yesNo(s.observed().rewritesTable()))
          .append("</td><td>").append(RehearsalText.yesNo(s.predicted().scansTable()))
          .append(" / ").append(RehearsalText.yesNo(s.observed().scansTable()))
          .append("</td><td>").append(s.observed().maxWorkloadWaitMs() == null ? "–"
              : s.observed().maxWorkloadWaitMs()).append("</td><td class=\"")
          .append(s.error() == null && s.matchesPrediction() ? "yes" : "no").append("\">")
          .append(s.error() != null ? "error: " + text(s.error()) : s.matchesPrediction() ? "yes"
              : text(String.join("; ", s.mismatches()))).append("</td></tr>");
    }
    h.append("</table>\n");

    h.append("<h2>Validations</h2><table><tr><th>validation</th><th>phase</th><th>ran</th>"
        + "<th>source</th><th>result</th><th>expected</th><th>passed</th></tr>");
    for (Rehearsal.ValidationRun v : r.validations()) {
      h.append("<tr><td>").append(text(v.id())).append("</td><td>").append(text(v.phase()))
          .append("</td><td>").append(text(v.ranAt())).append("</td><td>")
          .append(text(v.source())).append("</td><td>").append(text(RehearsalText.result(v)))
          .append("</td><td>").append(text(RehearsalText.expectation(v))).append("</td><td class=\"")
          .append(v.passed() ? "yes\">yes" : "no\">no").append("</td></tr>");
    }
    h.append("</table>\n");

    Rehearsal.RollbackRun rb = r.rollback();
    h.append("<h2>Rollback</h2>\n");
    if (!rb.executed()) {
      h.append("<p>Not executed: ").append(text(rb.reason())).append("</p>\n");
    } else {
      h.append("<p>From <code>").append(text(rb.fromStep())).append("</code>, ")
          .append(text(rb.reason())).append(": ").append(rb.durationMs()).append(" ms")
          .append(rb.projectedDurationMs() == null ? "" : " (projected to production: "
              + PlanMarkdownRenderer.human(java.time.Duration.ofMillis(rb.projectedDurationMs()))
              + ")")
          .append(" against a bound of ")
          .append(text(rb.timeBound() == null ? "none"
              : PlanMarkdownRenderer.human(rb.timeBound())))
          .append(" (<span class=\"").append(rb.withinBound() ? "yes\">within" : "no\">over")
          .append("</span>). Schema restored: <span class=\"")
          .append(rb.schemaRestored() ? "yes\">yes" : "no\">no")
          .append("</span>. Invariants hold: <span class=\"")
          .append(rb.invariantsHold() ? "yes\">yes" : "no\">no").append("</span>.</p>\n");
      h.append("<table><tr><th>change</th><th>from</th><th>statement</th><th>ms</th>"
          + "<th>error</th></tr>");
      for (Rehearsal.RollbackStatement s : rb.statements()) {
        h.append("<tr><td>").append(text(s.changeId())).append("</td><td>")
            .append(text(s.source())).append("</td><td><code>").append(text(s.sql()))
            .append("</code></td><td>").append(s.durationMs()).append("</td><td>")
            .append(text(s.error())).append("</td></tr>");
      }
      h.append("</table>\n");
      if (!rb.differences().isEmpty()) {
        h.append("<p class=\"failed\">Schema differences after the rollback:</p><ul>");
        rb.differences().forEach(d -> h.append("<li>").append(text(d)).append("</li>"));
        h.append("</ul>\n");
      }
      if (!rb.keptByDesign().isEmpty()) {
        h.append("<p>Kept by design:</p><ul>");
        rb.keptByDesign().forEach(d -> h.append("<li>").append(text(d)).append("</li>"));
        h.append("</ul>\n");
      }
    }

    if (!r.forwardFixes().isEmpty()) {
      h.append("<h2>Forward-fixes</h2>\n<p>Each change's first forward-fix after its point of "
          + "no return, run right after that point and rolled back.</p><table><tr><th>change"
          + "</th><th>after</th><th>answers</th><th>statement</th><th>ms</th><th>error</th></tr>");
      for (Rehearsal.ForwardFixRun f : r.forwardFixes()) {
        for (Rehearsal.RollbackStatement s : f.statements()) {
          h.append("<tr><td>").append(text(f.changeId())).append("</td><td>")
              .append(text(f.afterStep())).append("</td><td>")
              .append(text(String.join(", ", f.answers()))).append("</td><td><code>")
              .append(text(s.sql())).append("</code></td><td>").append(s.durationMs())
              .append("</td><td class=\"").append(s.error() == null ? "yes\">" : "no\">")
              .append(text(s.error())).append("</td></tr>");
        }
        if (f.note() != null) {
          h.append("<tr><td>").append(text(f.changeId())).append("</td><td colspan=\"5\">")
              .append(text(f.note())).append("</td></tr>");
        }
      }
      h.append("</table>\n");
    }

    Rehearsal.EndState end = r.endState();
    h.append("<h2>End state</h2>\n<p class=\"")
        .append(!end.checked() ? "pending" : end.reached() ? "passed" : "failed").append("\">")
        .append(text(RehearsalText.endState(end))).append(".</p>\n");
    if (!end.differences().isEmpty()) {
      h.append("<table><tr><th>kind</th><th>object</th><th>expected</th><th>actual</th>"
          + "<th>declared</th></tr>");
      for (Rehearsal.EndStateDifference d : end.differences()) {
        h.append("<tr><td>").append(text(d.kind())).append("</td><td><code>")
            .append(text(d.object())).append("</code></td><td>").append(text(d.expected()))
            .append("</td><td>").append(text(d.actual())).append("</td><td class=\"")
            .append(d.declared() ? "yes\">yes: " + text(d.reason()) : "no\">no")
            .append("</td></tr>");
      }
      h.append("</table>\n");
    }

    Rehearsal.WorkloadSummary w = r.workload();
    h.append("<h2>Workload</h2><p>").append(w.enabled() ? "Ran: " : "Not run: ")
        .append(text(w.reason())).append(w.enabled() ? ". " + w.queries() + " queries, "
            + w.errors() + " errors, longest wait " + w.maxWaitMs() + " ms." : ".")
        .append("</p>\n");
    if (!r.notes().isEmpty()) {
      h.append("<h2>Notes</h2><ul>");
      r.notes().forEach(n -> h.append("<li>").append(text(n)).append("</li>"));
      h.append("</ul>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  /** Each step's duration and the longest workload wait behind it, on one scale. */
  private static String chart(Rehearsal r) {
    long max = 1;
    for (Rehearsal.StepRun s : r.steps()) {
      max = Math.max(max, s.durationMs());
      if (s.observed().maxWorkloadWaitMs() != null) {
        max = Math.max(max, s.observed().maxWorkloadWaitMs());
      }
    }
    int rowHeight = 22;
    int labelWidth = 70;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg role=\"img\" aria-label=\"step durations and workload waits\" width=\"")
        .append(labelWidth + BAR_WIDTH + 120).append("\" height=\"")
        .append(rowHeight * r.steps().size() + 24).append("\">");
    svg.append("<text x=\"").append(labelWidth).append("\" y=\"12\">duration (blue) and longest "
        + "workload wait (orange), ms; full width = ").append(max).append(" ms</text>");
    int y = 20;
    for (Rehearsal.StepRun s : r.steps()) {
      int w = (int) Math.max(1, s.durationMs() * BAR_WIDTH / max);
      long waited = s.observed().maxWorkloadWaitMs() == null ? 0 : s.observed().maxWorkloadWaitMs();
      int ww = (int) (waited * BAR_WIDTH / max);
      svg.append("<a href=\"#step-").append(text(s.id())).append("\"><text x=\"0\" y=\"")
          .append(y + 13).append("\">").append(text(s.id())).append("</text></a>");
      svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 2)
          .append("\" width=\"").append(w).append("\" height=\"8\" fill=\"")
          .append(s.error() != null || !s.matchesPrediction() ? "#b3261e" : "#3b6fd1")
          .append("\"/>");
      svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 11)
          .append("\" width=\"").append(ww).append("\" height=\"6\" fill=\"#e08a1e\"/>");
      svg.append("<text x=\"").append(labelWidth + Math.max(w, ww) + 4).append("\" y=\"")
          .append(y + 13).append("\">").append(s.durationMs()).append(" / ").append(waited)
          .append("</text>");
      y += rowHeight;
    }
    return svg.append("</svg>\n").toString();
  }
}
