package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.LockMode;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.Plan;
import dev.migsafe.internal.plan.PacketLoader;
import dev.migsafe.internal.plan.PlanBuilder;
import dev.migsafe.internal.plan.PlanKnowledgeBase;
import dev.migsafe.internal.plan.Recipe;
import dev.migsafe.internal.plan.RecipeLibrary;
import dev.migsafe.internal.plan.ThroughputModel;
import dev.migsafe.internal.plan.TreeDefinition;
import dev.migsafe.internal.plan.TreeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan pipeline on a small, self-contained recipe library, independent of the shipped
 * library's wording: a rename by expand/contract on a large, hot table.
 */
class PlanBuilderTest {
  @TempDir Path dir;

  private static final String RECIPE = """
      id: rename-column
      title: Rename a column with expand/contract
      kinds: [rename-column]
      tree: rename
      compatibility:
        oldAppNewSchema: {compatible: false, reason: "the old application reads {column}"}
        newAppOldSchema: {compatible: false, reason: "the new application reads {to}"}
      steps:
        - phase: A
          title: Add the new column
          sql: ALTER TABLE {table} ADD COLUMN {to} {fromType}
          rollback: ALTER TABLE {table} DROP COLUMN {to}
        - phase: B
          title: Deploy dual-write
          action: Deploy code that writes {column} and {to} and reads {column}.
        - phase: C
          title: Backfill
          backfill: UPDATE {table} SET {to} = {column} WHERE {pk} IN (SELECT {pk} FROM {table} WHERE {to} IS DISTINCT FROM {column} LIMIT {batchSize})
        - phase: D
          title: Drop the old column
          sql: ALTER TABLE {table} DROP COLUMN {column}
          pointOfNoReturn: true
      """;
  private static final String TREE = """
      id: rename
      title: Rename misbehaves
      appliesTo: [rename-column]
      root:
        question: Has the point of no return been passed?
        fact: pointOfNoReturnPassed
        yes: {outcome: forward-fix, timeBound: PT30M, steps: ["Copy {to} back from the audit log."]}
        no: {outcome: rollback, timeBound: PT5M, steps: ["$rollback"]}
      """;
  private static final String SELECTION = """
      package dev.migsafe.plan.recipes;
      import dev.migsafe.internal.plan.PlanChange;
      rule "rename-column"
      when $c : PlanChange(kind == "rename-column", recipe == null)
      then modify($c) { setRecipe("rename-column") }
      end
      """;

  private Plan plan() throws IOException {
    Files.createDirectories(dir.resolve("schema"));
    Files.writeString(dir.resolve("schema/current.sql"),
        "CREATE TABLE orders (id bigint PRIMARY KEY, email text, total numeric(12,2));");
    Files.writeString(dir.resolve("schema/target.sql"),
        "CREATE TABLE orders (id bigint PRIMARY KEY, customer_email text, total numeric(12,2));");
    Path packet = dir.resolve("packet.yaml");
    Files.writeString(packet, """
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: rename-email
        owner: team-payments
        reviewers: [dba-oncall]
        dialect: postgresql
        engineVersion: "15"
        schema: {current: schema/current.sql, target: schema/target.sql}
        renames: [{table: orders, from: email, to: customer_email}]
        tables:
          orders: {rows: 120000000, sizeGb: 48, writesPerSecond: 900}
        traffic:
          timezone: Europe/Berlin
          peakWindows: [{days: [mon, tue, wed, thu, fri], from: "08:00", to: "20:00"}]
        consumers:
          - {service: billing-api, owner: team-billing, reads: [orders.email], acknowledged: false}
          - {service: reports, owner: team-data, reads: [orders.total], acknowledged: false}
        constraints: {maxLockWait: 2s, maxStatementTime: 30s, criticality: high}
        invariants:
          - {id: orders-count, sql: SELECT count(*) FROM orders, expect: {min: 1}}
        """);
    MigrationPacket p = PacketLoader.load(packet);
    List<String> problems = new ArrayList<>();
    Recipe r = RecipeLibrary.parse("rename-column.yaml", RECIPE, problems);
    TreeDefinition t = TreeLibrary.parse("rename.yaml", TREE, problems);
    assertThat(problems).isEmpty();
    TreeLibrary trees = TreeLibrary.of(Map.of("rename", t));
    return new PlanBuilder(PlanKnowledgeBase.of(Map.of("selection.drl", SELECTION)),
        RecipeLibrary.of(Map.of("rename-column", r)), trees, ThroughputModel.DEFAULT,
        LocalDateTime.parse("2026-12-01T10:00")).build(p);
  }

  @Test
  void renameBecomesExpandContractAcrossTheFourPhases() throws IOException {
    Plan plan = plan();
    assertThat(plan.changes()).singleElement().satisfies(c ->
        assertThat(c.kind()).isEqualTo("rename-column"));
    assertThat(plan.phases()).extracting(Plan.Phase::id).containsExactly("A", "B", "C", "D");
    assertThat(plan.phases().get(0).steps().get(0).sql())
        .isEqualTo("SET lock_timeout = '2000ms'");
    Plan.Step add = plan.phases().get(0).steps().get(1);
    assertThat(add.sql()).isEqualTo(
        "ALTER TABLE \"orders\" ADD COLUMN \"customer_email\" text");
    assertThat(add.rollbackSql()).isEqualTo("ALTER TABLE \"orders\" DROP COLUMN \"customer_email\"");
    Plan.Step drop = plan.phases().get(3).steps().get(1);
    assertThat(drop.pointOfNoReturn()).isTrue();
    assertThat(drop.rollbackSql()).isNull();
    assertThat(plan.phases().get(1).steps().get(0).action()).contains("\"customer_email\"");
  }

  @Test
  void risksComeFromTheLintMachineryAndTheWorkload() throws IOException {
    Plan plan = plan();
    Plan.Risk add = plan.risks().get(0);
    assertThat(add.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
    assertThat(add.rewritesTable()).isFalse();
    String batchStep = plan.phases().get(2).steps().stream().filter(Plan.Step::batched)
        .findFirst().orElseThrow().id();
    Plan.Risk backfill = plan.risks().stream().filter(r -> r.stepId().equals(batchStep))
        .findFirst().orElseThrow();
    assertThat(backfill.lock()).isEqualTo(LockMode.ROW_EXCLUSIVE);
    // 120M rows in batches of 5000 at 10k rows/s, slowed by 900 writes/s: hours, not seconds.
    assertThat(backfill.estimatedDuration().toHours()).isGreaterThan(3);
    assertThat(backfill.exceedsMaxStatementTime()).isFalse();
  }

  @Test
  void heavyStepsAvoidPeakTrafficInThePacketsTimeZone() throws IOException {
    Plan plan = plan();
    Plan.Step backfill = plan.phases().get(2).steps().stream().filter(Plan.Step::batched)
        .findFirst().orElseThrow();
    assertThat(backfill.window()).isEqualTo("off-peak");
    // 10:00 on a Tuesday in Berlin is peak: the backfill waits for 20:00.
    assertThat(backfill.scheduledAt().getHour()).isGreaterThanOrEqualTo(20);
    assertThat(backfill.scheduledAt().getZone().getId()).isEqualTo("Europe/Berlin");
  }

  @Test
  void consumersAreAffectedAtColumnGranularity() throws IOException {
    Plan plan = plan();
    assertThat(plan.consumers()).extracting(Plan.ConsumerImpact::service,
        c -> c.affectedBy().size()).containsExactly(
            org.assertj.core.groups.Tuple.tuple("billing-api", 1),
            org.assertj.core.groups.Tuple.tuple("reports", 0));
    assertThat(plan.gates()).filteredOn(g -> g.id().equals("consumers-acknowledged"))
        .singleElement().satisfies(g -> {
          assertThat(g.status()).isEqualTo("blocked");
          assertThat(g.reason()).contains("billing-api").doesNotContain("reports");
        });
  }

  @Test
  void treeRollbackIsTheRecipesOwnRollbackBeforeThePointOfNoReturn() throws IOException {
    Plan plan = plan();
    Plan.DecisionTree t = plan.decisionTrees().get(0);
    assertThat(t.pointOfNoReturn()).isEqualTo("D2");
    assertThat(t.root().no().outcome()).isEqualTo("rollback");
    // Newest first: the backfill's progress table, then the column.
    assertThat(t.root().no().steps()).containsExactly(
        "DROP TABLE IF EXISTS \"migsafe_backfill_orders_email\"",
        "ALTER TABLE \"orders\" DROP COLUMN \"customer_email\"");
    assertThat(t.root().yes().steps()).containsExactly(
        "Copy \"customer_email\" back from the audit log.");
  }

  @Test
  void validationsQuoteIdentifiersAndIncludeInvariants() throws IOException {
    Plan plan = plan();
    assertThat(plan.validations()).extracting(Plan.Validation::id)
        .contains("orders-count", "c1-parity", "c1-schema");
    assertThat(plan.validations()).filteredOn(v -> v.id().equals("c1-parity")).singleElement()
        .satisfies(v -> assertThat(v.sql()).isEqualTo("SELECT count(*) FROM \"orders\" WHERE "
            + "\"customer_email\" IS DISTINCT FROM \"email\""));
    assertThat(plan.gates()).filteredOn(g -> g.id().equals("human-review")).singleElement()
        .satisfies(g -> assertThat(g.reason()).contains("dba-oncall"));
  }
}
