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
      ul.tree ul{margin-left:1.2rem}.outcome{font-weight:600}.yes{color:#17663a}.no{color:#b3261e}
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
    h.append("<h2>Timeline</h2>\n").append(gantt(plan));
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
          .append(verdict(c.oldAppNewSchema())).append("</td><td>")
          .append(verdict(c.newAppOldSchema())).append("</td></tr>");
    }
    h.append("</table>\n");
    if (!plan.consumers().isEmpty()) {
      h.append("<h2>Consumers</h2><table><tr><th>service</th><th>owner</th><th>affected by</th>")
          .append("<th>acknowledged</th></tr>");
      for (Plan.ConsumerImpact c : plan.consumers()) {
        h.append("<tr><td>").append(text(c.service())).append("</td><td>").append(text(c.owner()))
            .append("</td><td>").append(text(String.join(", ", c.affectedBy()))).append("</td><td>")
            .append(c.acknowledged() ? "yes" : "<b class=\"blocked\">no</b>").append("</td></tr>");
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
                + "more than ").append(text(b.replicaLagLimit().toString()))
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
          .append("</p><ul class=\"tree\">").append(tree(t.root())).append("</ul>\n");
    }
    h.append("<h2>Release checklist</h2><table><tr><th>phase</th><th>item</th><th>stop if</th></tr>");
    for (Plan.ChecklistItem c : plan.checklist()) {
      h.append("<tr><td>").append(text(c.phase())).append("</td><td>").append(text(c.item()))
          .append("</td><td>").append(text(c.stopCondition())).append("</td></tr>");
    }
    h.append("</table>\n</body></html>\n");
    return h.toString();
  }

  private static String verdict(Plan.Verdict v) {
    return (v.compatible() ? "<span class=\"passed\">compatible</span>: "
        : "<span class=\"blocked\">not compatible</span>: ") + text(v.reason());
  }

  private static String tree(Node n) {
    if (n.isOutcome()) {
      StringBuilder sb = new StringBuilder("<li><span class=\"outcome\">")
          .append(text(n.outcome())).append("</span>");
      if (n.timeBound() != null) {
        sb.append(" within ").append(text(PlanMarkdownRenderer.human(n.timeBound())));
      }
      sb.append("<ol>");
      n.steps().forEach(s -> sb.append("<li><code>").append(text(s)).append("</code></li>"));
      return sb.append("</ol></li>").toString();
    }
    return "<li>" + text(n.question()) + "<ul><li><span class=\"yes\">yes</span><ul>"
        + tree(n.yes()) + "</ul></li><li><span class=\"no\">no</span><ul>" + tree(n.no())
        + "</ul></li></ul></li>";
  }

  /** The timeline as an inline SVG bar chart, one row per step. */
  private static String gantt(Plan plan) {
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
    double span = Math.max(60, Duration.between(first, last).toSeconds());
    int width = 760;
    int row = 22;
    StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width + 220).append("\" height=\"").append(steps.size() * row + 30)
        .append("\" role=\"img\" aria-label=\"timeline\">");
    int y = 10;
    for (Plan.Step s : steps) {
      double x = Duration.between(first, s.scheduledAt()).toSeconds() / span * width;
      double w = Math.max(2, (s.estimatedDuration() == null ? 0
          : s.estimatedDuration().toSeconds()) / span * width);
      String color = s.pointOfNoReturn() ? "#b3261e" : switch (s.window()) {
        case "maintenance" -> "#8a6100";
        case "off-peak" -> "#3b6fb6";
        default -> "#7c8aa5";
      };
      svg.append("<text x=\"0\" y=\"").append(y + 13).append("\" font-size=\"12\">")
          .append(text(s.id() + " " + s.title()).replaceAll("(.{28}).+", "$1…"))
          .append("</text><rect x=\"").append(210 + (int) x).append("\" y=\"").append(y)
          .append("\" width=\"").append((int) w).append("\" height=\"16\" fill=\"").append(color)
          .append("\"><title>").append(text(s.id() + " " + WHEN.format(s.scheduledAt())))
          .append("</title></rect>");
      y += row;
    }
    svg.append("<text x=\"210\" y=\"").append(y + 14).append("\" font-size=\"11\">")
        .append(text(WHEN.format(first))).append(" → ").append(text(WHEN.format(last)))
        .append("</text></svg>");
    return svg.toString();
  }
}
