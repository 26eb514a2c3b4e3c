package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migsafe similar}: any text is a query, bad input exits 2, bad records are skipped. */
class SimilarCommandTest {
  @TempDir Path dir;

  @Test
  void luceneSyntaxInFreeTextIsJustWords() {
    for (String text : new String[] {"title:(foo AND \"bar", "orders^2 ~ * ? \\ / [x TO y] {} "
        + "&& || ! - +not -null", "\"set not null\"", ":", "AND OR NOT", "*"}) {
      CliRunner.Run r = CliRunner.run("similar", "--catalog", "catalog", text);
      assertThat(r.err()).as(text).isEmpty();
      assertThat(r.exit()).as(text).isZero();
    }
    CliRunner.Run r = CliRunner.run("similar", "--catalog", "catalog", "orders^2 AND \"not null");
    assertThat(r.out()).contains("2026-03-orders-currency");
  }

  @Test
  void badInputExitsTwoWithAMessage() {
    assertThat(CliRunner.run("similar").exit()).isEqualTo(2);
    assertThat(CliRunner.run("similar").err()).contains("give something to compare");
    CliRunner.Run r = CliRunner.run("similar", "--sql", dir.resolve("none.sql").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("none.sql: no such SQL file").doesNotContain("Exception");
    assertThat(CliRunner.run("similar", "--limit", "0", "x").exit()).isEqualTo(2);
    assertThat(CliRunner.run("similar", "--dialect", "oracle", "x").exit()).isEqualTo(2);
    r = CliRunner.run("similar", "--catalog", dir.resolve("nope").toString(), "x");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no such catalog directory");
    r = CliRunner.run("similar", "--packet", dir.resolve("p.yaml").toString());
    assertThat(r.exit()).isEqualTo(2);
  }

  @Test
  void anInvalidPacketIsReportedNotSearched() throws IOException {
    Path p = dir.resolve("p.yaml");
    Files.writeString(p, "apiVersion: migsafe/v1\nkind: MigrationPacket\nid: x\nowner: t\n"
        + "dialect: oracle\n");
    CliRunner.Run r = CliRunner.run("similar", "--catalog", "catalog", "--packet", p.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(p + ":5:10: dialect: 'oracle' is not one of mysql, postgresql");
  }

  @Test
  void malformedRecordsAreSkippedWithTheirPlaceAndTheRestIsSearched() throws IOException {
    Path catalog = dir.resolve("catalog");
    Files.createDirectories(catalog.resolve("migrations"));
    Files.copy(Path.of("catalog/migrations/2026-03-orders-currency.yaml"),
        catalog.resolve("migrations/2026-03-orders-currency.yaml"));
    Files.writeString(catalog.resolve("migrations/bad.yaml"), "apiVersion: migsafe/v1\n"
        + "kind: PastMigration\nid: bad\ntitel: typo\n");
    CliRunner.Run r = CliRunner.run("similar", "--catalog", catalog.toString(), "--format",
        "json", "currency");
    assertThat(r.exit()).isZero();
    String bad = catalog.resolve("migrations/bad.yaml").toString();
    assertThat(r.err()).startsWith("migsafe: skipped " + bad + ":1:1: title: is required\n")
        .contains("migsafe: skipped " + bad + ":4:1: titel: unknown field");
    assertThat(r.out()).contains("\"id\" : \"2026-03-orders-currency\"")
        .contains("\"reason\" : \"title: is required\"");
    assertThat(catalog.resolve(".migsafe/index/CURRENT")).exists();
  }

  @Test
  void planListsTheThreeClosestPastMigrations() {
    CliRunner.Run r = CliRunner.run("plan", "--catalog", "catalog", "--format", "json",
        "src/test/resources/search-eval/packets/orders-customer-email.yaml");
    assertThat(r.err()).isEmpty();
    String similar = r.out().substring(r.out().indexOf("\"similarPastMigrations\""));
    assertThat(similar).contains("\"id\" : \"2026-05-orders-customer-email-copy\"",
        "\"why\" : \"same change: add-column, add-index, backfill; same table: customers, orders");
    assertThat(similar.split("\"id\"", -1)).hasSize(4);
  }

  @Test
  void writesToAFileAtomically() throws IOException {
    Path out = dir.resolve("similar.md");
    CliRunner.Run r = CliRunner.run("similar", "--catalog", "catalog", "--format", "md", "--out",
        out.toString(), "partition by month");
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).startsWith("# Similar past migrations\n\n> **Sample data:**")
        .contains("\n\n## 1. ");
  }

  @Test
  void sampleRecordsAreNeverPassedOffAsTheTeamsHistory() throws IOException {
    // migsafe's own catalog/ carries SAMPLE.md: a fresh clone's working directory has it.
    CliRunner.Run sample = CliRunner.run("similar", "--catalog", "catalog", "set not null");
    assertThat(sample.out()).startsWith("Sample data: these past migrations come from "
        + "migsafe's sample catalog, not from your team's history.");
    assertThat(CliRunner.run("similar", "--catalog", "catalog", "--format", "json",
        "set not null").out()).contains("\"catalogSource\" : \"sample\"");

    Path own = dir.resolve("own");
    Files.createDirectories(own.resolve("migrations"));
    Files.copy(Path.of("catalog/migrations/2026-03-orders-currency.yaml"),
        own.resolve("migrations/2026-03-orders-currency.yaml"));
    CliRunner.Run team = CliRunner.run("similar", "--catalog", own.toString(), "currency");
    assertThat(team.out()).doesNotContain("Sample data").startsWith("1. 2026-03-orders-currency");
    assertThat(CliRunner.run("similar", "--catalog", own.toString(), "--format", "json",
        "currency").out()).contains("\"catalogSource\" : \"explicit\"");
    CliRunner.Run report = CliRunner.run("report", "--catalog", "catalog", "--quarter",
        "2026-Q1", "--format", "html");
    assertThat(report.out()).contains("<p class=\"sample\"><b>Sample data:</b>");
  }

  @Test
  void matchesShowAStrengthAndJsonKeepsTheScore() {
    CliRunner.Run text = CliRunner.run("similar", "--catalog", "catalog", "--sql",
        "src/test/resources/golden-input/similar-orders-email.sql");
    assertThat(text.out()).containsPattern("(?m)^1\\. \\S+  (strong|moderate|weak) match$")
        .doesNotContain("score");
    CliRunner.Run json = CliRunner.run("similar", "--catalog", "catalog", "--format", "json",
        "--sql", "src/test/resources/golden-input/similar-orders-email.sql");
    assertThat(json.out()).containsPattern("\"score\" : [0-9.]+,\\s+\"strength\" : \"strong\"");
  }
}
