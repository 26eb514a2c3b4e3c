package dev.migsafe.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.Migsafe;
import dev.migsafe.api.FileResult;
import dev.migsafe.api.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders are replayed in the order their migration tool applies them. */
class MigrationOrderTest {
  @TempDir Path dir;

  private void write(String rel, String sql) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, sql);
  }

  private List<String> order() {
    LintResult r = Migsafe.builder().build().lint(List.of(dir));
    return r.files().stream().map(FileResult::path)
        .map(p -> dir.relativize(Path.of(p)).toString()).toList();
  }

  @Test
  void flywayByVersionWithRepeatablesLast() throws IOException {
    write("R__views.sql", "SELECT 1;");
    write("V1_10__c.sql", "SELECT 1;");
    write("V1_9__b.sql", "SELECT 1;");
    write("V1__a.sql", "SELECT 1;");
    write("V2__d.sql", "SELECT 1;");
    assertThat(order()).containsExactly("V1__a.sql", "V1_9__b.sql", "V1_10__c.sql", "V2__d.sql",
        "R__views.sql");
  }

  @Test
  void golangMigrateByNumberWithDownAfterUp() throws IOException {
    write("10_c.up.sql", "SELECT 1;");
    write("2_b.up.sql", "SELECT 1;");
    write("2_b.down.sql", "SELECT 1;");
    write("1_a.up.sql", "SELECT 1;");
    assertThat(order()).containsExactly("1_a.up.sql", "2_b.up.sql", "2_b.down.sql",
        "10_c.up.sql");
  }

  @Test
  void dieselAndPrismaByFolderName() throws IOException {
    write("2024-02-01-000000_second/up.sql", "SELECT 1;");
    write("2024-01-01-000000_first/up.sql", "SELECT 1;");
    write("2024-01-01-000000_first/down.sql", "SELECT 1;");
    assertThat(order()).containsExactly("2024-01-01-000000_first/up.sql",
        "2024-01-01-000000_first/down.sql", "2024-02-01-000000_second/up.sql");
  }

  @Test
  void tableCreatedInAnEarlierFileHoldsDataButNotInTheSameFile() throws IOException {
    write("V1__create.sql", "CREATE TABLE t (id bigint PRIMARY KEY);\n"
        + "ALTER TABLE t ADD COLUMN a uuid DEFAULT gen_random_uuid();\n");
    write("V2__change.sql", "ALTER TABLE t ADD COLUMN b uuid DEFAULT gen_random_uuid();\n");
    LintResult r = Migsafe.builder().build().lint(List.of(dir));
    assertThat(r.files().get(0).findings()).isEmpty();
    assertThat(r.files().get(0).statements().get(1).locks()).isEmpty();
    assertThat(r.files().get(1).findings()).extracting(f -> f.rule())
        .contains("pg-add-column-volatile-default");
  }

  @Test
  void typesKnownFromEarlierFilesDecideRewrites() throws IOException {
    write("V1__create.sql", "CREATE TABLE t (id bigint PRIMARY KEY, name varchar(20));");
    write("V2__widen.sql", "ALTER TABLE t ALTER COLUMN name TYPE varchar(50);");
    write("V3__narrow.sql", "ALTER TABLE t ALTER COLUMN name TYPE varchar(10);");
    LintResult r = Migsafe.builder().build().lint(List.of(dir));
    assertThat(r.files().get(1).statements().get(0).rewritesTable()).isFalse();
    assertThat(r.files().get(2).statements().get(0).rewritesTable()).isTrue();
  }

  @Test
  void rollbackFilesDoNotChangeTheSchemaLaterFilesSee() throws IOException {
    write("1_a.up.sql", "CREATE TABLE t (id bigint PRIMARY KEY, name varchar(20));");
    write("1_a.down.sql", "DROP TABLE t;");
    write("2_b.up.sql", "ALTER TABLE t ALTER COLUMN name TYPE varchar(40);");
    LintResult r = Migsafe.builder().build().lint(List.of(dir));
    assertThat(r.files().get(1).rollback()).isTrue();
    // t still exists with its varchar(20) for 2_b: the widening is known not to rewrite.
    assertThat(r.files().get(2).statements().get(0).rewritesTable()).isFalse();
  }

  @Test
  void sessionTimeZoneIsTrackedThroughTheFile() throws IOException {
    write("V1__create.sql", "CREATE TABLE t (id bigint PRIMARY KEY, at timestamp);");
    write("V2__tz.sql", "SET TimeZone = 'UTC';\nALTER TABLE t ALTER COLUMN at TYPE timestamptz;\n"
        + "RESET TimeZone;\nALTER TABLE t ALTER COLUMN at TYPE timestamp;\n");
    LintResult r = Migsafe.builder().build().lint(List.of(dir));
    assertThat(r.files().get(1).statements().get(1).rewritesTable()).isFalse();
    assertThat(r.files().get(1).statements().get(3).rewritesTable()).isTrue();
  }

  @Test
  void flywayFilesRunInATransactionAndGolangFilesDoNot() throws IOException {
    write("V1__a.sql", "SELECT 1;");
    write("1_b.up.sql", "SELECT 1;");
    LintResult r = Migsafe.builder().build().lint(List.of(dir));
    assertThat(r.files()).extracting(FileResult::path, FileResult::inTransaction)
        .contains(org.assertj.core.groups.Tuple.tuple(dir.resolve("V1__a.sql").toString(), true),
            org.assertj.core.groups.Tuple.tuple(dir.resolve("1_b.up.sql").toString(), false));
  }
}
