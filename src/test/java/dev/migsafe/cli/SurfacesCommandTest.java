package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migsafe surfaces}: targets from --table, --sql and --packet; bad options. */
class SurfacesCommandTest {
  @TempDir Path dir;

  @Test
  void aPacketsRenameIsLookedForUnderItsChange() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("billing"));
    Files.writeString(repo.resolve("Payments.java"), """
        class Payments {
          static final String BY_REF = "SELECT id FROM payments WHERE psp_reference = ?";
          static final String ALL = "SELECT id, amount FROM payments";
        }
        """);
    CliRunner.Run r = CliRunner.run("surfaces", "--packet",
        "examples/plan-rename-column/packet.yaml", repo.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("payments.psp_reference (")
        .contains("rename-column): 1 use")
        .contains("Payments.java:2:").contains("read payments.psp_reference (sql-string, certain)")
        .doesNotContain("Payments.java:3:");
  }

  @Test
  void aMigrationsDropIsLookedForAndAnAddedIndexIsNot() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("app"));
    Files.writeString(repo.resolve("q.py"),
        "A = 'SELECT legacy_code FROM orders'\nB = 'SELECT status FROM orders'\n");
    Path sql = Files.writeString(dir.resolve("V9__drop.sql"),
        "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n"
            + "ALTER TABLE orders DROP COLUMN legacy_code;\n");
    CliRunner.Run r = CliRunner.run("surfaces", "--sql", sql.toString(), "--format", "json",
        repo.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"column\" : \"legacy_code\"")
        .contains("V9__drop.sql:2 drop-column").contains("\"line\" : 1")
        .doesNotContain("\"column\" : \"status\"");
  }

  @Test
  void exactlyOneTargetIsRequired() {
    assertThat(CliRunner.run("surfaces", dir.toString()).exit()).isEqualTo(2);
    assertThat(CliRunner.run("surfaces", "--table", "t", "--sql", "x.sql", dir.toString())
        .exit()).isEqualTo(2);
    assertThat(CliRunner.run("surfaces", "--column", "c", "--sql", "x.sql", dir.toString())
        .exit()).isEqualTo(2);
    CliRunner.Run missing = CliRunner.run("surfaces", "--table", "t",
        dir.resolve("nope").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("nope: not a directory").doesNotContain("Exception");
  }
}
