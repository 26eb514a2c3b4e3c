package dev.migsafe.internal.render;

import dev.migsafe.api.ReliabilityReport;
import dev.migsafe.api.ReliabilityReport.Figures;
import dev.migsafe.api.ReliabilityReport.PeriodFigures;
import dev.migsafe.api.ReliabilityReport.TeamFigures;

/**
 * {@code report --format csv}: RFC 4180 (CRLF line ends, a header row, fields with a comma,
 * quote or line break quoted and quotes doubled). One row per period of the trend for all
 * teams ({@code team} = {@value #ALL_TEAMS}, or the {@code --team}), then one per team with
 * migrations in that period. The last column, {@code catalogSource}, says on every row whether
 * the figures are the team's ({@code team}, {@code explicit}) or migsafe's sample
 * ({@code sample}), since a spreadsheet keeps rows and loses any heading.
 *
 * <p>Text cells (period, team) that a spreadsheet would read as a formula are neutralised as
 * the OWASP CSV-injection guidance says: a leading {@code '} before {@code = + - @}, tab or
 * carriage return. The team comes from catalog records, which anyone with commit access writes.
 * Figures migsafe computed are numbers, and a number may start with {@code -}: they are never
 * prefixed.
 */
public final class ReportCsvRenderer {
  static final String ALL_TEAMS = "(all)";
  private static final String EOL = "\r\n";
  /** First characters that make Excel, LibreOffice or Sheets evaluate a cell (OWASP). */
  private static final String FORMULA_START = "=+-@\t\r";

  private ReportCsvRenderer() {}

  public static String render(ReliabilityReport report) {
    StringBuilder sb = new StringBuilder();
    String source = report.catalogSource().id();
    sb.append("period,from,to,team");
    for (ReportMetric m : ReportMetric.values()) {
      sb.append(',').append(m.key);
    }
    sb.append(",catalogSource").append(EOL);
    for (PeriodFigures p : report.trend()) {
      row(sb, p, report.team() == null ? ALL_TEAMS : report.team(), p.all(), source);
      if (report.team() == null) {
        for (TeamFigures t : p.byTeam()) {
          row(sb, p, t.team(), t.figures(), source);
        }
      }
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, PeriodFigures p, String team, Figures f,
      String source) {
    sb.append(text(p.period().label())).append(',').append(p.period().from()).append(',')
        .append(p.period().to()).append(',').append(text(team));
    for (ReportMetric m : ReportMetric.values()) {
      sb.append(',').append(m.format(f.metrics()));
    }
    sb.append(',').append(source).append(EOL);
  }

  /** A text cell: neutralised, then quoted. */
  static String text(String s) {
    boolean formula = !s.isEmpty() && FORMULA_START.indexOf(s.charAt(0)) >= 0;
    return field(formula ? "'" + s : s);
  }

  /** RFC 4180, section 2, rules 6 and 7. */
  static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0
        && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
