package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings as people read them on a real repository: short, once explained, with a doc. */
class ReadableFindingsTest {
  /** Plain files run outside a transaction: IF NOT EXISTS keeps pg-non-idempotent-ddl away. */
  private static final String TWO_TABLES = "ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;\n"
      + "ALTER TABLE customers ADD COLUMN IF NOT EXISTS vip boolean;\n";
  private static final String LOCK_TIMEOUT_DOC =
      "https://github.com/migsafe/migsafe/blob/main/rules/postgresql/pg-missing-lock-timeout.md";

  @TempDir Path dir;

  private Path write(String name, String sql) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, sql);
    return f;
  }

  @Test
  void compactIsOneLinePerFindingAndNothingElse() throws IOException {
    Path f = write("a.sql", TWO_TABLES);
    CliRunner.Run r = CliRunner.run("lint", "--format", "compact", f.toString());
    // A missing lock_timeout is one finding per file, listing the statements it affects.
    assertThat(r.out()).isEqualTo(
        f + ":1:1: medium pg-missing-lock-timeout 2 statements wait for locks that block writes "
            + "with no lock_timeout set: line 1 (ACCESS EXCLUSIVE on orders), line 2 (ACCESS "
            + "EXCLUSIVE on customers); while each waits, reads and writes on customers and "
            + "reads and writes on orders queue behind it\n");
    assertThat(r.exit()).isZero();
  }

  /** Two files, so that the rule has two findings (it reports once per file). */
  private Path twoFiles() throws IOException {
    write("a.sql", TWO_TABLES);
    write("b.sql", TWO_TABLES);
    return dir;
  }

  @Test
  void whyAndInsteadComeOncePerRuleUnlessExplainIsGiven() throws IOException {
    Path f = twoFiles();
    String once = CliRunner.run("lint", f.toString()).out();
    assertThat(count(once, "  why: ")).isEqualTo(1);
    assertThat(count(once, "  instead: ")).isEqualTo(1);
    assertThat(count(once, "  see: " + LOCK_TIMEOUT_DOC)).isEqualTo(1);
    assertThat(count(once, ": medium pg-missing-lock-timeout: ")).isEqualTo(2);
    String every = CliRunner.run("lint", "--explain", f.toString()).out();
    assertThat(count(every, "  why: ")).isEqualTo(2);
    assertThat(count(every, "  see: " + LOCK_TIMEOUT_DOC
        + " (migsafe rules explain pg-missing-lock-timeout)")).isEqualTo(2);
  }

  @Test
  void jsonFindingsCarryTheirDocUrl() throws IOException {
    Path f = twoFiles();
    String json = CliRunner.run("lint", "--format", "json", f.toString()).out();
    assertThat(count(json, "\"docUrl\" : \"" + LOCK_TIMEOUT_DOC + "\"")).isEqualTo(2);
  }

  @Test
  void anIgnoreFileCommentAcceptsARuleInTheWholeFileOnly() throws IOException {
    Path a = write("a_first.sql", TWO_TABLES
        + "-- migsafe:ignore-file pg-missing-lock-timeout the migration role sets it\n");
    Path b = write("b_second.sql", TWO_TABLES);
    CliRunner.Run r = CliRunner.run("lint", "--format", "json", dir.toString());
    String json = r.out();
    // The first file's finding is suppressed with the reason; the second's stays.
    assertThat(count(json, "\"reason\" : \"the migration role sets it\"")).isEqualTo(1);
    assertThat(count(json, "\"rule\" : \"pg-missing-lock-timeout\"")).isEqualTo(2);
    String compact = CliRunner.run("lint", "--format", "compact", dir.toString()).out();
    assertThat(compact).doesNotContain(a.getFileName().toString()).contains(b.toString()
        .substring(dir.toString().length() + 1));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
