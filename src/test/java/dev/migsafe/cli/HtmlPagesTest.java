package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTML pages read as pages for people: durations in words rather than ISO-8601, timeline
 * labels in full, the packet's peak windows shaded behind the timeline, decision trees drawn
 * as trees, and a report without a section per empty list.
 */
class HtmlPagesTest {
  private static final String PACKET = "examples/plan-rename-column/packet.yaml";
  /** An ISO-8601 duration as Duration.toString() writes it: PT12H16M15S, PT0.1S. */
  private static final Pattern ISO_DURATION = Pattern.compile("\\bPT[0-9][0-9HMS.]*\\b");

  @Test
  void thePlanPageShowsFullLabelsPeakWindowsAndTrees() {
    CliRunner.Run r = CliRunner.run("plan", PACKET, "--format", "html", "--start",
        "2026-12-07T09:00", "--fail-on", "none");
    assertThat(r.exit()).as(r.err()).isZero();
    String page = r.out();
    assertThat(ISO_DURATION.matcher(page).find()).as("an ISO duration in the page").isFalse();
    // Step C5's title is far longer than the 28 characters the old chart kept.
    assertThat(page).contains("<b>C5</b> Backfill the new column in throttled batches: key "
        + "ranges of 5000 over id");
    String timeline = page.substring(page.indexOf("<div class=\"tl\">"),
        page.indexOf("<h2>Phase A"));
    Matcher peaks = Pattern.compile("<span title=\"peak Mon 2026-12-07 07:00 CET to Mon "
        + "2026-12-07 22:00 CET\" style=\"left:0\\.00%;width:[0-9.]+%\">").matcher(timeline);
    assertThat(peaks.find()).as("Monday's peak (07:00-22:00 Europe/Berlin) shaded").isTrue();
    assertThat(timeline).contains("class=\"tl-axis\"").doesNotContain("…");
    String trees = page.substring(page.indexOf("<h2>Decision trees</h2>"));
    assertThat(trees).contains("<div class=\"dt\"><div class=\"q\">")
        .contains("<li><span class=\"yes\">yes</span> ")
        .contains("<div class=\"o rollback\"><b>rollback</b> within ")
        .doesNotContain("<ul class=\"tree\">");
  }

  @Test
  void theReportPageCollapsesEmptyLists() {
    CliRunner.Run r = CliRunner.run("report", "--catalog", "src/test/resources/report-catalog",
        "--quarter", "2026-Q3", "--format", "html");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain(" (0)</").contains("<p class=\"none\">None: <span id=\"");
  }

  @Test
  void theRehearsalPageHasNoIsoDurations() throws java.io.IOException {
    String page = java.nio.file.Files.readString(
        java.nio.file.Path.of("src/test/resources/golden/rehearsal.html"));
    assertThat(ISO_DURATION.matcher(page).find()).as("an ISO duration in the page").isFalse();
  }
}
