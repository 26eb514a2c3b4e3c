package dev.migsafe.internal.mcp;

import dev.migsafe.Migsafe;
import dev.migsafe.api.ReliabilityReport;
import dev.migsafe.api.ReportPeriod;
import dev.migsafe.api.ReportQuery;
import dev.migsafe.internal.render.ReportJsonRenderer;
import dev.migsafe.internal.render.ReportMarkdownRenderer;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.LocalDate;

/** {@code report}: the catalog's reliability figures for a quarter, as {@code report}. */
final class ReportTool implements McpTool {
  @Override
  public McpSchema.Tool definition() {
    return ToolRegistry.readOnly("report", "Reliability report", "report-input", null,
        "Reliability figures of the catalog's past migrations for a quarter: "
            + "incidents, tested rollbacks, duration against the window, integrity defects, "
            + "drift hotfixes and rollbacks, with the trend, a breakdown by team and the "
            + "migrations behind each figure.");
  }

  @Override
  public McpSchema.CallToolResult call(ToolCall call) {
    String quarter = call.arguments().optional("quarter");
    ReportPeriod period = quarter == null
        ? ReportPeriod.quarterOf(LocalDate.now()).previousQuarter()
        : ReportPeriod.quarter(quarter);
    ReliabilityReport report = Migsafe.builder().build().report(ReportQuery.of(period));
    return ToolResults.structured(ReportMarkdownRenderer.render(report),
        ReportJsonRenderer.render(report));
  }
}
