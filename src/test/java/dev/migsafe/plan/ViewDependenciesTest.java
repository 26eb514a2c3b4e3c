package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.api.Plan;
import dev.migsafe.cli.Main;
import dev.migsafe.internal.plan.PlaybookReplay;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import dev.migsafe.testing.TestPackets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column change under a view: PostgreSQL refuses {@code ALTER COLUMN TYPE} and {@code DROP
 * COLUMN} on a column a view reads, so the playbook drops the views and creates them again,
 * with their grants, around the change in one transaction; indexes on a column to be dropped
 * are dropped concurrently first.
 */
class ViewDependenciesTest {
  @TempDir Path tmp;

  private static JsonNode plan(Path packet) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), "plan", packet.toString(),
        "--format", "json", "--start", "2026-12-07T01:00");
    assertThat(exit).as(err.toString()).isIn(0, 1);
    return new ObjectMapper().readTree(out.toString());
  }

  private static List<JsonNode> steps(JsonNode plan) {
    List<JsonNode> out = new ArrayList<>();
    plan.path("phases").forEach(ph -> ph.path("steps").forEach(out::add));
    return out;
  }

  private static List<String> sql(JsonNode plan) {
    return steps(plan).stream().filter(s -> s.hasNonNull("sql"))
        .map(s -> s.path("sql").asText().replaceAll("\\s+", " ")).toList();
  }

  private static List<String> findings(JsonNode plan, String rule) {
    List<String> out = new ArrayList<>();
    plan.path("findings").forEach(f -> {
      if (f.path("rule").asText().equals(rule)) {
        out.add(f.path("message").asText());
      }
    });
    return out;
  }

  @Test
  void aWideningUnderTwoViewsRebuildsThemInOneTransactionWithTheirGrants() throws Exception {
    JsonNode plan = plan(Path.of("examples/plan-numeric-under-view/packet.yaml"));
    assertThat(plan.path("changes").get(0).path("recipe").asText(""))
        .isIn("", "change-type-in-place");
    assertThat(sql(plan)).containsSubsequence(
        "BEGIN",
        "DROP VIEW \"invoice_large\"",
        "DROP VIEW \"invoice_revenue\"",
        "ALTER TABLE \"invoices\" ALTER COLUMN \"amount\" TYPE numeric(14,2)",
        "CREATE VIEW \"invoice_revenue\" AS SELECT date_trunc('month', i.issued_at) AS month,"
            + " i.currency, sum(i.amount) AS revenue, count(*) AS invoices FROM invoices i"
            + " GROUP BY 1, 2",
        "GRANT SELECT ON \"invoice_revenue\" TO PUBLIC",
        "CREATE VIEW \"invoice_large\" AS SELECT i.id, i.customer_id, i.currency, i.amount,"
            + " r.revenue AS month_revenue FROM invoices i JOIN invoice_revenue r ON r.month ="
            + " date_trunc('month', i.issued_at) AND r.currency = i.currency WHERE i.amount >="
            + " 10000",
        "GRANT SELECT ON \"invoice_large\" TO PUBLIC",
        "COMMIT");
    List<JsonNode> steps = steps(plan);
    JsonNode commit = steps.stream().filter(s -> "COMMIT".equals(s.path("sql").asText()))
        .findFirst().orElseThrow();
    assertThat(commit.path("pointOfNoReturn").asBoolean()).isTrue();
    assertThat(steps.stream().filter(s -> s.path("pointOfNoReturn").asBoolean())).hasSize(1);
    JsonNode dropRevenue = steps.stream()
        .filter(s -> "DROP VIEW \"invoice_revenue\"".equals(s.path("sql").asText()))
        .findFirst().orElseThrow();
    assertThat(dropRevenue.path("rollbackSql").asText()).startsWith(
        "CREATE OR REPLACE VIEW \"invoice_revenue\" AS SELECT date_trunc")
        .endsWith(";\nGRANT SELECT ON \"invoice_revenue\" TO PUBLIC");
    assertThat(findings(plan, "plan-target-not-reached")).isEmpty();
  }

  @Test
  void aDroppedColumnLosesItsIndexConcurrentlyAndItsViewsAreRecreatedAsTheTargetSays()
      throws Exception {
    JsonNode plan = plan(packet("""
        CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, legacy_code text);
        CREATE INDEX accounts_legacy_code_idx ON accounts (legacy_code);
        CREATE UNIQUE INDEX accounts_email_legacy_idx ON accounts (email, legacy_code);
        CREATE VIEW "Account List" AS SELECT id, email, legacy_code FROM accounts;
        GRANT SELECT ON "Account List" TO PUBLIC;
        """, """
        CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);
        CREATE VIEW "Account List" AS SELECT id, email FROM accounts;
        GRANT SELECT ON "Account List" TO PUBLIC;
        """, ""));
    assertThat(sql(plan)).containsSubsequence(
        "DROP INDEX CONCURRENTLY IF EXISTS \"accounts_legacy_code_idx\"",
        "BEGIN",
        "DROP VIEW \"Account List\"",
        "ALTER TABLE \"accounts\" DROP COLUMN \"legacy_code\"",
        "CREATE VIEW \"Account List\" AS SELECT id, email FROM accounts",
        "GRANT SELECT ON \"Account List\" TO PUBLIC",
        "COMMIT");
    assertThat(sql(plan)).contains(
        "DROP INDEX CONCURRENTLY IF EXISTS \"accounts_email_legacy_idx\"");
    JsonNode dropIndex = steps(plan).stream().filter(s -> s.path("sql").asText()
        .equals("DROP INDEX CONCURRENTLY IF EXISTS \"accounts_legacy_code_idx\"")).findFirst()
        .orElseThrow();
    assertThat(dropIndex.path("rollbackSql").asText()).isEqualTo(
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"accounts_legacy_code_idx\" ON \"accounts\""
            + " (\"legacy_code\")");
    assertThat(steps(plan)).noneMatch(s -> s.path("action").asText("").contains(
        "DROP INDEX CONCURRENTLY"));
    // The index goes with its column's change: no drop-index change drops it a second time.
    assertThat(plan.path("changes").findValuesAsText("kind")).containsExactly("drop-column");
    assertThat(sql(plan)).filteredOn(s -> s.contains("\"accounts_legacy_code_idx\""))
        .hasSize(1);
    assertThat(findings(plan, "plan-target-not-reached")).isEmpty();
  }

  @Test
  void aRenamedColumnSwitchesItsViewToTheNewColumnWhenTheOldOneIsDropped() throws Exception {
    JsonNode plan = plan(packet("""
        CREATE TABLE accounts (id bigint PRIMARY KEY, psp_ref text);
        CREATE VIEW account_refs AS SELECT id, psp_ref FROM accounts;
        """, """
        CREATE TABLE accounts (id bigint PRIMARY KEY, provider_ref text);
        CREATE VIEW account_refs AS SELECT id, provider_ref AS psp_ref FROM accounts;
        """, "renames: [{table: accounts, from: psp_ref, to: provider_ref}]\n"));
    assertThat(sql(plan)).containsSubsequence(
        "BEGIN",
        "DROP VIEW \"account_refs\"",
        "ALTER TABLE \"accounts\" DROP COLUMN \"psp_ref\"",
        "CREATE VIEW \"account_refs\" AS SELECT id, provider_ref AS psp_ref FROM accounts",
        "COMMIT");
    assertThat(findings(plan, "plan-target-not-reached")).isEmpty();
  }

  @Test
  void aViewAColumnChangeDoesNotTouchIsLeftAlone() throws Exception {
    JsonNode plan = plan(packet("""
        CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, legacy_code text);
        CREATE VIEW emails AS SELECT id, email FROM accounts;
        """, """
        CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);
        CREATE VIEW emails AS SELECT id, email FROM accounts;
        """, ""));
    assertThat(sql(plan)).noneMatch(s -> s.contains("VIEW") || s.equals("BEGIN"));
    assertThat(findings(plan, "plan-target-not-reached")).isEmpty();
  }

  /** The replay sees what a playbook leaves of the target's views. */
  @Test
  void theReplayReportsAViewNeverCreatedAgainOrLeftWithoutItsGrants() {
    String table = "CREATE TABLE t (id bigint PRIMARY KEY, a numeric(10,2));\n";
    Schema target = SchemaReader.read(table + """
        CREATE VIEW v AS SELECT id, a FROM t;
        GRANT SELECT ON v TO reporting;
        CREATE VIEW w AS SELECT id FROM t;
        """);
    Schema replayed = SchemaReader.read(table + """
        CREATE VIEW w AS SELECT id, a FROM t;
        CREATE VIEW x AS SELECT id FROM t;
        """);
    assertThat(PlaybookReplay.differences(replayed, target))
        .extracting(Plan.TargetDifference::kind, Plan.TargetDifference::object)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("missing-view", "v"),
            org.assertj.core.groups.Tuple.tuple("view-definition", "w"),
            org.assertj.core.groups.Tuple.tuple("extra-view", "x"));
    SchemaReader.apply(replayed, "CREATE VIEW v AS SELECT id, a FROM t");
    assertThat(PlaybookReplay.differences(replayed, target))
        .extracting(Plan.TargetDifference::kind, Plan.TargetDifference::reason)
        .contains(org.assertj.core.groups.Tuple.tuple("view-grants",
            "the playbook leaves v granted nothing instead of SELECT to reporting"));
  }

  private Path packet(String current, String target, String extra) throws Exception {
    return TestPackets.write(tmp, current, target, extra + "tables:\n"
        + "  accounts: {rows: 2000000, sizeGb: 1, writesPerSecond: 20, readsPerSecond: 200}\n");
  }
}
