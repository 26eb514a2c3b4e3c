package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What must not pass a CI job: SQL PostgreSQL rejects, a path with no migration, a playbook
 * whose gates are blocked or failed, a command line without a command.
 */
class FailSafeTest {
  private static final String BLOCKED_PACKET = "examples/plan-drop-column-still-read/packet.yaml";

  @TempDir Path dir;

  @Test
  void misspeltKeywordsAreBlockersWherePostgresStops() throws IOException {
    Path f = dir.resolve("V1__typo.sql");
    Files.writeString(f, "ALTER TABLE foo ADD COLUM bar int; SELEC 1;\n");
    CliRunner.Run r = CliRunner.run("lint", f.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS.code());
    // PostgreSQL reads ADD COLUM bar as column "colum" of type "bar" and stops at "int".
    assertThat(r.out()).contains(f + ":1:31: blocker syntax-error: PostgreSQL rejects this "
        + "statement: syntax error at or near \"int\"");
    assertThat(r.out()).contains(f + ":1:36: blocker syntax-error: PostgreSQL rejects this "
        + "statement: syntax error at or near \"SELEC\"");
    // The rejected statement runs nothing, so no other rule judges the column it seems to add.
    assertThat(r.out().lines().filter(l -> l.startsWith(f.toString()))).hasSize(2);
  }

  @Test
  void aSyntaxErrorFailsEvenAtTheLeastStrictThreshold() throws IOException {
    Path f = dir.resolve("a.sql");
    Files.writeString(f, "CREATE TABLE t (id bigint PRIMARY KEY, note text NOT NUL);\n");
    CliRunner.Run r = CliRunner.run("lint", "--fail-on", "blocker", f.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS.code());
    assertThat(r.out()).contains(":1:54: blocker syntax-error");
  }

  @Test
  void validSqlWithTheSameWordsPasses() throws IOException {
    Path f = dir.resolve("a.sql");
    Files.writeString(f, "ALTER TABLE foo ADD COLUMN bar int; SELECT 1;\n");
    CliRunner.Run r = CliRunner.run("lint", f.toString());
    assertThat(r.out()).doesNotContain("syntax-error").doesNotContain("unparsed-statement");
  }

  @Test
  void aFolderWithoutMigrationsIsBadInput() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("db/migration"));
    CliRunner.Run r = CliRunner.run("lint", empty.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(r.err()).isEqualTo(empty + ": no migration files (*.sql) in this folder\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aBareMigsafeIsAUsageErrorWithItsUsage() {
    CliRunner.Run r = CliRunner.run();
    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("migsafe: a command is required\n")
        .contains("Usage: migsafe").contains("lint").contains("Exit codes:");
  }

  @Test
  void planExitsOneOnABlockedGate() {
    CliRunner.Run r = CliRunner.run("plan", "--format", "json", BLOCKED_PACKET);
    assertThat(r.out()).contains("\"status\" : \"blocked\"");
    assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS.code());
  }

  @Test
  void planFailOnTunesWhichGatesCount() {
    // Only failed gates and high findings: the blocked gate no longer fails the run.
    assertThat(CliRunner.run("plan", "--fail-on", "high,gate-failed", BLOCKED_PACKET).exit())
        .isEqualTo(ExitCode.OK.code());
    assertThat(CliRunner.run("plan", "--fail-on", "none", BLOCKED_PACKET).exit())
        .isEqualTo(ExitCode.OK.code());
    // Pending gates can be made to count too (the example's rollback gate waits for a rehearsal).
    assertThat(CliRunner.run("plan", "--fail-on", "gate-pending",
        "examples/plan-rename-column/packet.yaml").exit()).isEqualTo(ExitCode.FINDINGS.code());
    assertThat(CliRunner.run("plan", "examples/plan-rename-column/packet.yaml").exit())
        .isEqualTo(ExitCode.OK.code());
  }

  @Test
  void planRejectsAnUnknownFailOnWithTheValue() {
    CliRunner.Run r = CliRunner.run("plan", "--fail-on", "high,gate-broken", BLOCKED_PACKET);
    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(r.err()).contains("'gate-broken' is neither a severity");
  }
}
