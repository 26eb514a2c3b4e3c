package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.testing.Fifo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} through the command line: bad input, --out, and escaping of record text (HTML
 * escapes, CSV neutralises formulas).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a FIFO nobody opens
class ReportCommandTest {
  private static final String CATALOG = "src/test/resources/report-catalog";

  @TempDir Path dir;

  @Test
  void quarterFiveIsBadInput() {
    CliRunner.Run r = CliRunner.run("report", "--catalog", CATALOG, "--quarter", "2026-Q5");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--quarter '2026-Q5' is not a quarter").doesNotContain("at dev.");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void fromAfterToIsBadInput() {
    CliRunner.Run r = CliRunner.run("report", "--catalog", CATALOG, "--from", "2026-09-01",
        "--to", "2026-08-01");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--from 2026-09-01 is after --to 2026-08-01");
  }

  @Test
  void unknownTeamIsBadInputNamingTheTeams() {
    CliRunner.Run r = CliRunner.run("report", "--catalog", CATALOG, "--quarter", "2026-Q3",
        "--team", "team-nobody");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--team 'team-nobody' is not a team")
        .contains("team-identity, team-payments");
  }

  @Test
  void otherBadInputs() {
    String[][] cases = {
        {"--quarter", "2026-Q3", "--from", "2026-07-01", "--to", "2026-07-02"},
        {"--from", "2026-07-01"},
        {"--from", "July", "--to", "2026-08-01"},
        {"--quarter", "2026-Q3", "--quarters", "0"},
        {"--quarter", "2026-Q3", "--format", "pdf"},
    };
    for (String[] c : cases) {
      String[] args = new String[c.length + 3];
      args[0] = "report";
      args[1] = "--catalog";
      args[2] = CATALOG;
      System.arraycopy(c, 0, args, 3, c.length);
      CliRunner.Run r = CliRunner.run(args);
      assertThat(r.exit()).as(String.join(" ", c)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", c)).isNotBlank().doesNotContain("Exception");
    }
    CliRunner.Run missing = CliRunner.run("report", "--catalog", dir.resolve("none").toString(),
        "--quarter", "2026-Q3");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no such catalog directory");
  }

  @Test
  void outWritesTheFileAndSaysHowManyRecordsWereSkipped() throws IOException {
    Path out = dir.resolve("sub/report.json");
    CliRunner.Run r = CliRunner.run("report", "--catalog", CATALOG, "--quarter", "2026-Q3",
        "--format", "json", "--out", out.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("1 malformed catalog record left out");
    assertThat(Files.readString(out)).contains("\"schemaVersion\" : 1")
        .contains("2026-08-x-broken.yaml");
  }

  @Test
  void recordTextIsEscapedInHtml() throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("catalog/migrations"));
    String team = "<img src=x onerror=alert(1)>";
    Files.writeString(migrations.resolve("2026-08-evil.yaml"), """
        apiVersion: migsafe/v1
        kind: PastMigration
        id: 2026-08-evil
        title: "<script>alert('title')</script> & <b>bold</b> \\" quoted"
        team: "<img src=x onerror=alert(1)>"
        dialect: postgresql
        date: 2026-08-01
        changes: [add-column]
        plannedWindow: PT1H
        actualDuration: PT2H
        rollback: {planned: true, tested: true, executed: false}
        outcome:
          status: incident
          incidents:
            - {severity: sev2, cause: lock-contention, minutes: 3, description: "</li><script>x()</script>"}
        """);
    Files.writeString(migrations.resolve("2026-08-bad.yaml"),
        "apiVersion: migsafe/v1\nkind: PastMigration\nid: 2026-08-bad\n<script>: x\n");
    for (String format : new String[] {"html", "md"}) {
      CliRunner.Run r = CliRunner.run("report", "--catalog", dir.resolve("catalog").toString(),
          "--quarter", "2026-Q3", "--team", team, "--format", format);
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).as(format).doesNotContain("<script").doesNotContain("<img")
          .doesNotContain("<b>bold");
    }
    CliRunner.Run html = CliRunner.run("report", "--catalog", dir.resolve("catalog").toString(),
        "--quarter", "2026-Q3", "--format", "html");
    assertThat(html.out()).contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; "
        + "&lt;b&gt;bold&lt;/b&gt; &quot; quoted")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain("<script").doesNotContain("<img").doesNotContain("http://")
        .doesNotContain("https://").doesNotContain("src=\"").doesNotContain("@import");
  }

  @Test
  void everyFigureInTheHtmlLinksToAListThatExists() {
    CliRunner.Run r = CliRunner.run("report", "--catalog", CATALOG, "--quarter", "2026-Q3",
        "--format", "html");
    java.util.regex.Matcher href = java.util.regex.Pattern.compile("href=\"#([^\"]+)\"")
        .matcher(r.out());
    int links = 0;
    while (href.find()) {
      links++;
      assertThat(r.out()).as("target of #" + href.group(1)).contains("id=\"" + href.group(1)
          + "\"");
    }
    assertThat(links).isGreaterThan(100);
  }

  @Test
  void csvQuotesFieldsPerRfc4180() {
    CliRunner.Run r = CliRunner.run("report", "--catalog", CATALOG, "--quarter", "2026-Q3",
        "--format", "csv");
    assertThat(r.out()).startsWith("period,from,to,team,migrations,incidents,")
        .contains("\r\n2026-Q3,2026-07-01,2026-09-30,\"data, analytics\",1,")
        .doesNotContain("\n\n");
    assertThat(r.out().split("\r\n")).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
  }

  @Test
  void csvNeutralisesTextThatASpreadsheetWouldEvaluate() throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("catalog/migrations"));
    String[] starts = {"=", "+", "-", "@", "\\t", "\\r"};
    for (int i = 0; i < starts.length; i++) {
      Files.writeString(migrations.resolve("2026-08-f" + i + ".yaml"), """
          apiVersion: migsafe/v1
          kind: PastMigration
          id: 2026-08-f%d
          title: "%sHYPERLINK(\\"http://x\\",\\"title\\")"
          team: "%sSUM(1+1)*cmd|' /C calc'!A0 %d"
          dialect: postgresql
          date: 2026-08-01
          changes: [add-column]
          plannedWindow: PT1H
          actualDuration: PT2H
          rollback: {planned: true, tested: true, executed: false}
          outcome: {status: success}
          """.formatted(i, starts[i], starts[i], i));
    }
    CliRunner.Run r = CliRunner.run("report", "--catalog", dir.resolve("catalog").toString(),
        "--quarter", "2026-Q3", "--quarters", "1", "--format", "csv");
    assertThat(r.exit()).as(r.err()).isZero();
    String row = "\r\n2026-Q3,2026-07-01,2026-09-30,";
    String team = "SUM(1+1)*cmd|' /C calc'!A0 ";
    String figures = ",1,0,0,100.0,100.0,2.00,2.00,0,0.0,0,0,explicit\r\n";
    assertThat(r.out())
        .contains(row + "'=" + team + 0 + figures)
        .contains(row + "'+" + team + 1 + figures)
        .contains(row + "'-" + team + 2 + figures)
        .contains(row + "'@" + team + 3 + figures)
        .contains(row + "'\t" + team + 4 + figures)
        // A carriage return also needs quotes (RFC 4180), after the quote mark goes in.
        .contains(row + "\"'\r" + team + 5 + "\"" + figures)
        .contains(row + "(all),6,");
    assertThat(r.out().split("\r\n")).allSatisfy(line -> assertThat(line.split(",", -1))
        .as(line).noneMatch(cell -> cell.startsWith("=") || cell.startsWith("+")
            || cell.startsWith("@") || cell.startsWith("-") || cell.startsWith("\t")));

    CliRunner.Run oneTeam = CliRunner.run("report", "--catalog",
        dir.resolve("catalog").toString(), "--quarter", "2026-Q3", "--quarters", "1",
        "--team", "-" + team + 2, "--format", "csv");
    assertThat(oneTeam.exit()).as(oneTeam.err()).isZero();
    assertThat(oneTeam.out()).endsWith(row + "'-" + team + 2 + figures);
  }

  @Test
  void outToAFifoWritesIntoItAndLeavesIt() throws Exception {
    Path fifo = Fifo.create(dir.resolve("report.fifo"));
    FutureTask<String> reader = Fifo.readInBackground(fifo);
    CliRunner.Run r = CliRunner.run("report", "--catalog", CATALOG, "--quarter", "2026-Q3",
        "--format", "csv", "--out", fifo.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo(CliRunner.run("report",
        "--catalog", CATALOG, "--quarter", "2026-Q3", "--format", "csv").out());
    assertThat(Fifo.type(fifo, LinkOption.NOFOLLOW_LINKS)).isEqualTo(Fifo.S_IFIFO);
  }

  @Test
  void outToADirectoryIsBadInput() throws IOException {
    Path reports = Files.createDirectory(dir.resolve("reports"));
    CliRunner.Run r = CliRunner.run("report", "--catalog", CATALOG, "--quarter", "2026-Q3",
        "--out", reports.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(reports + ": cannot be written: it is a directory")
        .doesNotContain("Exception");
    assertThat(reports).isEmptyDirectory();
  }
}
