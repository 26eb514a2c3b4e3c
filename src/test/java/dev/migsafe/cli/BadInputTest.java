package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that break naive linters end in a clear message and exit code 0, 1 or 2, never a
 * stack trace or a hang. Nothing here is timed: speed is measured in bench/.
 */
class BadInputTest {
  @TempDir Path dir;

  @Test
  void enormousSingleStatementIsReadWithoutTheSqlParser() throws IOException {
    Path f = dir.resolve("dump.sql");
    try (Writer w = Files.newBufferedWriter(f)) {
      w.write("INSERT INTO events (id, payload) VALUES\n");
      for (int i = 0; i < 400_000; i++) {
        w.write("(" + i + ", 'some payload text that makes the row longer'),\n");
      }
      w.write("(0, 'last');\n");
    }
    assertThat(Files.size(f)).isGreaterThan(20_000_000L);
    CliRunner.Run r = CliRunner.run("lint", "--format", "json", f.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("\"statements\" : 1,").contains("characters)");
  }

  @Test
  void manyStatementsInOneLargeFile() throws IOException {
    Path f = dir.resolve("many.sql");
    try (Writer w = Files.newBufferedWriter(f)) {
      for (int i = 0; i < 20_000; i++) {
        w.write("ALTER TABLE t" + (i % 50) + " ADD COLUMN c" + i + " text;\n");
      }
    }
    CliRunner.Run r = CliRunner.run("lint", f.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("20000 statements");
  }

  @Test
  void deeplyNestedExpressionDoesNotHangOrOverflow() throws IOException {
    Path f = dir.resolve("nested.sql");
    String nested = "(".repeat(5_000) + "1" + ")".repeat(5_000);
    Files.writeString(f, "SELECT " + nested + ";\nALTER TABLE orders ADD COLUMN t uuid DEFAULT gen_random_uuid();\n");
    CliRunner.Run r = CliRunner.run("lint", f.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains(":2:20: high pg-add-column-volatile-default");
  }

  @Test
  void unterminatedCommentIsASyntaxErrorWhereItOpens() throws IOException {
    Path f = dir.resolve("open.sql");
    Files.writeString(f, "ALTER TABLE orders ADD COLUMN note text;\nSELECT 1 /* never closed\n");
    CliRunner.Run r = CliRunner.run("lint", f.toString());
    assertThat(r.err()).isEmpty();
    // PostgreSQL rejects it where the comment opens: a syntax-error there, not at column 1.
    assertThat(r.out()).contains(":2:10: blocker syntax-error")
        .contains("never closed");
  }

  @Test
  void invalidUtf8IsBadInput() throws IOException {
    Path f = dir.resolve("latin1.sql");
    Files.write(f, new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\'', ';'});
    CliRunner.Run r = CliRunner.run("lint", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("latin1.sql:1:1: not valid UTF-8 text");
  }

  @Test
  void unreadableFileIsBadInput() throws IOException {
    Path f = dir.resolve("secret.sql");
    Files.writeString(f, "SELECT 1;");
    assertThat(f.toFile().setReadable(false, false)).isTrue();
    // root reads anything: there the test is skipped, not passed.
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(f),
        "running as root, which reads unreadable files");
    CliRunner.Run r = CliRunner.run("lint", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("secret.sql: cannot be read");
  }

  @Test
  void badConfigurationIsReportedWithItsPlace() throws IOException {
    Path cfg = dir.resolve("migsafe.yaml");
    Files.writeString(cfg, "engineVersion: 15\nfailon: high\n");
    Path f = dir.resolve("a.sql");
    Files.writeString(f, "SELECT 1;");
    CliRunner.Run r = CliRunner.run("lint", "--config", cfg.toString(), f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(cfg + ":2:").contains("failon");
  }

  @Test
  void configurationWithUnknownRuleAndBadSeverityListsBoth() throws IOException {
    Path cfg = dir.resolve("migsafe.yaml");
    Files.writeString(cfg, "disable: [pg-no-such-rule]\nseverity:\n  pg-add-column-volatile-default: huge\n");
    Path f = dir.resolve("a.sql");
    Files.writeString(f, "SELECT 1;");
    CliRunner.Run r = CliRunner.run("lint", "--config", cfg.toString(), f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("'pg-no-such-rule' is not a rule id").contains("'huge'");
  }

  @Test
  void configurationDisablesAndOverrides() throws IOException {
    Path cfg = dir.resolve("migsafe.yaml");
    Files.writeString(cfg, "severity:\n  pg-add-column-volatile-default: low\n");
    Path f = dir.resolve("a.sql");
    Files.writeString(f, "ALTER TABLE orders ADD COLUMN t uuid DEFAULT gen_random_uuid();");
    CliRunner.Run r = CliRunner.run("lint", "--config", cfg.toString(), f.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("low pg-add-column-volatile-default");
    Files.writeString(cfg, "disable: [pg-add-column-volatile-default]\n");
    CliRunner.Run off = CliRunner.run("lint", "--config", cfg.toString(), f.toString());
    assertThat(off.out()).doesNotContain("pg-add-column-volatile-default");
  }
}
