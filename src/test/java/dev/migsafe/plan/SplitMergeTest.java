package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migsafe.Migsafe;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A packet's transforms turn drops and adds into a split or a merge that carries the data. */
class SplitMergeTest {
  @TempDir Path dir;

  private Plan plan(String current, String target, String transforms) throws IOException {
    Files.writeString(dir.resolve("current.sql"), current);
    Files.writeString(dir.resolve("target.sql"), target);
    Files.writeString(dir.resolve("packet.yaml"), """
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: split-merge
        owner: team-accounts
        dialect: postgresql
        schema: {current: current.sql, target: target.sql}
        transforms:
        %s
        tables:
          customers: {rows: 20000000, sizeGb: 6, writesPerSecond: 80}
        """.formatted(transforms));
    return Migsafe.builder().build().plan(dir.resolve("packet.yaml"),
        new PlanOptions(LocalDateTime.parse("2026-12-07T09:00"), null));
  }

  @Test
  void aSplitBecomesOneChangeWithItsBackfill() throws IOException {
    Plan plan = plan(
        "CREATE TABLE customers (id bigint PRIMARY KEY, full_name text);",
        "CREATE TABLE customers (id bigint PRIMARY KEY, first_name text, last_name text);",
        "  - {kind: split-column, table: customers, from: full_name, to: [first_name, last_name],"
            + " expression: \"split_part(full_name, ' ', 1), split_part(full_name, ' ', 2)\"}");
    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo("split-column");
      assertThat(c.column()).isEqualTo("full_name");
      assertThat(c.columns()).containsExactly("first_name", "last_name");
    });
    Plan.Step backfill = plan.phases().get(2).steps().stream().filter(Plan.Step::batched)
        .findFirst().orElseThrow();
    assertThat(backfill.sql()).contains("SET (\"first_name\", \"last_name\") = "
        + "(split_part(full_name, ' ', 1), split_part(full_name, ' ', 2))");
    assertThat(PlanOutputTest.parses(backfill.sql())).isTrue();
    assertThat(plan.phases().get(3).steps()).anySatisfy(s -> assertThat(s.pointOfNoReturn())
        .isTrue());
  }

  @Test
  void aMergeBecomesOneChange() throws IOException {
    Plan plan = plan(
        "CREATE TABLE customers (id bigint PRIMARY KEY, first_name text, last_name text);",
        "CREATE TABLE customers (id bigint PRIMARY KEY, full_name text);",
        "  - {kind: merge-column, table: customers, from: [first_name, last_name], to: full_name,"
            + " expression: \"first_name || ' ' || last_name\"}");
    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo("merge-column");
      assertThat(c.to()).isEqualTo("full_name");
    });
  }

  @Test
  void aMergeDropsItsNotNullSourcesInSqlAndReachesTheTarget() throws IOException {
    Plan plan = plan(
        "CREATE TABLE customers (id bigint PRIMARY KEY, first_name text NOT NULL, "
            + "last_name text);",
        "CREATE TABLE customers (id bigint PRIMARY KEY, full_name text);",
        "  - {kind: merge-column, table: customers, from: [first_name, last_name], to: full_name,"
            + " expression: \"first_name || ' ' || last_name\"}");
    List<Plan.Step> d = plan.phases().get(3).steps();
    assertThat(d).filteredOn(s -> s.sql() != null).extracting(Plan.Step::sql)
        .contains("ALTER TABLE \"customers\" ALTER COLUMN \"first_name\" DROP NOT NULL",
            "ALTER TABLE \"customers\" DROP COLUMN \"first_name\", DROP COLUMN \"last_name\"");
    // The NOT NULL goes before the release that stops writing the column.
    int relax = indexOf(d, "DROP NOT NULL");
    int stop = d.indexOf(d.stream().filter(s -> "Stop writing the old columns".equals(s.title()))
        .findFirst().orElseThrow());
    assertThat(relax).isLessThan(stop);
    assertThat(d.get(indexOf(d, "DROP COLUMN")).pointOfNoReturn()).isTrue();
    assertThat(plan.findings()).noneMatch(f -> f.rule().equals("plan-target-not-reached"));
  }

  @Test
  void aSplitOfANotNullColumnLiftsItsNotNullBeforeTheReleaseThatStopsWritingIt()
      throws IOException {
    Plan plan = plan(
        "CREATE TABLE customers (id bigint PRIMARY KEY, full_name text NOT NULL);",
        "CREATE TABLE customers (id bigint PRIMARY KEY, first_name text, last_name text);",
        "  - {kind: split-column, table: customers, from: full_name, to: [first_name, last_name],"
            + " expression: \"split_part(full_name, ' ', 1), split_part(full_name, ' ', 2)\"}");
    List<Plan.Step> d = plan.phases().get(3).steps();
    assertThat(d.get(indexOf(d, "DROP NOT NULL")).sql())
        .isEqualTo("ALTER TABLE \"customers\" ALTER COLUMN \"full_name\" DROP NOT NULL");
    assertThat(plan.findings()).noneMatch(f -> f.rule().equals("plan-target-not-reached"));
  }

  private static int indexOf(List<Plan.Step> steps, String sql) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).sql() != null && steps.get(i).sql().contains(sql)) {
        return i;
      }
    }
    throw new AssertionError("no step runs " + sql + " in " + steps);
  }

  @Test
  void aTransformNamingUnknownColumnsIsBadInput() {
    assertThatThrownBy(() -> plan(
        "CREATE TABLE customers (id bigint PRIMARY KEY, full_name text);",
        "CREATE TABLE customers (id bigint PRIMARY KEY, first_name text, last_name text);",
        "  - {kind: split-column, table: customers, from: fullname, to: [first_name, last_nam],"
            + " expression: \"x, y\"}"))
        .hasMessageContaining("transforms[0].from: 'customers.fullname' is not a column of the "
            + "current schema")
        .hasMessageContaining("'customers.last_nam' is not a column of the target schema");
  }
}
