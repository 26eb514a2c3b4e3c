package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.Migsafe;
import dev.migsafe.api.LockMode;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import dev.migsafe.internal.plan.ThroughputModel;
import dev.migsafe.internal.render.PlanHtmlRenderer;
import dev.migsafe.internal.render.PlanJsonRenderer;
import dev.migsafe.internal.render.PlanMarkdownRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Why this recipe": each change states its direct statement, what the lint machinery and the
 * duration model say it would do on the packet's table, and why the recipe instead. The
 * figures are computed, so they follow the table and the engine version.
 */
class RecipeRationaleTest {
  @TempDir Path dir;

  static Plan plan(Path packet) {
    return Migsafe.builder().build().plan(packet,
        new PlanOptions(LocalDateTime.parse("2026-12-07T09:00"), null));
  }

  static Plan example(String name) {
    return plan(Path.of("examples", name, "packet.yaml"));
  }

  private static Plan.Rationale only(Plan plan) {
    assertThat(plan.rationale()).hasSize(plan.changes().size());
    return plan.rationale().get(0);
  }

  @Test
  void aRenameIsCatalogOnlyButBreaksItsReaders() {
    Plan.Rationale r = only(example("plan-rename-column"));
    assertThat(r.changeId()).isEqualTo("c1");
    assertThat(r.recipe()).isEqualTo("rename-column");
    assertThat(r.directSql()).isEqualTo(
        "ALTER TABLE \"payments\" RENAME COLUMN \"psp_reference\" TO \"provider_reference\"");
    assertThat(r.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
    assertThat(r.rewritesTable()).isFalse();
    assertThat(r.scansTable()).isFalse();
    assertThat(r.estimatedDuration()).isEqualTo(Duration.ofMillis(100));
    assertThat(r.why()).startsWith("RENAME COLUMN is catalog-only (ACCESS EXCLUSIVE on "
        + "\"payments\", est. 100ms)").contains("breaks every reader", "\"psp_reference\"",
            "keeps both columns");
  }

  @Test
  void anIntegerKeyTypeChangeRewritesUnderAccessExclusiveForHours() {
    Plan.Rationale r = only(example("plan-int-to-bigint-key"));
    assertThat(r.recipe()).isEqualTo("change-type-primary-key");
    assertThat(r.directSql()).isEqualTo(
        "ALTER TABLE \"ledger_entries\" ALTER COLUMN \"id\" TYPE bigint");
    assertThat(r.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
    assertThat(r.rewritesTable()).isTrue();
    // The model's rewrite of 410 GB at 2100 writes/s, as for any step of the playbook.
    ThroughputModel m = ThroughputModel.DEFAULT;
    double seconds = m.catalogChangeSeconds() + 410 * 1024 / m.rewriteMbPerSecond()
        * (1 + 2100.0 / 2000);
    assertThat(r.estimatedDuration().toMillis()).isEqualTo(Math.round(seconds * 1000));
    assertThat(r.why()).startsWith("TYPE bigint rewrites \"ledger_entries\" (est. 3h 59m) under "
        + "ACCESS EXCLUSIVE, blocking reads and writes; the recipe copies");
  }

  @Test
  void textToAnEnumIsWrittenWithTheUsingClauseItNeeds() {
    // Without USING, PostgreSQL refuses: text has no assignment cast to an enum.
    Plan plan = example("plan-text-to-enum");
    Plan.Rationale r = plan.rationale().stream().filter(x -> x.directSql() != null
        && x.directSql().contains(" ALTER COLUMN ")).findFirst().orElseThrow();
    assertThat(r.directSql()).isEqualTo("ALTER TABLE \"shipments\" ALTER COLUMN \"status\" "
        + "TYPE shipment_status USING \"status\"::shipment_status");
    assertThat(r.rewritesTable()).isTrue();
  }

  @Test
  void setNotNullScansTheTableUnderAccessExclusive() {
    Plan.Rationale r = only(example("plan-not-null-big-table"));
    assertThat(r.directSql()).isEqualTo(
        "ALTER TABLE \"orders\" ALTER COLUMN \"currency\" SET NOT NULL");
    assertThat(r.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
    assertThat(r.scansTable()).isTrue();
    assertThat(r.rewritesTable()).isFalse();
    assertThat(r.estimatedDuration()).isGreaterThan(Duration.ofHours(1));
    assertThat(r.why()).startsWith("SET NOT NULL scans \"orders\" (est. ");
  }

  @Test
  void aForeignKeyWithoutNotValidLocksBothTablesAgainstWrites() {
    Plan.Rationale r = only(example("plan-add-foreign-key"));
    assertThat(r.directSql()).contains("FOREIGN KEY").doesNotContain("NOT VALID");
    assertThat(r.lock()).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
    assertThat(r.locks()).extracting(l -> l.table()).contains("order_items", "products");
    assertThat(r.why()).contains("on \"order_items\" and \"products\", blocking writes");
  }

  @Test
  void aSafeDirectStatementIsSaidToBeSafe() throws IOException {
    Plan.Rationale r = only(plan(packet("16", "text")));
    assertThat(r.recipe()).isEqualTo("add-column-nullable");
    assertThat(r.directSql()).isEqualTo("ALTER TABLE \"orders\" ADD COLUMN \"note\" text");
    assertThat(r.rewritesTable()).isFalse();
    assertThat(r.scansTable()).isFalse();
    assertThat(r.why()).startsWith("ADD COLUMN is catalog-only").contains("safe as it stands");
  }

  /** The same statement judged on two engine versions: the facts come from the lint rules. */
  @Test
  void theFactsFollowTheEngineVersion() throws IOException {
    Plan.Rationale on16 = only(plan(packet("16", "text DEFAULT 'none'")));
    Plan.Rationale on10 = only(plan(packet("10", "text DEFAULT 'none'")));
    assertThat(on16.directSql()).isEqualTo(on10.directSql())
        .isEqualTo("ALTER TABLE \"orders\" ADD COLUMN \"note\" text DEFAULT 'none'");
    assertThat(on16.rewritesTable()).isFalse();
    assertThat(on10.rewritesTable()).isTrue();
    assertThat(on10.estimatedDuration()).isGreaterThan(on16.estimatedDuration());
    assertThat(on10.why()).startsWith("ADD COLUMN rewrites \"orders\"");
  }

  @Test
  void everyFormatShowsTheRationale() throws IOException {
    Plan plan = example("plan-rename-column");
    JsonNode json = new ObjectMapper().readTree(PlanJsonRenderer.render(plan));
    JsonNode r = json.path("changes").get(0).path("rationale");
    assertThat(r.path("directSql").asText()).contains("RENAME COLUMN");
    assertThat(r.path("lock").asText()).isEqualTo("ACCESS EXCLUSIVE");
    assertThat(r.path("rewritesTable").asBoolean()).isFalse();
    assertThat(r.path("estimatedDuration").asText()).isEqualTo("PT0.1S");
    assertThat(r.path("why").asText()).contains("keeps both columns");
    assertThat(PlanMarkdownRenderer.render(plan)).contains("## Why these recipes",
        "RENAME COLUMN \"psp_reference\" TO \"provider_reference\";");
    assertThat(PlanHtmlRenderer.render(plan)).contains("<h2>Why these recipes</h2>");
  }

  private Path packet(String version, String column) throws IOException {
    Path p = dir.resolve("add-" + version + "-" + column.length() + ".yaml");
    Files.writeString(p, """
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: orders-note
        title: orders.note
        owner: team-x
        reviewers: [dba]
        dialect: postgresql
        engineVersion: "%s"
        schema:
          current: |
            CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
          target: |
            CREATE TABLE orders (id bigint PRIMARY KEY, total numeric, note %s);
        tables:
          orders: {rows: 50000000, sizeGb: 20, writesPerSecond: 100, readsPerSecond: 100}
        """.formatted(version, column));
    return p;
  }
}
