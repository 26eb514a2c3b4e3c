package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint --baseline}, {@code --write-baseline} and {@code --changed-since}. */
class CiOptionsTest {
  private static final String EXAMPLE = "examples/lint-flyway/db/migration";
  private static final String VOLATILE =
      "ALTER TABLE orders ADD COLUMN t uuid DEFAULT gen_random_uuid();\n";
  private static final String REWRITE = "ALTER TABLE orders ALTER COLUMN id TYPE bigint;\n";

  @TempDir Path dir;

  @Test
  void aBaselineAcceptsTheFindingsItHoldsEvenWhenLinesMove() throws IOException {
    Path sql = dir.resolve("V1__a.sql");
    Files.writeString(sql, VOLATILE);
    Path baseline = dir.resolve("baseline.json");
    CliRunner.Run write = CliRunner.run("lint", "--write-baseline", baseline.toString(),
        sql.toString());
    assertThat(write.exit()).as("writing a baseline accepts what it writes").isZero();
    assertThat(write.out()).contains("pg-add-column-volatile-default");
    JsonNode json = new ObjectMapper().readTree(baseline.toFile());
    assertThat(json.path("format").asText()).isEqualTo("migsafe-baseline-v1");
    assertThat(json.path("findings")).isNotEmpty();

    // Lines added above and the statement re-indented: the same findings, accepted.
    Files.writeString(sql, "-- a comment\n\n   " + VOLATILE.replace(" ADD", "\n  ADD"));
    CliRunner.Run same = CliRunner.run("lint", "--baseline", baseline.toString(), sql.toString());
    assertThat(same.exit()).as(same.out()).isZero();
    assertThat(same.out()).doesNotContain("pg-add-column-volatile-default");

    // A new statement is new, and only it is reported.
    Files.writeString(sql, VOLATILE + REWRITE);
    CliRunner.Run added = compactWithBaseline(baseline, sql);
    assertThat(added.exit()).isEqualTo(1);
    assertThat(added.out()).doesNotContain("pg-add-column-volatile-default")
        .contains(":2:20: ");
  }

  @Test
  void theSameStatementTwiceIsTwoFindings() throws IOException {
    Path sql = dir.resolve("V1__a.sql");
    Files.writeString(sql, VOLATILE);
    Path baseline = dir.resolve("baseline.json");
    CliRunner.run("lint", "--write-baseline", baseline.toString(), sql.toString());
    Files.writeString(sql, VOLATILE + VOLATILE);
    CliRunner.Run r = compactWithBaseline(baseline, sql);
    assertThat(r.out()).contains(":2:20: high pg-add-column-volatile-default")
        .doesNotContain(":1:20: high pg-add-column-volatile-default");
  }

  private static CliRunner.Run compactWithBaseline(Path baseline, Path sql) {
    return CliRunner.run("lint", "--format", "compact", "--baseline", baseline.toString(),
        sql.toString());
  }

  @Test
  void aBadBaselineIsBadInputWithItsPlace() throws IOException {
    Path sql = dir.resolve("V1__a.sql");
    Files.writeString(sql, VOLATILE);
    Path bad = dir.resolve("baseline.json");
    Files.writeString(bad, "{\n  \"format\": ");
    CliRunner.Run r = CliRunner.run("lint", "--baseline", bad.toString(), sql.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith(bad + ":2:").doesNotContain("\tat ");
    Files.writeString(bad, "[]");
    r = CliRunner.run("lint", "--baseline", bad.toString(), sql.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("not a migsafe baseline");
    r = CliRunner.run("lint", "--baseline", dir.resolve("none.json").toString(), sql.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("none.json: no such baseline file");
  }

  /** The configuration beside the migrations applies, wherever lint is run from. */
  @Test
  void theRepositorysConfigIsFoundFromTheLintedFiles() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    Path sql = Files.createDirectories(repo.resolve("db/migration")).resolve("V1__a.sql");
    Files.writeString(sql, VOLATILE);
    Files.writeString(repo.resolve(".migsafe.yaml"), "disable: [pg-add-column-volatile-default]\n");
    CliRunner.Run r = CliRunner.run("lint", repo.resolve("db/migration").toString());
    assertThat(r.out()).doesNotContain("pg-add-column-volatile-default")
        .contains("pg-missing-lock-timeout");
  }

  @Test
  void anUnknownRefIsBadInput() {
    CliRunner.Run r = CliRunner.run("lint", "--changed-since", "no-such-ref-anywhere", EXAMPLE);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--changed-since 'no-such-ref-anywhere'")
        .doesNotContain("\tat ");
    r = CliRunner.run("lint", "--changed-since", "--upload-pack=x", EXAMPLE);
    assertThat(r.exit()).isEqualTo(2);
  }

  /** The examples are committed and unchanged: replayed, nothing reported (GithubActionIT has
   * a pull request that changes files). */
  @Test
  void filesUnchangedSinceRefAreReplayedButNotReported() {
    CliRunner.Run r = CliRunner.run("lint", "--changed-since", "HEAD", EXAMPLE);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("3 files, 9 statements").doesNotContain("pg-");
  }
}
