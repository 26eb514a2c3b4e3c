package dev.migsafe.internal.render;

import dev.migsafe.api.ReliabilityReport;
import dev.migsafe.api.ReliabilityReport.Figures;
import dev.migsafe.api.ReliabilityReport.PeriodFigures;
import dev.migsafe.api.ReliabilityReport.TeamFigures;
import dev.migsafe.api.SkippedRecord;
import java.util.List;
import java.util.Locale;

/**
 * {@code report --format md}: the figures with the migrations behind them, the trend as a
 * Mermaid {@code xychart-beta} (GitHub and GitLab render it) and a table, the team breakdown,
 * and the skipped records.
 */
public final class ReportMarkdownRenderer {
  /** Past this many ids a cell names the count; the JSON has them all. */
  static final int IDS_SHOWN = 12;

  private ReportMarkdownRenderer() {}

  public static String render(ReliabilityReport report) {
    PeriodFigures p = report.period();
    StringBuilder sb = new StringBuilder();
    sb.append("# Migration reliability: ").append(p.period().label()).append("\n\n");
    sb.append(p.period().from()).append(" to ").append(p.period().to()).append(" · ")
        .append(report.team() == null ? "all teams" : "team " + md(report.team()))
        .append(" · catalog `").append(code(report.catalog())).append("`\n\n");
    sb.append(CatalogNotice.markdown(report.catalogSource()));
    if (p.all().metrics().empty()) {
      sb.append("> No migrations in this period: every figure is zero.\n\n");
    }
    sb.append("## Figures\n\n| figure | value | migrations behind it |\n|---|--:|---|\n");
    for (ReportMetric m : ReportMetric.values()) {
      sb.append("| ").append(m.label).append(" | ").append(m.format(p.all().metrics()))
          .append(" | ").append(ids(m.behind(p.all().behind()))).append(" |\n");
    }
    sb.append('\n');
    trend(sb, report.trend());
    sb.append("## By team\n\n");
    if (p.byTeam().isEmpty()) {
      sb.append("No team has a migration in this period.\n\n");
    } else {
      header(sb, "team");
      for (TeamFigures t : p.byTeam()) {
        row(sb, md(t.team()), t.figures());
      }
      sb.append('\n');
    }
    sb.append("## Skipped records\n\n");
    if (report.skipped().isEmpty()) {
      sb.append("None: every catalog record loaded.\n");
    } else {
      sb.append(report.skipped().size()).append(report.skipped().size() == 1
          ? " malformed record was" : " malformed records were")
          .append(" left out of every figure:\n\n");
      for (SkippedRecord s : report.skipped()) {
        sb.append("- `").append(code(s.file())).append("`: ").append(md(s.reason()))
            .append('\n');
      }
    }
    return sb.toString();
  }

  private static void trend(StringBuilder sb, List<PeriodFigures> trend) {
    sb.append("## Trend\n\n");
    StringBuilder labels = new StringBuilder();
    StringBuilder incidents = new StringBuilder();
    StringBuilder drift = new StringBuilder();
    StringBuilder tested = new StringBuilder();
    long max = 1;
    for (PeriodFigures f : trend) {
      String sep = labels.length() == 0 ? "" : ", ";
      labels.append(sep).append('"').append(f.period().label()).append('"');
      incidents.append(sep).append(f.all().metrics().incidents());
      drift.append(sep).append(f.all().metrics().driftHotfixes());
      tested.append(sep).append(String.format(Locale.ROOT, "%.1f",
          f.all().metrics().testedRollbackPct()));
      max = Math.max(max, Math.max(f.all().metrics().incidents(),
          f.all().metrics().driftHotfixes()));
    }
    sb.append("Bars: incidents; line: schema-drift hotfixes.\n\n```mermaid\nxychart-beta\n")
        .append("    title \"Incidents and drift hotfixes\"\n")
        .append("    x-axis [").append(labels).append("]\n")
        .append("    y-axis \"count\" 0 --> ").append(max).append('\n')
        .append("    bar [").append(incidents).append("]\n")
        .append("    line [").append(drift).append("]\n```\n\n");
    sb.append("```mermaid\nxychart-beta\n")
        .append("    title \"Migrations with a tested rollback (%)\"\n")
        .append("    x-axis [").append(labels).append("]\n")
        .append("    y-axis \"%\" 0 --> 100\n")
        .append("    bar [").append(tested).append("]\n```\n\n");
    header(sb, "period");
    for (PeriodFigures f : trend) {
      row(sb, f.period().label() + (f.all().metrics().empty() ? " (no migrations)" : ""),
          f.all());
    }
    sb.append('\n');
  }

  private static void header(StringBuilder sb, String first) {
    sb.append("| ").append(first);
    for (ReportMetric m : ReportMetric.values()) {
      sb.append(" | ").append(m.key);
    }
    sb.append(" |\n|---");
    for (int i = 0; i < ReportMetric.values().length; i++) {
      sb.append("|--:");
    }
    sb.append("|\n");
  }

  private static void row(StringBuilder sb, String first, Figures f) {
    sb.append("| ").append(first);
    for (ReportMetric m : ReportMetric.values()) {
      sb.append(" | ").append(m.format(f.metrics()));
    }
    sb.append(" |\n");
  }

  private static String ids(List<String> ids) {
    if (ids.isEmpty()) {
      return "-";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(ids.size(), IDS_SHOWN); i++) {
      sb.append(i == 0 ? "" : ", ").append('`').append(code(ids.get(i))).append('`');
    }
    if (ids.size() > IDS_SHOWN) {
      sb.append(" and ").append(ids.size() - IDS_SHOWN).append(" more (all in --format json)");
    }
    return sb.toString();
  }

  /** Inline Markdown specials and the table's cell separator: record text renders as text. */
  static String md(String text) {
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
        .replace("`", "\\`").replace("|", "\\|").replace("<", "&lt;")
        .replace("\r", " ").replace("\n", " ");
  }

  /** Inside a code span only a backtick or a cell separator could escape. */
  private static String code(String text) {
    return text.replace("`", "'").replace("|", "\\|").replace("\n", " ");
  }
}
