package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migsafe outcome record} from the command line. */
class OutcomeCommandTest {
  @TempDir Path dir;

  @Test
  void recordsANewMigrationThenItsIncident() throws IOException {
    Path sql = dir.resolve("V42.sql");
    Files.writeString(sql, "ALTER TABLE orders ADD COLUMN currency char(3);\n");
    CliRunner.Run r = CliRunner.run("outcome", "record", "--catalog", dir.toString(),
        "--id", "2026-11-orders-currency", "--title", "Orders get a currency", "--team",
        "team-payments", "--dialect", "postgresql", "--engine-version", "16", "--date",
        "2026-11-20", "--tables", "orders", "--changes", "add-column,backfill", "--sql",
        sql.toString(), "--table-rows", "orders=85000000", "--planned-window", "PT2H",
        "--status", "success", "--rollback-planned", "--rollback-tested=false");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    Path file = dir.resolve("migrations/2026-11-orders-currency.yaml");
    assertThat(r.out()).startsWith("created " + file + " (success)\nhash ");

    r = CliRunner.run("outcome", "record", "--catalog", dir.toString(), "--id",
        "2026-11-orders-currency", "--status", "incident", "--incident",
        "sev2:lock-contention:14:writes queued: behind SET NOT NULL", "--hotfix",
        "schema-drift:2026-11-21:replica had an old index", "--actual-duration", "PT3H10M",
        "--lesson", "Use CHECK NOT VALID first.", "--format", "json");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("\"schemaVersion\" : 1", "\"created\" : false",
        "\"status\" : \"incident\"");
    String text = Files.readString(file);
    assertThat(text).contains("description: 'writes queued: behind SET NOT NULL'",
        "actualDuration: PT3H10M", "rollback:\n  planned: true\n  tested: false\n",
        "lessons: Use CHECK NOT VALID first.\n");

    CliRunner.Run similar = CliRunner.run("similar", "--catalog", dir.toString(), "currency");
    assertThat(similar.out()).contains("2026-11-orders-currency",
        "incident: sev2 lock-contention 14 min; overran: PT3H10M for PT2H planned; "
            + "hotfix schema-drift");
  }

  @Test
  void recordingIntoTheSampleCatalogSaysItStaysSampleData() throws IOException {
    String[] create = {"outcome", "record", "--catalog", dir.toString(), "--id",
        "2026-11-orders-currency", "--title", "Orders get a currency", "--team",
        "team-payments", "--dialect", "postgresql", "--date", "2026-11-20", "--changes",
        "add-column", "--status", "success"};
    assertThat(CliRunner.run(create).err()).isEmpty();
    Files.writeString(dir.resolve("SAMPLE.md"), "migsafe's sample\n");
    CliRunner.Run r = CliRunner.run(create);
    assertThat(r.exit()).isZero();
    assertThat(r.err()).startsWith("migsafe: note: " + dir.toAbsolutePath().resolve("SAMPLE.md")
        + " marks this catalog as migsafe's sample");
  }

  @Test
  void aNewRecordGetsTheUmasksModeAndAnUpdatedOneKeepsItsOwn() throws IOException {
    String[] create = {"outcome", "record", "--catalog", dir.toString(), "--id",
        "2026-11-orders-currency", "--title", "Orders get a currency", "--team",
        "team-payments", "--dialect", "postgresql", "--date", "2026-11-20", "--changes",
        "add-column", "--planned-window", "PT2H", "--status", "success"};
    assertThat(CliRunner.run(create).exit()).isZero();
    Path file = dir.resolve("migrations/2026-11-orders-currency.yaml");
    Path reference = Files.writeString(dir.resolve("reference"), "0666 less the umask");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Files.getPosixFilePermissions(reference));

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    CliRunner.Run r = CliRunner.run("outcome", "record", "--catalog", dir.toString(), "--id",
        "2026-11-orders-currency", "--actual-duration", "PT1H");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(file)).contains("actualDuration: PT1H");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void aRehearsalDecidesWhetherTheRollbackWasTested() throws IOException {
    // The fixture rehearsal (the renderers' golden JSON) failed its rollback gate.
    String failed = "src/test/resources/golden/rehearsal.json";
    Path passed = dir.resolve("passed.json");
    Files.writeString(passed, Files.readString(Path.of(failed)).replace(
        "\"status\" : \"failed\",\n      \"reason\" : \"rollback from C1",
        "\"status\" : \"passed\",\n      \"reason\" : \"rollback from C1"));
    String id = "payments-provider-reference";
    CliRunner.Run r = CliRunner.run("outcome", "record", "--catalog", dir.toString(), "--id",
        id, "--title", "Rename the PSP reference", "--team", "team-payments", "--dialect",
        "postgresql", "--date", "2026-11-20", "--tables", "payments", "--changes",
        "rename-column", "--status", "success", "--rehearsal", failed);
    assertThat(r.err()).isEmpty();
    Path file = dir.resolve("migrations/" + id + ".yaml");
    assertThat(Files.readString(file)).contains("rollback:\n  planned: true\n  tested: false\n");

    r = CliRunner.run("outcome", "record", "--catalog", dir.toString(), "--id", id,
        "--rehearsal", passed.toString());
    assertThat(r.err()).isEmpty();
    assertThat(Files.readString(file)).contains("rollback:\n  planned: true\n  tested: true\n");

    r = CliRunner.run("outcome", "record", "--catalog", dir.toString(), "--id", "other-id",
        "--rehearsal", passed.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("the rehearsal is of packet 'payments-provider-reference', "
        + "not 'other-id'");
    r = CliRunner.run("outcome", "record", "--catalog", dir.toString(), "--id", id,
        "--rehearsal", passed.toString(), "--rollback-tested");
    assertThat(r.exit()).isEqualTo(2);
  }

  @Test
  void badValuesExitTwo() {
    String cat = dir.toString();
    CliRunner.Run r = CliRunner.run("outcome", "record", "--catalog", cat, "--id", "../x",
        "--status", "success");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("'../x' is not a valid record id");
    r = CliRunner.run("outcome", "record", "--catalog", cat, "--id", "x", "--incident", "sev2");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--incident 'sev2' is not SEVERITY:CAUSE:MINUTES:DESCRIPTION");
    r = CliRunner.run("outcome", "record", "--catalog", cat, "--id", "x", "--date", "yesterday");
    assertThat(r.exit()).isEqualTo(2);
    r = CliRunner.run("outcome", "record", "--catalog", cat, "--id", "x", "--status", "done");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("the record would not be valid, nothing was written",
        "outcome.status: 'done' is not one of aborted, incident, rolled-back, success");
    assertThat(dir.resolve("migrations/x.yaml")).doesNotExist();
    assertThat(CliRunner.run("outcome", "record", "--status", "success").exit()).isEqualTo(2);
  }

  /** outcome record writes only what report and similar read: 1024 KiB at most. */
  @Test
  void aRecordLargerThanTheReadersTakeIsNeitherWrittenNorUpdated() throws IOException {
    Path file = dir.resolve("migrations/2026-11-notes.yaml");
    CliRunner.Run r = record("--sql", sql(1_100_000));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith(file + ": the record would be 1075 KiB, which report and "
        + "similar skip (larger than 1024 KiB; a record is a page of YAML); nothing was written")
        .hasLineCount(1);
    assertThat(file).doesNotExist();

    r = record("--sql", sql(1_000_000));
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    CliRunner.Run similar = CliRunner.run("similar", "--catalog", dir.toString(), "notes");
    assertThat(similar.err()).isEmpty();
    assertThat(similar.out()).contains("2026-11-notes");

    String written = Files.readString(file);
    r = CliRunner.run("outcome", "record", "--catalog", dir.toString(), "--id", "2026-11-notes",
        "--lesson", "y".repeat(60_000));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("the record would be 1036 KiB").hasLineCount(1);
    assertThat(Files.readString(file)).isEqualTo(written);

    // Grown by hand past what the readers take: refused before it is parsed.
    Files.writeString(file, written + "# " + "z".repeat(100_000) + "\n");
    r = CliRunner.run("outcome", "record", "--catalog", dir.toString(), "--id", "2026-11-notes",
        "--status", "incident");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith(file + ": is 1075 KiB, which report and similar skip "
        + "(larger than 1024 KiB; a record is a page of YAML); shorten it by hand first; "
        + "nothing was written").hasLineCount(1);
  }

  private CliRunner.Run record(String... more) {
    List<String> args = new ArrayList<>(List.of("outcome", "record", "--catalog", dir.toString(),
        "--id", "2026-11-notes", "--title", "Notes", "--team", "team-x", "--dialect",
        "postgresql", "--date", "2026-11-20", "--changes", "add-column", "--status", "success"));
    args.addAll(List.of(more));
    return CliRunner.run(args.toArray(String[]::new));
  }

  /** A short migration and a comment of {@code chars} characters. */
  private String sql(int chars) throws IOException {
    Path sql = dir.resolve("notes-" + chars + ".sql");
    Files.writeString(sql, "ALTER TABLE orders ADD COLUMN notes text;\n-- " + "x".repeat(chars)
        + "\n");
    return sql.toString();
  }
}
