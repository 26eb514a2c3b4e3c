package dev.migsafe.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Catalog;
import dev.migsafe.api.PastMigration;
import dev.migsafe.api.SkippedRecord;
import dev.migsafe.internal.catalog.CatalogLoader;
import dev.migsafe.internal.catalog.CatalogLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict loading: each malformed record is skipped with every problem and its place. */
class CatalogLoaderTest {
  @TempDir Path dir;

  static final String GOOD = """
      apiVersion: migsafe/v1
      kind: PastMigration
      id: good
      title: A good one
      team: team-a
      dialect: postgresql
      engineVersion: "15"
      date: 2026-03-14
      tables: [orders]
      changes: [add-column]
      tableRows: {orders: 1000}
      plannedWindow: PT2H
      actualDuration: PT3H10M
      rollback: {planned: true, tested: true, executed: false}
      outcome:
        status: incident
        incidents:
          - {severity: sev2, cause: lock-contention, minutes: 14, description: queued}
        integrityDefects: 2
        hotfixes:
          - {cause: schema-drift, date: 2026-03-16, description: replica had an old index}
      lessons: |
        Use CHECK NOT VALID.
      """;

  private Path write(String folder, String name, String text) throws IOException {
    Path f = dir.resolve(folder).resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  private Catalog load() {
    return CatalogLoader.load(new CatalogLocation(dir)).catalog();
  }

  @Test
  void aGoodRecordLoadsWithEveryField() throws IOException {
    write("migrations", "good.yaml", GOOD);
    Catalog c = load();
    assertThat(c.skipped()).isEmpty();
    PastMigration m = c.migration("good").orElseThrow();
    assertThat(m.date()).isEqualTo(LocalDate.of(2026, 3, 14));
    assertThat(m.engineVersion()).isEqualTo("15");
    assertThat(m.tableRows()).containsEntry("orders", 1000L);
    assertThat(m.plannedWindow()).isEqualTo(Duration.ofHours(2));
    assertThat(m.overran()).isTrue();
    assertThat(m.rollback().tested()).isTrue();
    assertThat(m.outcome().integrityDefects()).isEqualTo(2);
    assertThat(m.outcome().incidents()).singleElement()
        .isEqualTo(new PastMigration.Incident("sev2", "lock-contention", 14, "queued"));
    assertThat(m.outcome().hotfixes().get(0).date()).isEqualTo(LocalDate.of(2026, 3, 16));
  }

  @Test
  void aMalformedRecordIsSkippedWithEveryProblemAndTheRestLoads() throws IOException {
    write("migrations", "good.yaml", GOOD);
    write("migrations", "bad.yaml", GOOD.replace("id: good", "id: not-bad")
        .replace("team: team-a", "team: team-a\nowner: x")
        .replace("date: 2026-03-14", "date: 2026-02-30")
        .replace("changes: [add-column]", "changes: [add-colum]")
        .replace("PT2H", "2 hours")
        .replace("minutes: 14", "minutes: -3")
        .replace("sev2", "critical"));
    Catalog c = load();
    assertThat(c.migrations()).extracting(PastMigration::id).containsExactly("good");
    SkippedRecord s = c.skipped().get(0);
    String f = dir.resolve("migrations/bad.yaml").toString();
    assertThat(s.file()).isEqualTo(f);
    assertThat(s.problems()).containsExactly(
        f + ":3:5: id: 'not-bad' must equal the file name 'bad'",
        f + ":6:1: owner: unknown field (known: actualDuration, apiVersion, changes, date, "
            + "dialect, engineVersion, id, kind, lessons, outcome, plannedWindow, rollback, sql, "
            + "summary, tableRows, tables, team, title)",
        f + ":9:7: date: '2026-02-30' is not a date (YYYY-MM-DD)",
        f + ":11:11: changes[0]: 'add-colum' is not one of the change kinds ("
            + dev.migsafe.internal.model.ChangeKind.catalogListed() + ")",
        f + ":13:16: plannedWindow: '2 hours' is not an ISO-8601 duration such as PT2H or PT3H10M",
        f + ":19:18: outcome.incidents[0].severity: 'critical' is not a severity (sev1 to sev5)",
        f + ":19:61: outcome.incidents[0].minutes: -3 must not be negative");
    assertThat(s.reason()).startsWith("id: 'not-bad' must equal");
  }

  @Test
  void headerTagsDuplicatesAndInvalidYamlAreProblems() throws IOException {
    write("migrations", "tagged.yaml", GOOD.replace("id: good", "id: tagged")
        .replace("title: A good one", "title: !!python/object:os.system echo"));
    write("migrations", "local.yaml", GOOD.replace("id: good", "id: local")
        .replace("title: A good one", "title: !custom A good one"));
    write("migrations", "twice.yaml", GOOD.replace("id: good", "id: twice")
        .replace("team: team-a", "team: team-a\nteam: team-b"));
    write("migrations", "broken.yaml", "apiVersion: [unclosed\n");
    write("migrations", "wrongkind.yaml", GOOD.replace("id: good", "id: wrongkind")
        .replace("kind: PastMigration", "kind: ValidationTemplate"));
    write("migrations", "notes.yml", "x: 1\n");
    write("migrations", "empty.yaml", "");
    write("migrations", "list.yaml", "- a\n- b\n");
    Catalog c = load();
    assertThat(c.migrations()).isEmpty();
    assertThat(c.skipped()).extracting(SkippedRecord::reason).containsExactly(
        "not valid YAML: expected ',' or ']', but got <stream end>",
        "the file is empty; expected a PastMigration record",
        "must be a mapping with the fields of a PastMigration",
        "title: the tag !custom is not allowed in the catalog",
        "not a catalog record: record files end in .yaml",
        "not valid YAML: Global tag is not allowed: tag:yaml.org,2002:python/object:os.system",
        "team: is given twice",
        "kind: 'ValidationTemplate' must be PastMigration in this folder");
  }

  @Test
  void consistencyBetweenFieldsIsChecked() throws IOException {
    write("migrations", "c.yaml", GOOD.replace("id: good", "id: c")
        .replace("tableRows: {orders: 1000}", "tableRows: {invoices: 1000}")
        .replace("rollback: {planned: true", "rollback: {planned: false")
        .replace("    - {severity: sev2, cause: lock-contention, minutes: 14, description: queued}\n",
            "")
        .replace("  incidents:\n", "  incidents: []\n"));
    List<String> problems = load().skipped().get(0).problems();
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).endsWith("tableRows.invoices: 'invoices' is not listed in tables");
    assertThat(problems.get(1)).endsWith(
        "rollback.tested: a rollback cannot be tested when none was planned");
    assertThat(problems.get(2)).endsWith(
        "outcome.status: is incident but outcome.incidents lists none");
  }

  @Test
  void templatesAreCheckedForPlaceholdersAndParsing() throws IOException {
    String t = """
        apiVersion: migsafe/v1
        kind: ValidationTemplate
        id: %s
        appliesTo: [add-foreign-key]
        phase: before
        description: d
        sql: %s
        expect: 0
        """;
    write("validations", "ok.yaml", t.formatted("ok", "SELECT count(*) FROM {{table}}"));
    write("validations", "quoted.yaml", t.formatted("quoted",
        "SELECT count(*) FROM \"{{ table}\""));
    write("validations", "two.yaml", t.formatted("two", "SELECT 1; DROP TABLE x"));
    write("validations", "noparse.yaml", t.formatted("noparse", "SELEKT 1"));
    Catalog c = load();
    assertThat(c.validations()).extracting(v -> v.id()).containsExactly("ok");
    assertThat(c.skipped()).hasSize(3);
    assertThat(String.join("\n", c.skipped().get(1).problems()))
        .contains("is not a placeholder; write {{name}} for an identifier");
    assertThat(c.skipped().get(0).reason()).startsWith("sql: does not parse as postgresql");
    assertThat(c.skipped().get(2).reason()).startsWith("sql: does not parse as postgresql");
  }

  @Test
  void typeRulesAndKindsOfTemplatesAreCheckedWithTheirPlaces() throws IOException {
    write("validations", "typed.yaml", """
        apiVersion: migsafe/v1
        kind: ValidationTemplate
        id: typed
        appliesTo: [change-type]
        phase: before
        description: d
        sql: SELECT count(*) FROM {{table}} WHERE {{column}} < 0
        expect: 0
        checks: no-violations
        columnTypes:
          column: [numeric]
          dataType: [smallint, INT4]
        """);
    write("validations", "mistyped.yaml", """
        apiVersion: migsafe/v1
        kind: ValidationTemplate
        id: mistyped
        appliesTo: [change-type]
        phase: before
        description: d
        sql: SELECT count(*) FROM {{table}} WHERE {{column}} < 0
        expect: 0
        checks: no-negatives
        columnTypes:
          column: [numeric, texty]
          newColumn: [string]
          colour: [string]
          dataType: []
        """);
    Catalog c = load();
    assertThat(c.validations()).singleElement().satisfies(t -> {
      assertThat(t.id()).isEqualTo("typed");
      assertThat(t.checks()).isEqualTo(dev.migsafe.api.CheckKind.NO_VIOLATIONS);
      assertThat(t.columnTypes()).extracting(r -> r.placeholder())
          .containsExactly("column", "dataType");
      assertThat(t.columnTypes().get(0).categories())
          .containsExactly(dev.migsafe.api.TypeCategory.NUMERIC);
      assertThat(t.columnTypes().get(1).types()).containsExactlyInAnyOrder("smallint",
          "integer");
    });
    String file = dir.resolve("validations/mistyped.yaml").toString();
    assertThat(c.skipped()).singleElement().satisfies(s -> assertThat(s.problems())
        .containsExactly(
            file + ":9:9: checks: 'no-negatives' is not one of column-exists, column-gone, "
                + "column-not-null, column-type, constraint-exists, constraint-validated, "
                + "copy-parity, index-exists, index-valid, no-duplicates, no-nulls, no-orphans, "
                + "no-violations, table-exists, table-gone",
            file + ":11:21: columnTypes.column[1]: 'texty' is neither a type category "
                + "(numeric, string, datetime, timespan, boolean, enum, uuid, json, network, "
                + "bitstring, binary, array, other) nor a built-in type such as integer",
            file + ":12:14: columnTypes.newColumn: the sql has no placeholder {{newColumn}} to "
                + "constrain",
            file + ":13:3: columnTypes.colour: unknown field (known: childColumn, column, "
                + "dataType, firstColumn, key, lowerColumn, newColumn, refColumn, "
                + "secondColumn, targetColumn)",
            file + ":14:13: columnTypes.dataType: must name at least one type category or "
                + "type"));
  }

  @Test
  void aTemplateThatWouldChangeDataIsRefused() throws IOException {
    // Templates arrive through pull requests and run in rehearsals: one read-only query only.
    write("validations", "writes.yaml", """
        apiVersion: migsafe/v1
        kind: ValidationTemplate
        id: writes
        appliesTo: [add-foreign-key]
        phase: before
        description: d
        sql: WITH gone AS (DELETE FROM {{table}} RETURNING 1) SELECT count(*) FROM gone
        expect: 0
        dialects: [postgresql]
        """);
    Catalog c = load();
    assertThat(c.validations()).isEmpty();
    assertThat(c.skipped()).singleElement().satisfies(s ->
        assertThat(s.reason()).contains("must not change data in a WITH clause"));
  }
}
