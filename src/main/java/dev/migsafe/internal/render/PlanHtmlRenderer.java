package dev.migsafe.internal.render;

import static dev.migsafe.internal.render.Html.text;

import dev.migsafe.api.Change;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Plan.Node;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The playbook as one self-contained HTML page: inline CSS and SVG, no scripts, no network.
 * Every text from the packet is escaped.
 */
public final class PlanHtmlRenderer {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z", Locale.ROOT);
  private static final String CSS = """
      body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2330;padding:0 1rem}
      h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #dde;padding-bottom:.2rem}
      table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #dde;padding:.3rem .5rem;text-align:left;vertical-align:top}
      th{background:#f3f5f9}pre{background:#f6f8fa;padding:.6rem;overflow-x:auto;border-radius:4px}
      .passed{color:#17663a;font-weight:600}.pending{color:#8a6100;font-weight:600}.blocked,.failed{color:#b3261e;font-weight:600}
      .pnr{color:#b3261e;font-weight:600}.step{border-left:3px solid #8aa4d6;padding-left:.8rem;margin:1rem 0}
      .yes{color:#17663a;font-weight:600}.no{color:#b3261e;font-weight:600}
      .dt{margin:.5rem 0 1.5rem}.dt ul{list-style:none;margin:0;padding:0 0 0 1.1rem}
      .dt li{position:relative;padding:.3rem 0 .3rem 1.3rem}
      .dt li::before{content:"";position:absolute;left:0;top:0;bottom:0;border-left:2px solid #b9c6dd}
      .dt li:last-child::before{bottom:auto;height:1.1rem}
      .dt li::after{content:"";position:absolute;left:0;top:1.1rem;width:1rem;border-top:2px solid #b9c6dd}
      .dt .q,.dt .o{display:inline-block;vertical-align:top;border-radius:6px;padding:.2rem .6rem;max-width:46rem}
      .dt .q{background:#eef3fb;border:1px solid #8aa4d6}.dt .o{background:#f4f8f1;border:1px solid #9cc3a3}
      .dt .o.rollback{background:#fdf1ef;border-color:#e0a59d}.dt .o.forward-fix{background:#fff6e5;border-color:#e6c27a}
      .dt .o.halt{background:#f3f5f9;border-color:#aab4c5}
      .dt .o ol{margin:.2rem 0 .1rem;padding-left:1.3rem;font-size:.9em}.dt .o li{padding:0}
      .dt .o li::before,.dt .o li::after{display:none}
      .tl{display:grid;grid-template-columns:minmax(14rem,30%) 1fr;column-gap:.8rem;row-gap:2px;margin:.5rem 0}
      .tl-label{grid-column:1;font-size:.85rem;line-height:1.25;padding:2px 0}
      .tl-track,.tl-axis,.tl-peaks{grid-column:2;position:relative}
      .tl-track{min-height:1.1rem;border-bottom:1px solid #eef0f5}
      .tl-peaks span{position:absolute;top:0;bottom:0;background:#fbe3d6}
      .bar{position:absolute;top:3px;height:calc(100% - 6px);min-width:3px;border-radius:2px}
      .tl-axis{height:1.2rem;font-size:.75rem;color:#5a6375;border-top:1px solid #9aa3b5}
      .tl-axis span{position:absolute;top:2px;white-space:nowrap;padding-left:2px;border-left:1px solid #9aa3b5}
      .off-peak{background:#3b6fb6}.maintenance{background:#8a6100}.any{background:#7c8aa5}.bar.pnr,.sw.pnr{background:#b3261e}
      .peak{background:#fbe3d6}.legend{font-size:.85rem;color:#5a6375}
      .sw{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:middle;margin:0 .25rem 0 .6rem}
      """;

  private PlanHtmlRenderer() {}

  public static String render(Plan plan) {
    StringBuilder h = new StringBuilder();
    Plan.PacketSummary p = plan.packet();
    String title = p.title() == null ? p.id() : p.title();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Playbook: ").append(text(title)).append("</title><style>").append(CSS)
        .append("</style></head><body>\n");
    h.append("<h1>Migration playbook: ").append(text(title)).append("</h1>\n<p>Packet <code>")
        .append(text(p.id())).append("</code> · owner ").append(text(p.owner())).append(" · ")
        .append(text(p.dialect())).append(' ').append(text(p.engineVersion())).append("</p>\n");
    h.append("<h2>Gates</h2><table><tr><th>gate</th><th>status</th><th>reason</th></tr>");
    for (Plan.Gate g : plan.gates()) {
      h.append("<tr><td>").append(text(g.id())).append("</td><td class=\"").append(text(g.status()))
          .append("\">").append(text(g.status())).append("</td><td>").append(text(g.reason()))
          .append("</td></tr>");
    }
    h.append("</table>\n<h2>Changes</h2><table><tr><th>id</th><th>kind</th><th>table</th><th>column</th></tr>");
    for (Change c : plan.changes()) {
      h.append("<tr><td>").append(text(c.id())).append("</td><td>").append(text(c.kind()))
          .append("</td><td>").append(text(c.table())).append("</td><td>")
          .append(text(c.column() == null ? "" : c.column()))
          .append(c.to() == null ? "" : " → " + text(c.to())).append("</td></tr>");
    }
    h.append("</table>\n");
    if (!plan.rationale().isEmpty()) {
      h.append("<h2>Why these recipes</h2><table><tr><th>change</th><th>recipe</th>")
          .append("<th>instead of</th><th>lock</th><th>rewrite</th><th>scan</th>")
          .append("<th>estimate</th><th>why</th></tr>");
      for (Plan.Rationale r : plan.rationale()) {
        h.append("<tr><td>").append(text(r.changeId())).append("</td><td>").append(text(r.recipe()))
            .append("</td><td>").append(r.directSql() == null ? "none"
                : "<pre>" + text(r.directSql()) + ";</pre>").append("</td><td>")
            .append(r.lock() == null ? "none" : text(r.lock().sqlName())).append("</td><td>")
            .append(r.rewritesTable() ? "yes" : "no").append("</td><td>")
            .append(r.scansTable() ? "yes" : "no").append("</td><td>")
            .append(r.estimatedDuration() == null ? ""
                : text(PlanMarkdownRenderer.human(r.estimatedDuration())))
            .append("</td><td>").append(text(r.why())).append("</td></tr>");
      }
      h.append("</table>\n");
    }
    if (!plan.findings().isEmpty()) {
      h.append("<h2>Findings</h2><ul>");
      for (Plan.PlanFinding f : plan.findings()) {
        h.append("<li><b>").append(text(f.severity().id())).append("</b> <code>")
            .append(text(f.rule())).append("</code>: ").append(text(f.message())).append("</li>");
      }
      h.append("</ul>\n");
    }
    if (!plan.targetDifferences().isEmpty()) {
      h.append("<h2>Where the playbook ends away from the target</h2><table><tr><th>object</th>"
          + "<th>difference</th><th>why</th></tr>");
      for (Plan.TargetDifference d : plan.targetDifferences()) {
        h.append("<tr><td>").append(text(d.object())).append("</td><td>").append(text(d.kind()))
            .append("</td><td>").append(text(d.reason())).append("</td></tr>");
      }
      h.append("</table>\n");
    }
    h.append("<h2>Timeline</h2>\n").append(timeline(plan));
    for (Plan.Phase ph : plan.phases()) {
      h.append("<h2>Phase ").append(text(ph.id())).append(": ").append(text(ph.name()))
          .append("</h2>\n");
      if (ph.steps().isEmpty()) {
        h.append("<p>Nothing to do in this phase.</p>\n");
      }
      for (Plan.Step s : ph.steps()) {
        h.append("<div class=\"step\"><h3>").append(text(s.id())).append(" · ")
            .append(text(s.title())).append(s.pointOfNoReturn()
                ? " <span class=\"pnr\">point of no return</span>" : "").append("</h3><p>window <b>")
            .append(text(s.window())).append("</b> · estimated ")
            .append(text(PlanMarkdownRenderer.human(s.estimatedDuration())))
            .append(s.scheduledAt() == null ? "" : " · planned " + text(WHEN.format(s.scheduledAt())))
            .append("</p>");
        if (s.sql() != null) {
          h.append("<pre>").append(text(s.sql())).append(";</pre>");
        }
        if (s.action() != null) {
          h.append("<p>").append(text(s.action())).append("</p>");
        }
        if (s.note() != null) {
          h.append("<p><b>Note:</b> ").append(text(s.note())).append("</p>");
        }
        if (s.rollbackSql() != null) {
          h.append("<p>Rollback:</p><pre>").append(text(s.rollbackSql())).append(";</pre>");
        }
        h.append("</div>\n");
      }
    }
    h.append("<h2>Lock and duration risks</h2><table><tr><th>step</th><th>table</th><th>lock</th>")
        .append("<th>rewrite</th><th>scan</th><th>estimate</th><th>peak</th><th>&gt; maxLockWait</th></tr>");
    for (Plan.Risk r : plan.risks()) {
      h.append("<tr><td>").append(text(r.stepId())).append("</td><td>").append(text(r.table()))
          .append("</td><td>").append(r.lock() == null ? "none" : text(r.lock().sqlName()))
          .append("</td><td>").append(r.rewritesTable() ? "yes" : "no").append("</td><td>")
          .append(r.scansTable() ? "yes" : "no").append("</td><td>")
          .append(text(PlanMarkdownRenderer.human(r.estimatedDuration()))).append("</td><td>")
          .append(r.inPeakWindow() ? "yes" : "no").append("</td><td>")
          .append(r.exceedsMaxLockWait() ? "yes" : "no").append("</td></tr>");
    }
    h.append("</table>\n<h2>Compatibility</h2><table><tr><th>change</th><th>old app, new schema</th>")
        .append("<th>new app, old schema</th></tr>");
    for (Plan.Compatibility c : plan.compatibility()) {
      h.append("<tr><td>").append(text(c.changeId())).append("</td><td>")
          .append(verdict(c.oldAppNewSchema()))
          .append(breaks(plan, c.changeId(), Plan.Side.OLD_APP_NEW_SCHEMA)).append("</td><td>")
          .append(verdict(c.newAppOldSchema()))
          .append(breaks(plan, c.changeId(), Plan.Side.NEW_APP_OLD_SCHEMA)).append("</td></tr>");
    }
    h.append("</table>\n");
    if (!plan.consumers().isEmpty() || !plan.codeSurfaces().isEmpty()) {
      consumers(h, plan);
    }
    if (!plan.codeSurfaces().isEmpty()) {
      h.append("<h2>Code that uses what changes</h2><table><tr><th>change</th><th>side</th>")
          .append("<th>repository</th><th>place</th><th>access</th><th>how</th>")
          .append("<th>certainty</th><th>code</th></tr>");
      for (Plan.CodeSurface cs : plan.codeSurfaces()) {
        var s = cs.surface();
        h.append("<tr><td>").append(text(cs.changeId())).append("</td><td>")
            .append(CodeBySide.heading(cs.side())).append("</td><td>")
            .append(text(s.root())).append("</td><td>")
            .append(text(s.path() + ":" + s.line() + ":" + s.column())).append("</td><td>")
            .append(s.access().id()).append("</td><td>").append(s.how())
            .append("</td><td>").append(s.certainty().id()).append("</td><td><code>")
            .append(text(s.snippet())).append("</code></td></tr>");
      }
      h.append("</table>\n");
    }
    if (!plan.backfills().isEmpty()) {
      h.append("<h2>Backfills</h2>\n");
      for (Plan.BackfillControl b : plan.backfills()) {
        h.append("<h3>").append(text(b.stepId())).append(" · ").append(text(b.table()))
            .append("</h3><p>Key ranges of ").append(b.batchSize()).append(" over <code>")
            .append(text(b.primaryKey())).append("</code>, about ").append(b.estimatedBatches())
            .append(" batches; progress in <code>").append(text(b.progressTable()))
            .append("</code>. ").append(text(b.resume())).append(" Pause while a replica lags "
                + "more than ").append(text(PlanMarkdownRenderer.human(b.replicaLagLimit())))
            .append(" or dead tuples exceed ").append(b.deadTuplePercentLimit())
            .append(" % of live ones.</p><pre>").append(text(b.progressQuery())).append(";\n")
            .append(text(b.replicaLagQuery())).append(";\n").append(text(b.deadTupleQuery()))
            .append(";</pre>\n");
      }
    }
    h.append("<h2>Validations</h2>\n");
    for (Plan.Validation v : plan.validations()) {
      h.append("<p><code>").append(text(v.id())).append("</code> (").append(text(v.phase()))
          .append(", ").append(text(v.source())).append(") ").append(text(v.description()))
          .append("</p><pre>").append(text(v.sql())).append(";</pre>\n");
      if (v.scan() != null && v.scan().chunkedSql() != null) {
        h.append("<p>Key-range form, for each range of ")
            .append(String.format(java.util.Locale.ROOT, "%,d", v.scan().chunkSize()))
            .append(" ").append(text(v.scan().key())).append(" values:</p><pre>")
            .append(text(v.scan().chunkedSql())).append(";</pre>\n");
      }
    }
    h.append("<h2>Decision trees</h2>\n");
    for (Plan.DecisionTree t : plan.decisionTrees()) {
      h.append("<h3>").append(text(t.title())).append(" (").append(text(t.changeId()))
          .append(")</h3><p>Point of no return: ").append(t.pointOfNoReturn() == null
              ? "none" : "after step " + text(t.pointOfNoReturn()))
          .append("</p><div class=\"dt\">").append(tree(t.root())).append("</div>\n");
    }
    h.append("<h2>Release checklist</h2><table><tr><th>phase</th><th>item</th><th>stop if</th></tr>");
    for (Plan.ChecklistItem c : plan.checklist()) {
      h.append("<tr><td>").append(text(c.phase())).append("</td><td>").append(text(c.item()))
          .append("</td><td>").append(text(c.stopCondition())).append("</td></tr>");
    }
    h.append("</table>\n</body></html>\n");
    return h.toString();
  }

  /** With {@code --code}: the consumers' places that break under this side. */
  private static String breaks(Plan plan, String changeId, Plan.Side side) {
    List<Plan.CodeSurface> places = CodeBySide.of(plan, changeId, side);
    if (places.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<br>breaks: ");
    for (int i = 0; i < places.size(); i++) {
      b.append(i == 0 ? "" : ", ").append("<code>").append(text(CodeBySide.place(places.get(i))))
          .append("</code>");
    }
    return b.toString();
  }

  /** As the Markdown's consumers section, with the code column only with {@code --code}. */
  private static void consumers(StringBuilder h, Plan plan) {
    boolean code = !plan.codeSurfaces().isEmpty();
    Map<String, List<Plan.CodeSurface>> byRepo = CodeBySide.byRepository(plan);
    h.append("<h2>Consumers</h2><table><tr><th>service</th><th>owner</th><th>affected by</th>")
        .append("<th>acknowledged</th>").append(code ? "<th>code</th>" : "").append("</tr>");
    for (Plan.ConsumerImpact c : plan.consumers()) {
      h.append("<tr><td>").append(text(c.service())).append("</td><td>").append(text(c.owner()))
          .append("</td><td>").append(text(String.join(", ", c.affectedBy()))).append("</td><td>")
          .append(c.acknowledged() ? "yes" : "<b class=\"blocked\">no</b>").append("</td>");
      if (code) {
        h.append("<td>").append(codeCell(byRepo.remove(c.service()))).append("</td>");
      }
      h.append("</tr>");
    }
    byRepo.forEach((repo, places) -> h.append("<tr><td>").append(text(repo))
        .append("</td><td></td><td>").append(text(places.stream()
            .map(Plan.CodeSurface::changeId).distinct()
            .collect(java.util.stream.Collectors.joining(", "))))
        .append("</td><td><b class=\"blocked\">no entry</b></td><td>").append(codeCell(places))
        .append("</td></tr>"));
    h.append("</table>\n");
  }

  private static String codeCell(List<Plan.CodeSurface> places) {
    if (places == null) {
      return "none found";
    }
    return places.size() + (places.size() == 1 ? " place in " : " places in ")
        + text(places.stream().map(cs -> cs.surface().path()).distinct()
            .collect(java.util.stream.Collectors.joining(", ")));
  }

  private static String verdict(Plan.Verdict v) {
    return (v.compatible() ? "<span class=\"passed\">compatible</span>: "
        : "<span class=\"blocked\">not compatible</span>: ") + text(v.reason());
  }

  /**
   * A decision tree drawn as a tree: each question a box, its yes and no branches hanging from
   * it on connector lines, each outcome a box with its steps. The lines are CSS borders, so the
   * page stays free of scripts.
   */
  private static String tree(Node n) {
    if (n.isOutcome()) {
      // The outcome names a class (rollback, forward-fix, ...) only when it is a plain word.
      String kind = n.outcome().matches("[a-z-]+") ? " " + n.outcome() : "";
      StringBuilder sb = new StringBuilder("<div class=\"o").append(kind).append("\"><b>")
          .append(text(n.outcome())).append("</b>");
      if (n.timeBound() != null) {
        sb.append(" within ").append(text(PlanMarkdownRenderer.human(n.timeBound())));
      }
      if (!n.steps().isEmpty()) {
        sb.append("<ol>");
        n.steps().forEach(s -> sb.append("<li><code>").append(text(s)).append("</code></li>"));
        sb.append("</ol>");
      }
      return sb.append("</div>").toString();
    }
    return "<div class=\"q\">" + text(n.question()) + "</div><ul><li><span class=\"yes\">yes"
        + "</span> " + tree(n.yes()) + "</li><li><span class=\"no\">no</span> " + tree(n.no())
        + "</li></ul>";
  }

  /**
   * The timeline as a CSS grid, one row per step: the label in full (it wraps rather than being
   * cut), the bar placed in percent of the whole span, and the packet's peak windows shaded
   * behind every row, so a step drawn on a shaded band runs while its table is busiest.
   */
  private static String timeline(Plan plan) {
    List<Plan.Step> steps = new ArrayList<>();
    plan.phases().forEach(ph -> ph.steps().stream().filter(s -> s.scheduledAt() != null)
        .forEach(steps::add));
    if (steps.isEmpty()) {
      return "<p>No steps.</p>";
    }
    ZonedDateTime first = steps.get(0).scheduledAt();
    ZonedDateTime last = first;
    for (Plan.Step s : steps) {
      ZonedDateTime end = s.scheduledAt().plus(s.estimatedDuration() == null ? Duration.ZERO
          : s.estimatedDuration());
      if (end.isAfter(last)) {
        last = end;
      }
    }
    TimeAxis axis = new TimeAxis(first, last);
    int rows = steps.size();
    StringBuilder h = new StringBuilder("<div class=\"tl\">");
    h.append("<div class=\"tl-peaks\" style=\"grid-row:1 / span ").append(rows).append("\">");
    for (Plan.PeakWindow w : plan.peakWindows()) {
      h.append("<span title=\"peak ").append(text(WHEN.format(w.start()))).append(" to ")
          .append(text(WHEN.format(w.end()))).append("\" style=\"")
          .append(axis.span(w.start(), w.end())).append("\"></span>");
    }
    h.append("</div>");
    int row = 1;
    for (Plan.Step s : steps) {
      Duration d = s.estimatedDuration() == null ? Duration.ZERO : s.estimatedDuration();
      String kind = s.pointOfNoReturn() ? "pnr" : switch (s.window()) {
        case "maintenance" -> "maintenance";
        case "off-peak" -> "off-peak";
        default -> "any";
      };
      h.append("<div class=\"tl-label\" style=\"grid-row:").append(row).append("\"><b>")
          .append(text(s.id())).append("</b> ").append(text(s.title())).append("</div>")
          .append("<div class=\"tl-track\" style=\"grid-row:").append(row).append("\">")
          .append("<span class=\"bar ").append(kind).append("\" style=\"")
          .append(axis.span(s.scheduledAt(), s.scheduledAt().plus(d))).append("\" title=\"")
          .append(text(s.id() + " · " + WHEN.format(s.scheduledAt()) + " · "
              + PlanMarkdownRenderer.human(d))).append("\"></span></div>");
      row++;
    }
    h.append("<div class=\"tl-label\" style=\"grid-row:").append(row).append("\"></div>")
        .append("<div class=\"tl-axis\" style=\"grid-row:").append(row).append("\">");
    for (TimeAxis.Tick t : axis.ticks()) {
      h.append("<span style=\"left:").append(t.percent()).append("%\">").append(text(t.label()))
          .append("</span>");
    }
    h.append("</div></div>\n<p class=\"legend\"><span class=\"sw peak\"></span>peak traffic"
        + "<span class=\"sw off-peak\"></span>off-peak step<span class=\"sw maintenance\">"
        + "</span>maintenance window<span class=\"sw any\"></span>any time"
        + "<span class=\"sw pnr\"></span>point of no return · ")
        .append(text(WHEN.format(first))).append(" → ").append(text(WHEN.format(last)))
        .append(" (").append(text(PlanMarkdownRenderer.human(Duration.between(first, last))))
        .append(")</p>\n");
    return h.toString();
  }
}
