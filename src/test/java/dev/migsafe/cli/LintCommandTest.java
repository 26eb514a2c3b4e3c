package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  @TempDir Path dir;

  private Path write(String name, String sql) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, sql);
    return p;
  }

  @Test
  void highFindingExitsOneAndNamesPlaceRuleAndDoc() throws IOException {
    Path f = write("V1__token.sql", "\nALTER TABLE orders ADD COLUMN t uuid DEFAULT gen_random_uuid();\n");
    CliRunner.Run r = CliRunner.run("lint", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains(f + ":2:20: high pg-add-column-volatile-default: ")
        .contains("see: https://github.com/migsafe/migsafe/blob/main/rules/postgresql/"
            + "pg-add-column-volatile-default.md (migsafe rules explain "
            + "pg-add-column-volatile-default)");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void failOnDecidesTheExitCode() throws IOException {
    Path f = write("a.sql", "ALTER TABLE orders ADD COLUMN t uuid DEFAULT gen_random_uuid();");
    assertThat(CliRunner.run("lint", "--fail-on", "blocker", f.toString()).exit()).isZero();
    assertThat(CliRunner.run("lint", "--fail-on", "high", f.toString()).exit()).isEqualTo(1);
  }

  @Test
  void cleanFileExitsZero() throws IOException {
    Path f = write("a.sql", "CREATE TABLE t (id bigint PRIMARY KEY);");
    assertThat(CliRunner.run("lint", f.toString()).exit()).isZero();
  }

  @Test
  void missingPathIsBadInputWithoutStackTrace() {
    CliRunner.Run r = CliRunner.run("lint", dir.resolve("nope.sql").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("nope.sql: no such file or directory").doesNotContain("\tat ");
  }

  @Test
  void badOptionValuesAreQuoted() throws IOException {
    Path f = write("a.sql", "SELECT 1;");
    CliRunner.Run r = CliRunner.run("lint", "--engine-version", "9", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("'9'");
    CliRunner.Run fmt = CliRunner.run("lint", "--format", "xml", f.toString());
    assertThat(fmt.exit()).isEqualTo(2);
    assertThat(fmt.err()).contains("xml");
    CliRunner.Run fail = CliRunner.run("lint", "--fail-on", "severe", f.toString());
    assertThat(fail.exit()).isEqualTo(2);
    assertThat(fail.err()).contains("'severe'");
  }

  @Test
  void unknownOptionIsUsageError() {
    CliRunner.Run r = CliRunner.run("lint", "--frobnicate", "x.sql");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--frobnicate");
  }

  @Test
  void binaryFileIsBadInput() throws IOException {
    Path f = dir.resolve("blob.sql");
    Files.write(f, new byte[] {'S', 'E', 'L', 0, 1, 2});
    CliRunner.Run r = CliRunner.run("lint", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("blob.sql:1:1: binary file");
  }

  @Test
  void emptyFileIsFineButFolderWithoutSqlIsBadInput() throws IOException {
    Path f = write("empty.sql", "");
    assertThat(CliRunner.run("lint", f.toString()).exit()).isZero();
    Path folder = dir.resolve("nothing");
    Files.createDirectories(folder.resolve("sub"));
    Files.writeString(folder.resolve("README.md"), "no SQL here");
    CliRunner.Run r = CliRunner.run("lint", folder.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(folder + ": no migration files (*.sql) in this folder\n");
  }

  @Test
  void mysqlIsNotSupportedYet() throws IOException {
    Path f = write("a.sql", "SELECT 1;");
    CliRunner.Run r = CliRunner.run("lint", "--dialect", "mysql", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("'mysql'");
  }

  @Test
  void outWritesTheReportToAFile() throws IOException {
    Path f = write("a.sql", "SELECT 1;");
    Path out = dir.resolve("reports/lint.json");
    CliRunner.Run r = CliRunner.run("lint", "--format", "json", "--out", out.toString(), f.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).contains("\"schemaVersion\" : 1");
  }

  @Test
  void standardInputIsLintedAsDash() {
    java.io.InputStream saved = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(
          "ALTER TABLE orders ADD COLUMN t uuid DEFAULT gen_random_uuid();".getBytes(
              java.nio.charset.StandardCharsets.UTF_8)));
      CliRunner.Run r = CliRunner.run("lint", "-");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.out()).contains("-:1:20: high pg-add-column-volatile-default");
    } finally {
      System.setIn(saved);
    }
  }
}
