package dev.migsafe.cli;

import dev.migsafe.Migsafe;
import dev.migsafe.api.ReliabilityReport;
import dev.migsafe.api.ReportPeriod;
import dev.migsafe.api.ReportQuery;
import dev.migsafe.internal.io.AtomicFiles;
import dev.migsafe.internal.render.ReportCsvRenderer;
import dev.migsafe.internal.render.ReportHtmlRenderer;
import dev.migsafe.internal.render.ReportJsonRenderer;
import dev.migsafe.internal.render.ReportMarkdownRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migsafe report [--quarter Q | --from D --to D] [--team T] [--quarters N]}. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Reliability figures of the catalog's past migrations for a quarter or a "
        + "date range (docs/report.md): incidents, tested rollbacks, duration against the "
        + "window, integrity defects, drift hotfixes, rollbacks; with the trend, a breakdown "
        + "by team and the migrations behind each figure.")
final class ReportCommand implements Callable<Integer> {
  /** Output formats of report. */
  enum Format { md, json, csv, html }

  @Option(names = "--quarter", paramLabel = "YYYY-Qn", description = "The quarter, e.g. "
      + "2026-Q3 (default: the last quarter that has ended).")
  String quarter;

  @Option(names = "--from", paramLabel = "DATE", description = "First day of a date range "
      + "(YYYY-MM-DD, inclusive); needs --to.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day of the range, "
      + "inclusive.")
  String to;

  @Option(names = "--team", paramLabel = "TEAM", description = "Only this team's migrations.")
  String team;

  @Option(names = "--quarters", paramLabel = "N", description = "Periods in the trend: the "
      + "period and the N-1 quarters before it, 1 to " + ReportQuery.MAX_QUARTERS
      + " (default: " + ReportQuery.DEFAULT_QUARTERS + ").")
  int quarters = ReportQuery.DEFAULT_QUARTERS;

  @Option(names = "--catalog", paramLabel = "DIR", description = "The catalog (default: "
      + "catalog/ of the working directory if present, else the catalog shipped with migsafe).")
  Path catalog;

  @Option(names = "--format", description = "md, json, csv or html (default: md).")
  Format format = Format.md;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead "
      + "of standard output (atomically).")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ReportQuery query = new ReportQuery(period(), team, quarters);
    ReliabilityReport report = Migsafe.builder().catalog(catalog).build().report(query);
    if (!report.warnings().isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      report.warnings().forEach(w -> err.println("migsafe: warning: " + w));
      err.flush();
    }
    String rendered = switch (format) {
      case md -> ReportMarkdownRenderer.render(report);
      case json -> ReportJsonRenderer.render(report);
      case csv -> ReportCsvRenderer.render(report);
      case html -> ReportHtmlRenderer.render(report);
    };
    if (out != null) {
      AtomicFiles.write(out, rendered);
      if (!report.skipped().isEmpty()) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("migsafe: " + report.skipped().size() + " malformed catalog "
            + (report.skipped().size() == 1 ? "record" : "records")
            + " left out of the report; it lists them under skipped");
        err.flush();
      }
    } else {
      spec.commandLine().getOut().print(rendered);
      spec.commandLine().getOut().flush();
    }
    return ExitCode.OK.code();
  }

  private ReportPeriod period() {
    if (quarter != null && (from != null || to != null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give either --quarter or --from/--to, not both");
    }
    if (from != null || to != null) {
      if (from == null || to == null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "a date range needs both --from and --to (inclusive), e.g. --from 2026-07-01 "
            + "--to 2026-08-31");
      }
      return ReportPeriod.range(ReportPeriod.date("--from", from),
          ReportPeriod.date("--to", to));
    }
    if (quarter != null) {
      return ReportPeriod.quarter(quarter);
    }
    return ReportPeriod.quarterOf(LocalDate.now()).previousQuarter();
  }
}
