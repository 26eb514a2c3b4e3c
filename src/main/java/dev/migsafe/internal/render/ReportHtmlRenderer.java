package dev.migsafe.internal.render;

import static dev.migsafe.internal.render.Html.text;

import dev.migsafe.api.PastMigration;
import dev.migsafe.api.ReliabilityMetrics;
import dev.migsafe.api.ReliabilityReport;
import dev.migsafe.api.ReliabilityReport.Figures;
import dev.migsafe.api.ReliabilityReport.PeriodFigures;
import dev.migsafe.api.ReliabilityReport.TeamFigures;
import dev.migsafe.api.SkippedRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report --format html}: one self-contained page for the quarterly review. Inline CSS and
 * SVG, no script, no network. Every figure and every bar is a link to the list of migrations
 * behind it, and every list entry links to the migration's row. All record text is escaped
 * with {@link Html#text}; anchors are built from indexes and ids, never from free text.
 */
public final class ReportHtmlRenderer {
  /** Upper bounds of the duration-ratio buckets (inclusive); the last bucket is open. */
  static final double[] RATIO_BOUNDS = {0.5, 1.0, 1.5, 2.0, 3.0};
  private static final String CSS = """
      body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2330;padding:0 1rem}
      h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #dde;padding-bottom:.2rem}
      a{color:#1f5fbf;text-decoration:none}a:hover{text-decoration:underline}
      table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #dde;padding:.3rem .5rem;text-align:right;vertical-align:top}
      th{background:#f3f5f9}td.l,th.l{text-align:left}
      .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:.6rem;margin:1rem 0}
      .tile{display:block;border:1px solid #dde;border-radius:6px;padding:.6rem .8rem;color:inherit}
      .tile b{display:block;font-size:1.7rem;color:#1d2330}.tile span{color:#5a6375;font-size:.85rem}
      .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:1rem}
      figure{margin:0;border:1px solid #dde;border-radius:6px;padding:.6rem}figcaption{font-weight:600;margin-bottom:.3rem}
      svg text{font:11px system-ui,sans-serif;fill:#3a4252}svg .axis{stroke:#9aa3b5}svg .grid{stroke:#eef0f5}
      .s0{fill:#d9534f}.s1{fill:#f0ad4e}.s2{fill:#3c8dbc}.ok{fill:#4caf7a}.late{fill:#e07b39}
      svg a:hover rect{opacity:.75}.legend{font-size:.85rem;color:#5a6375}
      .sw{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:middle;margin:0 .25rem 0 .6rem}
      .behind{margin:.2rem 0 .4rem;font-size:.85rem}.behind th{width:13rem;white-space:nowrap}
      .behind th,.behind td{text-align:left;padding:.15rem .5rem;vertical-align:top}:target{background:#fff7d6}
      .empty{background:#f3f5f9;border-radius:6px;padding:.6rem .8rem}
      .none{color:#5a6375;font-size:.85rem;margin:.2rem 0 .6rem}
      .sample{background:#fff4e0;border-left:4px solid #e0a030;padding:.5rem .8rem}.muted{color:#5a6375}
      """;

  private ReportHtmlRenderer() {}

  public static String render(ReliabilityReport report) {
    PeriodFigures p = report.period();
    int last = report.trend().size() - 1;
    Map<String, PastMigration> byId = new HashMap<>();
    report.migrations().forEach(m -> byId.put(m.id(), m));
    StringBuilder h = new StringBuilder(64 * 1024);
    String label = text(p.period().label());
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>Migration reliability ").append(label).append("</title><style>")
        .append(CSS).append("</style></head><body>\n");
    h.append("<h1>Migration reliability: ").append(label).append("</h1>\n<p class=\"muted\">")
        .append(p.period().from()).append(" to ").append(p.period().to()).append(" · ")
        .append(report.team() == null ? "all teams" : "team " + text(report.team()))
        .append(" · catalog <code>").append(text(report.catalog())).append("</code></p>\n");
    h.append(CatalogNotice.html(report.catalogSource()));
    if (p.all().metrics().empty()) {
      h.append("<p class=\"empty\">No migrations in this period: every figure is zero.</p>\n");
    }
    h.append("<div class=\"tiles\">");
    for (ReportMetric m : ReportMetric.values()) {
      h.append("<a class=\"tile\" href=\"#").append(anchor(last, -1, m.behindKey()))
          .append("\"><b>").append(m.format(p.all().metrics())).append("</b><span>")
          .append(text(m.label)).append("</span></a>");
    }
    h.append("</div>\n<h2>Charts</h2>\n<div class=\"charts\">\n");
    incidentChart(h, report.trend());
    testedChart(h, report.trend());
    ratioChart(h, report, last, byId);
    h.append("</div>\n<h2>Trend</h2>\n");
    table(h, "period", report.trend().size(), i -> report.trend().get(i).period().label()
        + (report.trend().get(i).all().metrics().empty() ? " (none)" : ""),
        i -> report.trend().get(i).all(), i -> i, i -> -1);
    h.append("<h2>By team</h2>\n");
    if (p.byTeam().isEmpty()) {
      h.append("<p>No team has a migration in this period.</p>\n");
    } else {
      table(h, "team", p.byTeam().size(), i -> p.byTeam().get(i).team(),
          i -> p.byTeam().get(i).figures(), i -> last, i -> i);
    }
    h.append("<h2>Migrations behind the figures</h2>\n");
    for (int i = report.trend().size() - 1; i >= 0; i--) {
      PeriodFigures f = report.trend().get(i);
      lists(h, i, -1, f.period().label() + ", all teams", f.all(), byId);
    }
    for (int t = 0; t < p.byTeam().size(); t++) {
      TeamFigures tf = p.byTeam().get(t);
      lists(h, last, t, p.period().label() + ", " + tf.team(), tf.figures(), byId);
    }
    ratioBucketLists(h, report, last, byId);
    h.append("<h2>Migrations</h2>\n");
    migrationTable(h, report.migrations());
    h.append("<h2>Skipped records</h2>\n");
    if (report.skipped().isEmpty()) {
      h.append("<p>None: every catalog record loaded.</p>\n");
    } else {
      h.append("<p>").append(report.skipped().size()).append(" malformed ")
          .append(report.skipped().size() == 1 ? "record was" : "records were")
          .append(" left out of every figure.</p>\n<ul>");
      for (SkippedRecord s : report.skipped()) {
        h.append("<li><code>").append(text(s.file())).append("</code>: ")
            .append(text(s.reason())).append("</li>");
      }
      h.append("</ul>\n");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  /** {@code b-<period index>-<all|t team index>-<list>}: safe in any URL fragment. */
  static String anchor(int period, int team, String list) {
    return "b-" + period + "-" + (team < 0 ? "all" : "t" + team) + "-" + list;
  }

  private static String migrationAnchor(String id) {
    return "m-" + text(id);
  }

  private static void incidentChart(StringBuilder h, List<PeriodFigures> trend) {
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < trend.size(); i++) {
      ReliabilityMetrics m = trend.get(i).all().metrics();
      groups.add(new Group(trend.get(i).period().label(), List.of(
          new Bar(m.incidents(), Integer.toString(m.incidents()), anchor(i, -1, "incidents"),
              "s0", m.incidents() + " incidents"),
          new Bar(m.driftHotfixes(), Integer.toString(m.driftHotfixes()),
              anchor(i, -1, "driftHotfixes"), "s1", m.driftHotfixes()
              + " schema-drift hotfixes"))));
    }
    h.append("<figure><figcaption>Incidents and schema-drift hotfixes per quarter</figcaption>")
        .append("<div class=\"legend\"><span class=\"sw\" style=\"background:#d9534f\"></span>")
        .append("incidents<span class=\"sw\" style=\"background:#f0ad4e\"></span>drift hotfixes")
        .append("</div>");
    bars(h, groups, 0, "");
    h.append("</figure>\n");
  }

  private static void testedChart(StringBuilder h, List<PeriodFigures> trend) {
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < trend.size(); i++) {
      ReliabilityMetrics m = trend.get(i).all().metrics();
      String v = String.format(Locale.ROOT, "%.1f%%", m.testedRollbackPct());
      groups.add(new Group(trend.get(i).period().label(), List.of(new Bar(
          m.testedRollbackPct(), m.empty() ? "-" : v, anchor(i, -1, "testedRollback"), "s2",
          v + " of " + m.migrations() + " migrations had a tested rollback"))));
    }
    h.append("<figure><figcaption>Share of migrations with a tested rollback</figcaption>")
        .append("<div class=\"legend\">100% = every migration of the quarter</div>");
    bars(h, groups, 100, "%");
    h.append("</figure>\n");
  }

  private static void ratioChart(StringBuilder h, ReliabilityReport report, int last,
      Map<String, PastMigration> byId) {
    List<List<String>> buckets = ratioBuckets(report, byId);
    List<Group> groups = new ArrayList<>();
    for (int b = 0; b < buckets.size(); b++) {
      int n = buckets.get(b).size();
      groups.add(new Group(bucketLabel(b), List.of(new Bar(n, Integer.toString(n),
          anchor(last, -1, "ratio" + b), b < 2 ? "ok" : "late", n + " migrations took "
          + bucketLabel(b) + " × their window"))));
    }
    ReliabilityMetrics m = report.period().all().metrics();
    h.append("<figure><figcaption>Actual duration ÷ planned window, ")
        .append(text(report.period().period().label())).append("</figcaption>")
        .append("<div class=\"legend\"><a href=\"#").append(anchor(last, -1,
            "durationRatioMedian")).append("\">median ")
        .append(String.format(Locale.ROOT, "%.2f", m.durationRatioMedian()))
        .append("</a> · <a href=\"#").append(anchor(last, -1, "durationRatioP90"))
        .append("\">p90 ").append(String.format(Locale.ROOT, "%.2f", m.durationRatioP90()))
        .append("</a> · <a href=\"#").append(anchor(last, -1, "durationKnown"))
        .append("\">").append(report.period().all().behind().durationKnown().size())
        .append(" with both durations</a>; orange: over the window</div>");
    bars(h, groups, 0, "");
    h.append("</figure>\n");
  }

  /** Ids of the period's migrations by ratio bucket, in id order. */
  static List<List<String>> ratioBuckets(ReliabilityReport report,
      Map<String, PastMigration> byId) {
    List<List<String>> buckets = new ArrayList<>();
    for (int i = 0; i <= RATIO_BOUNDS.length; i++) {
      buckets.add(new ArrayList<>());
    }
    for (String id : report.period().all().behind().durationKnown()) {
      PastMigration m = byId.get(id);
      BigDecimal ratio = new BigDecimal(m.actualDuration().toNanos()).divide(
          new BigDecimal(m.plannedWindow().toNanos()), 9, RoundingMode.HALF_UP);
      int b = 0;
      while (b < RATIO_BOUNDS.length && ratio.compareTo(BigDecimal.valueOf(RATIO_BOUNDS[b]))
          > 0) {
        b++;
      }
      buckets.get(b).add(id);
    }
    return buckets;
  }

  private static String bucketLabel(int b) {
    if (b == 0) {
      return "≤ " + RATIO_BOUNDS[0];
    }
    if (b == RATIO_BOUNDS.length) {
      return "> " + RATIO_BOUNDS[b - 1];
    }
    return RATIO_BOUNDS[b - 1] + "–" + RATIO_BOUNDS[b];
  }

  private record Bar(double value, String text, String href, String css, String tip) {}

  private record Group(String label, List<Bar> bars) {}

  /** A bar chart with one group per label; {@code max} 0 scales to the largest value. */
  private static void bars(StringBuilder h, List<Group> groups, double max, String unit) {
    int w = 520;
    int ht = 220;
    int left = 40;
    int bottom = 30;
    int top = 18;
    double top1 = max;
    for (Group g : groups) {
      for (Bar b : g.bars()) {
        top1 = Math.max(top1, b.value());
      }
    }
    if (top1 <= 0) {
      top1 = 1;
    }
    double plotH = ht - bottom - top;
    double gw = (w - left - 10) / (double) Math.max(1, groups.size());
    h.append("<svg viewBox=\"0 0 ").append(w).append(' ').append(ht)
        .append("\" width=\"100%\" role=\"img\">");
    for (int k = 0; k <= 4; k++) {
      double y = top + plotH - plotH * k / 4;
      h.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(w - 10)
          .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>")
          .append("<text x=\"").append(left - 4).append("\" y=\"").append(fmt(y + 4))
          .append("\" text-anchor=\"end\">").append(tick(top1 * k / 4)).append(unit)
          .append("</text>");
    }
    h.append("<line class=\"axis\" x1=\"").append(left).append("\" x2=\"").append(w - 10)
        .append("\" y1=\"").append(fmt(top + plotH)).append("\" y2=\"").append(fmt(top + plotH))
        .append("\"/>");
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      double bw = gw * 0.7 / g.bars().size();
      double x0 = left + gw * i + gw * 0.15;
      for (int j = 0; j < g.bars().size(); j++) {
        Bar b = g.bars().get(j);
        double bh = plotH * b.value() / top1;
        double x = x0 + bw * j;
        double y = top + plotH - bh;
        h.append("<a href=\"#").append(b.href()).append("\"><title>").append(text(g.label()))
            .append(": ").append(text(b.tip())).append("</title><rect class=\"")
            .append(b.css()).append("\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y))
            .append("\" width=\"").append(fmt(bw - 2)).append("\" height=\"")
            .append(fmt(Math.max(bh, 0.5))).append("\"/><text x=\"").append(fmt(x + bw / 2 - 1))
            .append("\" y=\"").append(fmt(y - 3)).append("\" text-anchor=\"middle\">")
            .append(text(b.text())).append("</text></a>");
      }
      h.append("<text x=\"").append(fmt(left + gw * i + gw / 2)).append("\" y=\"")
          .append(ht - 10).append("\" text-anchor=\"middle\">").append(text(g.label()))
          .append("</text>");
    }
    h.append("</svg>");
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String tick(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private interface Ints {
    int at(int i);
  }

  private interface Texts {
    String at(int i);
  }

  private interface FiguresAt {
    Figures at(int i);
  }

  private static void table(StringBuilder h, String first, int rows, Texts names,
      FiguresAt figures, Ints period, Ints team) {
    h.append("<table><tr><th class=\"l\">").append(first).append("</th>");
    for (ReportMetric m : ReportMetric.values()) {
      h.append("<th>").append(text(m.label)).append("</th>");
    }
    h.append("</tr>\n");
    for (int i = 0; i < rows; i++) {
      h.append("<tr><td class=\"l\">").append(text(names.at(i))).append("</td>");
      for (ReportMetric m : ReportMetric.values()) {
        h.append("<td><a href=\"#").append(anchor(period.at(i), team.at(i), m.behindKey()))
            .append("\">").append(m.format(figures.at(i).metrics())).append("</a></td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static void lists(StringBuilder h, int period, int team, String title, Figures f,
      Map<String, PastMigration> byId) {
    ReliabilityReport.Behind b = f.behind();
    BehindGroup g = new BehindGroup(byId);
    g.add(anchor(period, team, "migrations"), "migrations", b.migrations());
    g.add(anchor(period, team, "incidents"), "with an incident", b.incidents());
    g.add(anchor(period, team, "testedRollback"), "tested rollback", b.testedRollback());
    g.add(anchor(period, team, "durationKnown"), "both durations known", b.durationKnown());
    g.add(anchor(period, team, "overrun"), "over the planned window", b.overrun());
    g.add(anchor(period, team, "durationRatioMedian"), "at the median ratio",
        b.durationRatioMedian());
    g.add(anchor(period, team, "durationRatioP90"), "at the p90 ratio", b.durationRatioP90());
    g.add(anchor(period, team, "integrityDefects"), "integrity defects", b.integrityDefects());
    g.add(anchor(period, team, "driftHotfixes"), "schema-drift hotfixes", b.driftHotfixes());
    g.add(anchor(period, team, "rolledBack"), "rolled back", b.rolledBack());
    g.render(h, title);
  }

  private static void ratioBucketLists(StringBuilder h, ReliabilityReport report, int last,
      Map<String, PastMigration> byId) {
    List<List<String>> buckets = ratioBuckets(report, byId);
    BehindGroup g = new BehindGroup(byId);
    for (int b = 0; b < buckets.size(); b++) {
      g.add(anchor(last, -1, "ratio" + b), "duration ÷ window " + bucketLabel(b), buckets.get(b));
    }
    g.render(h, report.period().period().label() + ", duration against the window");
  }

  /**
   * The migrations behind the figures of one period and team, as one compact table: a row per
   * figure with its ids (the title in a tooltip; the Migrations table has the rest), and the
   * figures with none named in a single line. A review reads the lists that hold something; a
   * tile or bar that links to an empty list still lands on its name, which carries the anchor.
   */
  private static final class BehindGroup {
    private final Map<String, PastMigration> byId;
    private final StringBuilder rows = new StringBuilder();
    private final List<String> empty = new ArrayList<>();

    BehindGroup(Map<String, PastMigration> byId) {
      this.byId = byId;
    }

    void add(String anchor, String name, List<String> ids) {
      if (ids.isEmpty()) {
        empty.add("<span id=\"" + anchor + "\">" + text(name) + "</span>");
        return;
      }
      rows.append("<tr id=\"").append(anchor).append("\"><th>").append(text(name))
          .append(" (").append(ids.size()).append(")</th><td>");
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        PastMigration m = byId.get(id);
        rows.append(i == 0 ? "" : ", ").append("<a href=\"#").append(migrationAnchor(id))
            .append('"').append(m == null ? "" : " title=\"" + text(m.title()) + "\"")
            .append('>').append(text(id)).append("</a>");
      }
      rows.append("</td></tr>");
    }

    void render(StringBuilder h, String title) {
      h.append("<h3>").append(text(title)).append("</h3>\n");
      if (rows.length() > 0) {
        h.append("<table class=\"behind\">").append(rows).append("</table>\n");
      }
      if (!empty.isEmpty()) {
        h.append("<p class=\"none\">None: ").append(String.join(", ", empty))
            .append(".</p>\n");
      }
    }
  }

  private static void migrationTable(StringBuilder h, List<PastMigration> migrations) {
    if (migrations.isEmpty()) {
      h.append("<p>None in the periods of this report.</p>\n");
      return;
    }
    h.append("<table><tr><th class=\"l\">id</th><th class=\"l\">date</th><th class=\"l\">team")
        .append("</th><th class=\"l\">title</th><th class=\"l\">status</th><th>incidents</th>")
        .append("<th>duration ÷ window</th><th class=\"l\">rollback</th></tr>\n");
    for (PastMigration m : migrations) {
      String status = m.outcome() == null ? "" : m.outcome().status();
      int incidents = m.outcome() == null ? 0 : m.outcome().incidents().size();
      String ratio = m.plannedWindow() == null || m.actualDuration() == null ? "-"
          : String.format(Locale.ROOT, "%.2f", dev.migsafe.internal.report.ReliabilityFigures
              .ratio(m));
      String rollback = m.rollback() == null ? "not recorded" : m.rollback().tested()
          ? "tested" : m.rollback().planned() ? "planned, untested" : "none";
      h.append("<tr id=\"").append(migrationAnchor(m.id())).append("\"><td class=\"l\"><code>")
          .append(text(m.id())).append("</code></td><td class=\"l\">").append(m.date())
          .append("</td><td class=\"l\">").append(text(m.team())).append("</td><td class=\"l\">")
          .append(text(m.title())).append("</td><td class=\"l\">").append(text(status))
          .append("</td><td>").append(incidents).append("</td><td>").append(ratio)
          .append("</td><td class=\"l\">").append(rollback).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }
}
