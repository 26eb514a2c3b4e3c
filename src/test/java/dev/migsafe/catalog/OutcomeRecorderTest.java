package dev.migsafe.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.OutcomeUpdate;
import dev.migsafe.api.PastMigration;
import dev.migsafe.api.PastMigration.Hotfix;
import dev.migsafe.api.PastMigration.Incident;
import dev.migsafe.api.RecordedOutcome;
import dev.migsafe.internal.catalog.CatalogLoader;
import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.catalog.ContentHash;
import dev.migsafe.internal.catalog.OutcomeRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** outcome record: valid records, comments kept, ids contained, no lost or blind writes. */
class OutcomeRecorderTest {
  @TempDir Path dir;
  CatalogLocation catalog;

  @BeforeEach
  void catalog() throws IOException {
    Files.createDirectories(dir.resolve("migrations"));
    catalog = new CatalogLocation(dir);
  }

  private static OutcomeUpdate.Builder fresh(String id) {
    return OutcomeUpdate.builder(id).title("Orders get a currency column").team("team-payments")
        .dialect("postgresql").engineVersion("14").date(LocalDate.of(2026, 3, 14))
        .tables(List.of("orders")).changes(List.of("add-column", "set-not-null"))
        .status("success");
  }

  private PastMigration reload(String id) {
    var c = CatalogLoader.load(catalog).catalog();
    assertThat(c.skipped()).isEmpty();
    return c.migration(id).orElseThrow();
  }

  @Test
  void createsARecordThatLoads() throws IOException {
    RecordedOutcome r = OutcomeRecorder.record(catalog, fresh("2026-03-orders-currency")
        .summary("Added orders.currency.\nBackfilled it.").tableRows(java.util.Map.of(
            "orders", 85_000_000L)).plannedWindow(Duration.ofHours(2))
        .actualDuration(Duration.ofMinutes(190)).rollbackPlanned(true).rollbackTested(true)
        .addLesson("Use CHECK NOT VALID first.").build());
    assertThat(r.created()).isTrue();
    assertThat(r.file()).isEqualTo(dir.resolve("migrations/2026-03-orders-currency.yaml"));
    assertThat(r.hash()).isEqualTo(ContentHash.of(Files.readAllBytes(r.file())));
    assertThat(Files.readString(r.file())).isEqualTo("""
        apiVersion: migsafe/v1
        kind: PastMigration
        id: 2026-03-orders-currency
        title: Orders get a currency column
        team: team-payments
        dialect: postgresql
        engineVersion: "14"
        date: 2026-03-14
        summary: |
          Added orders.currency.
          Backfilled it.
        tables: [orders]
        changes: [add-column, set-not-null]
        tableRows: {orders: 85000000}
        plannedWindow: PT2H
        actualDuration: PT3H10M
        rollback:
          planned: true
          tested: true
        outcome:
          status: success
          incidents: []
          integrityDefects: 0
          hotfixes: []
        lessons: Use CHECK NOT VALID first.
        """);
    assertThat(reload("2026-03-orders-currency").overran()).isTrue();
  }

  @Test
  void updatesKeepCommentsStyleAndUntouchedLines() throws IOException {
    Path file = dir.resolve("migrations/x.yaml");
    String original = """
        # Reviewed by dba-oncall in PR 4411; keep this line.
        apiVersion: migsafe/v1
        kind: PastMigration
        id: x
        title: 'Orders: currency'   # quoted on purpose
        team: team-payments
        dialect: postgresql
        date: 2026-03-14
        changes: [add-column]
        rollback: {planned: true, tested: false, executed: false}
        outcome:
          status: success
          # incidents are appended below
          incidents: []
          integrityDefects: 0
          hotfixes:
            - {cause: schema-drift, date: 2026-03-16, description: replica had an old index}
        lessons: |
          First lesson.
        """;
    Files.writeString(file, original);
    RecordedOutcome r = OutcomeRecorder.record(catalog, OutcomeUpdate.builder("x")
        .status("incident").actualDuration(Duration.ofMinutes(90))
        .addIncident(new Incident("sev2", "lock-contention", 14, "writes queued, then timed out"))
        .addHotfix(new Hotfix("schema-drift", LocalDate.of(2026, 3, 17), "second replica"))
        .rollbackTested(true).addLesson("Second lesson.").build());
    assertThat(r.created()).isFalse();
    assertThat(Files.readString(file)).isEqualTo("""
        # Reviewed by dba-oncall in PR 4411; keep this line.
        apiVersion: migsafe/v1
        kind: PastMigration
        id: x
        title: 'Orders: currency' # quoted on purpose
        team: team-payments
        dialect: postgresql
        date: 2026-03-14
        changes: [add-column]
        actualDuration: PT1H30M
        rollback: {planned: true, tested: true, executed: false}
        outcome:
          status: incident
          # incidents are appended below
          incidents:
            - severity: sev2
              cause: lock-contention
              minutes: 14
              description: writes queued, then timed out
          integrityDefects: 0
          hotfixes:
            - {cause: schema-drift, date: 2026-03-16, description: replica had an old index}
            - {cause: schema-drift, date: 2026-03-17, description: second replica}
        lessons: |
          First lesson.

          Second lesson.
        """);
    assertThat(reload("x").outcome().incidents()).hasSize(1);
  }

  @Test
  void idsThatCouldLeaveTheCatalogAreRefused() {
    for (String id : List.of("../escape", "a/b", ".hidden", "UPPER", "", "a".repeat(81),
        "x\0y")) {
      assertThatThrownBy(() -> OutcomeRecorder.record(catalog, fresh(id).build()))
          .as(id).isInstanceOf(MigsafeException.class)
          .hasMessageContaining("is not a valid record id");
    }
    assertThat(dir.getParent().resolve("escape.yaml")).doesNotExist();
  }

  @Test
  void anInvalidResultIsNotWritten() {
    assertThatThrownBy(() -> OutcomeRecorder.record(catalog, fresh("y").status("incident")
        .changes(List.of("add-colum")).build()))
        .isInstanceOf(MigsafeException.class)
        .hasMessageContaining("the record would not be valid, nothing was written")
        .hasMessageContaining("changes[0]: 'add-colum' is not one of the change kinds")
        .hasMessageContaining("outcome.status: is incident but outcome.incidents lists none");
    assertThat(dir.resolve("migrations/y.yaml")).doesNotExist();
    assertThatThrownBy(() -> OutcomeRecorder.record(catalog, OutcomeUpdate.builder("z")
        .status("success").build()))
        .hasMessageContaining("title: is required").hasMessageContaining("date: is required");
  }

  @Test
  void theShippedCatalogIsReadOnly() {
    assertThatThrownBy(() -> OutcomeRecorder.record(CatalogLocation.shipped(),
        fresh("a").build())).isInstanceOf(MigsafeException.class)
        .hasMessageContaining("read-only");
  }

  @Test
  void itRefusesToOverwriteARecordItDidNotRead() throws IOException {
    RecordedOutcome first = OutcomeRecorder.record(catalog, fresh("r").build());
    // A stale expected hash: somebody changed the record after the caller read it.
    OutcomeRecorder.record(catalog, OutcomeUpdate.builder("r").actualDuration(
        Duration.ofHours(1)).build());
    assertThatThrownBy(() -> OutcomeRecorder.record(catalog, OutcomeUpdate.builder("r")
        .expectedHash(first.hash()).status("aborted").build()))
        .hasMessageContaining("changed since you read it");
    // An editor that writes without the lock between our read and our rename.
    String edited = Files.readString(first.file()) + "# edited by hand\n";
    assertThatThrownBy(() -> OutcomeRecorder.record(catalog, OutcomeUpdate.builder("r")
        .status("aborted").build(), f -> write(f, edited)))
        .hasMessageContaining("was changed by another program");
    assertThat(Files.readString(first.file())).isEqualTo(edited);
    assertThat(reload("r").outcome().status()).isEqualTo("success");
  }

  @Test
  void concurrentWritersLoseNoUpdate() throws Exception {
    OutcomeRecorder.record(catalog, fresh("busy").build());
    int writers = 8;
    int each = 5;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < each; i++) {
          OutcomeRecorder.record(catalog, OutcomeUpdate.builder("busy").status("incident")
              .addIncident(new Incident("sev3", "lock-contention", writer * 100 + i,
                  "writer " + writer + " entry " + i)).build());
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    List<Incident> incidents = reload("busy").outcome().incidents();
    assertThat(incidents).hasSize(writers * each);
    assertThat(incidents.stream().map(Incident::minutes).distinct().count())
        .isEqualTo(writers * each);
  }

  private static void write(Path f, String text) {
    try {
      Files.writeString(f, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
