package dev.migsafe.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.api.ReliabilityMetrics;
import dev.migsafe.api.ReliabilityReport;
import dev.migsafe.api.ReliabilityReport.Behind;
import dev.migsafe.api.ReliabilityReport.Figures;
import dev.migsafe.api.ReliabilityReport.PeriodFigures;
import dev.migsafe.api.ReliabilityReport.TeamFigures;
import dev.migsafe.api.ReportPeriod;
import java.util.List;

/**
 * {@code report --format json}: the shape of catalog-v1.md, plus {@code catalog}, {@code team},
 * {@code period.empty} and a {@code behind} object (migration ids per figure) beside every
 * {@code metrics}.
 */
public final class ReportJsonRenderer {
  private ReportJsonRenderer() {}

  public static String render(ReliabilityReport report) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 1);
    root.put("catalog", report.catalog());
    root.put("catalogSource", report.catalogSource().id());
    if (report.team() == null) {
      root.putNull("team");
    } else {
      root.put("team", report.team());
    }
    PeriodFigures p = report.period();
    period(root.putObject("period"), p);
    figures(root, p.all());
    ArrayNode byTeam = root.putArray("byTeam");
    for (TeamFigures t : p.byTeam()) {
      ObjectNode o = byTeam.addObject();
      o.put("team", t.team());
      figures(o, t.figures());
    }
    ArrayNode trend = root.putArray("trend");
    for (PeriodFigures f : report.trend()) {
      ObjectNode o = trend.addObject();
      period(o, f);
      figures(o, f.all());
    }
    Json.skipped(root, report.skipped());
    return Json.write(root);
  }

  private static void period(ObjectNode o, PeriodFigures f) {
    ReportPeriod p = f.period();
    o.put("label", p.label());
    o.put("from", p.from().toString());
    o.put("to", p.to().toString());
    o.put("empty", f.all().metrics().empty());
  }

  private static void figures(ObjectNode o, Figures f) {
    ObjectNode metrics = o.putObject("metrics");
    ReliabilityMetrics m = f.metrics();
    for (ReportMetric metric : ReportMetric.values()) {
      if (metric.kind == ReportMetric.Kind.COUNT) {
        metrics.put(metric.key, (long) metric.value(m));
      } else {
        metrics.put(metric.key, metric.value(m));
      }
    }
    ObjectNode behind = o.putObject("behind");
    Behind b = f.behind();
    ids(behind, "migrations", b.migrations());
    ids(behind, "incidents", b.incidents());
    ids(behind, "testedRollback", b.testedRollback());
    ids(behind, "durationKnown", b.durationKnown());
    ids(behind, "overrun", b.overrun());
    ids(behind, "durationRatioMedian", b.durationRatioMedian());
    ids(behind, "durationRatioP90", b.durationRatioP90());
    ids(behind, "integrityDefects", b.integrityDefects());
    ids(behind, "driftHotfixes", b.driftHotfixes());
    ids(behind, "rolledBack", b.rolledBack());
  }

  private static void ids(ObjectNode o, String key, List<String> ids) {
    ArrayNode a = o.putArray(key);
    ids.forEach(a::add);
  }
}
