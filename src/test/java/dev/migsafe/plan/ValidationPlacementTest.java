package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.Migsafe;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which validations a playbook carries and when they run: each one is checked against the
 * schema at its phase, a precondition the recipe repairs in phase C is checked after it, one
 * thing is checked once, and a scan of a large table states its cost and its key-range form.
 * Plans come from the shipped recipe library and this repository's catalog.
 */
class ValidationPlacementTest {
  @TempDir Path dir;

  private Plan plan(String current, String target, String tables, String invariants)
      throws IOException {
    Path packet = dir.resolve("packet.yaml");
    Files.writeString(packet, """
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: validations-under-test
        owner: team-orders
        reviewers: [dba-oncall]
        dialect: postgresql
        engineVersion: "15"
        schema:
          current: |
        %s
          target: |
        %s
        tables:
        %s
        traffic:
          timezone: UTC
          peakWindows: [{days: [mon, tue, wed, thu, fri], from: "08:00", to: "20:00"}]
        constraints: {maxLockWait: 2s, maxStatementTime: 60s}
        invariants:
        %s
        """.formatted(indent(current, 4), indent(target, 4), indent(tables, 2),
        indent(invariants, 2)));
    return Migsafe.builder().build().plan(packet,
        new PlanOptions(LocalDateTime.parse("2026-12-01T10:00"), null));
  }

  private static String indent(String text, int n) {
    return text.strip().indent(n).stripTrailing();
  }

  private static Plan.Validation validation(Plan plan, String id) {
    return plan.validations().stream().filter(v -> v.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no validation " + id + " in "
            + plan.validations().stream().map(Plan.Validation::id).toList()));
  }

  private static List<Plan.PlanFinding> leftOut(Plan plan) {
    return plan.findings().stream()
        .filter(f -> f.rule().equals("plan-validation-left-out")).toList();
  }

  @Test
  void aTextColumnGetsNoNumericRangeCheck() throws IOException {
    Plan plan = plan(
        "CREATE TABLE orders (id bigint PRIMARY KEY, code text);",
        "CREATE TABLE orders (id bigint PRIMARY KEY, code integer);",
        "orders: {rows: 1000, sizeGb: 0.001}", "[]");
    assertThat(plan.validations()).extracting(Plan.Validation::id)
        .noneMatch(id -> id.startsWith("range-"));
    assertThat(plan.validations()).noneMatch(v -> v.sql().contains("2147483647"));
    assertThat(leftOut(plan)).anySatisfy(f -> {
      assertThat(f.severity().id()).isEqualTo("info");
      assertThat(f.changeId()).isEqualTo("c1");
      assertThat(f.message()).contains("range-fits-integer-c1")
          .contains("numeric").contains("orders.code is text before the first step");
    });
  }

  @Test
  void aValidationOnATableCreatedInPhaseAIsNotBefore() throws IOException {
    Plan plan = plan("""
        CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2));
        """, """
        CREATE TABLE currencies (id bigint PRIMARY KEY, code text NOT NULL);
        CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2),
          currency_id bigint REFERENCES currencies (id));
        """, "orders: {rows: 1000, sizeGb: 0.001}", """
        - id: currencies-have-codes
          description: every currency has its code
          sql: SELECT count(*) FROM currencies WHERE code IS NULL
          expect: 0
          phase: always
        """);
    assertThat(plan.changes()).extracting(c -> c.kind())
        .contains("create-table", "add-column", "add-foreign-key");
    assertThat(plan.validations())
        .filteredOn(v -> v.sql().contains("currencies") || v.sql().contains("currency_id"))
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v.phase()).isNotIn("before", "always"));
    assertThat(plan.validations()).extracting(Plan.Validation::id)
        .doesNotContain("currencies-have-codes");
    assertThat(leftOut(plan)).anySatisfy(f -> assertThat(f.message())
        .contains("currencies-have-codes")
        .contains("table currencies, which does not exist before the first step"));
  }

  @Test
  void aNotNullCheckWaitsForTheBackfillOfPhaseC() throws IOException {
    Plan plan = plan(
        "CREATE TABLE orders (id bigint PRIMARY KEY, currency text DEFAULT 'EUR');",
        "CREATE TABLE orders (id bigint PRIMARY KEY, currency text NOT NULL DEFAULT 'EUR');",
        "orders: {rows: 1000, sizeGb: 0.001}", "[]");
    // Phase C fills the NULLs (a batched UPDATE with a default, the owner's values without one).
    assertThat(plan.phases().get(2).steps()).anyMatch(s -> "c1".equals(s.changeId())
        && (s.batched() || s.action() != null && s.action().contains("IS NULL")));
    Plan.Validation noNulls = validation(plan, "c1-no-nulls");
    assertThat(noNulls.phase()).isEqualTo("after-backfill");
    assertThat(noNulls.description()).contains("after phase C");
    assertThat(plan.validations()).filteredOn(v -> v.sql().toLowerCase(Locale.ROOT)
        .replace("\"", "").contains("where currency is null"))
        .allSatisfy(v -> assertThat(v.phase()).isNotEqualTo("before"));
  }

  @Test
  void oneThingIsCheckedOnceByItsMostSpecificValidation() throws IOException {
    Plan plan = plan(
        "CREATE TABLE orders (id bigint PRIMARY KEY, currency text DEFAULT 'EUR');",
        "CREATE TABLE orders (id bigint PRIMARY KEY, currency text NOT NULL DEFAULT 'EUR');",
        "orders: {rows: 1000, sizeGb: 0.001}", """
        - id: every-order-has-currency
          description: no order without a currency
          sql: SELECT count(*) FROM  Orders WHERE "currency"   IS NULL
          expect: 0
          phase: after-backfill
        """);
    // The invariant, the generated check and the catalog's template all count the NULLs.
    assertThat(plan.validations()).filteredOn(v -> v.sql().toLowerCase(Locale.ROOT)
        .replace("\"", "").replaceAll("\\s+", " ").contains("where currency is null"))
        .singleElement().satisfies(v -> {
          assertThat(v.id()).isEqualTo("every-order-has-currency");
          assertThat(v.description()).contains("also covers c1-no-nulls, "
              + "null-count-before-not-null-c1");
        });
    // The generated check that the column rejects NULL and the template that says the same.
    assertThat(plan.validations()).extracting(Plan.Validation::id).contains("c1-schema")
        .doesNotContain("column-not-nullable-c1");
    assertThat(validation(plan, "c1-schema").description())
        .contains("also covers column-not-nullable-c1");
    // The same template applied to two changes is one query, not two.
    Plan two = plan(
        "CREATE TABLE orders (id bigint PRIMARY KEY, a text, b text);",
        "CREATE TABLE orders (id bigint PRIMARY KEY, b text, c text);",
        "orders: {rows: 1000, sizeGb: 0.001}", "[]");
    assertThat(two.validations()).filteredOn(v -> v.id().startsWith("no-long-transactions"))
        .hasSize(1);
  }

  @Test
  void aScanOfALargeTableStatesItsCostAndItsKeyRangeForm() throws IOException {
    Plan plan = plan(
        "CREATE TABLE orders (id bigint PRIMARY KEY, currency text, buyer text);",
        "CREATE TABLE orders (id bigint PRIMARY KEY, currency text, buyer text);",
        "orders: {rows: 1200000000, sizeGb: 610, writesPerSecond: 1400}", """
        - id: currency-is-iso
          sql: SELECT count(*) FROM orders o WHERE o.currency !~ '^[A-Z]{3}$'
          expect: 0
        - id: one-currency-per-buyer
          sql: SELECT count(*) FROM (SELECT buyer FROM orders GROUP BY buyer HAVING count(DISTINCT currency) > 1) d
          expect: 0
        - id: small-enough
          sql: SELECT count(*) FROM pg_class
          expect: {min: 1}
        """);
    Plan.Validation iso = validation(plan, "currency-is-iso");
    Plan.Scan scan = iso.scan();
    assertThat(scan.tables()).containsExactly("orders");
    assertThat(scan.rows()).isEqualTo(1_200_000_000L);
    // 610 GB at 200 MB/s, slowed by 1,400 writes/s (1 + 1400 / 2000): about 88 minutes.
    assertThat(scan.estimatedDuration().toMinutes()).isEqualTo(88);
    assertThat(iso.description()).contains("reads 1,200,000,000 rows of orders, about 88 min")
        .contains("120 ranges of 10,000,000 id values");
    assertThat(scan.key()).isEqualTo("id");
    assertThat(scan.chunkSize()).isEqualTo(10_000_000L);
    assertThat(scan.chunks()).isEqualTo(120L);
    assertThat(scan.chunkedSql()).isEqualTo("SELECT count(*) FROM orders o WHERE "
        + "(o.currency !~ '^[A-Z]{3}$') AND o.\"id\" BETWEEN :lo AND :hi");
    assertThat(PlanOutputTest.parses(scan.chunkedSql())).isTrue();

    Plan.Validation grouped = validation(plan, "one-currency-per-buyer");
    assertThat(grouped.scan().chunkedSql()).isNull();
    assertThat(grouped.scan().note()).contains("subquery");
    assertThat(grouped.description()).contains("cannot be split by key");

    assertThat(validation(plan, "small-enough").scan()).isNull();
  }
}
