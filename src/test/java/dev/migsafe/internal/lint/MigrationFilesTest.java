package dev.migsafe.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files sort in the order their tool applies them, digit runs compared as numbers. */
class MigrationFilesTest {
  @Test
  void digitRunsCompareByValueWithLeadingZerosIgnored() {
    assertThat(MigrationFiles.natural("1.9", "1.10")).isNegative();
    assertThat(MigrationFiles.natural("2", "10")).isNegative();
    assertThat(MigrationFiles.natural("007", "7")).isZero();
    assertThat(MigrationFiles.natural("0", "00")).isZero();
    assertThat(MigrationFiles.natural("10", "009")).isPositive();
    assertThat(MigrationFiles.natural("a01b", "a1c")).isNegative();
    assertThat(MigrationFiles.natural("v1", "v1.1")).isNegative();
    assertThat(MigrationFiles.natural("abc", "abd")).isNegative();
    assertThat(MigrationFiles.natural("2024-01-02_x", "2024-01-10_a")).isNegative();
  }

  @Test
  void flywayGolangDieselAndPrismaFilesSortInApplicationOrder() {
    List<MigrationFile> files = new ArrayList<>(List.of(
        MigrationFiles.classify(Path.of("R__views.sql"), "R__views.sql"),
        MigrationFiles.classify(Path.of("V1_10__b.sql"), "V1_10__b.sql"),
        MigrationFiles.classify(Path.of("V1_9__a.sql"), "V1_9__a.sql"),
        MigrationFiles.classify(Path.of("V2__c.sql"), "V2__c.sql")));
    files.sort(MigrationFiles.ORDER);
    assertThat(files).extracting(MigrationFile::displayPath)
        .containsExactly("V1_9__a.sql", "V1_10__b.sql", "V2__c.sql", "R__views.sql");

    assertThat(MigrationFiles.classify(Path.of("20240102030405_init/migration.sql"), "x").tool())
        .isEqualTo("prisma");
    assertThat(MigrationFiles.classify(Path.of("2024_init/migration.sql"), "x").tool())
        .isEqualTo("plain");
    assertThat(MigrationFiles.classify(Path.of("000012_add.down.sql"), "x").rollback()).isTrue();
  }
}
