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
