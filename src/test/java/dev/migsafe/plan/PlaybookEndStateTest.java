package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The playbook's SQL, replayed in order through the schema model, reaches the target or
 * declares why not; what the schema decides is SQL, not prose.
 */
class PlaybookEndStateTest {
  @TempDir Path tmp;

  private JsonNode plan(Path packet, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("plan", packet.toString(), "--format", "json",
        "--start", "2026-12-07T01:00"));
    args.addAll(List.of(extra));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    assertThat(exit).as(err.toString()).isIn(0, 1);
    return new ObjectMapper().readTree(out.toString());
  }

  private static List<String> notReached(JsonNode plan) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : plan.path("findings")) {
      if (f.path("rule").asText().equals("plan-target-not-reached")) {
        out.add(f.path("message").asText());
      }
    }
    return out;
  }

  private static List<String> sql(JsonNode plan) {
    List<String> out = new ArrayList<>();
    for (JsonNode ph : plan.path("phases")) {
      for (JsonNode s : ph.path("steps")) {
        if (s.hasNonNull("sql")) {
          out.add(s.path("id").asText() + " " + s.path("sql").asText());
        }
      }
    }
    return out;
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("dev.migsafe.testing.PlanExamples#names")
  void everyExampleReachesItsTargetOrDeclaresWhy(String example) throws Exception {
    JsonNode plan = plan(Path.of("examples", example, "packet.yaml"));
    assertThat(notReached(plan)).isEmpty();
  }

  @Test
  void aRenameRebuildsWhatCoversTheOldColumnAsSql() throws Exception {
    Path packet = renamePacket();
    JsonNode plan = plan(packet);
    assertThat(notReached(plan)).isEmpty();
    assertThat(String.join("\n", sql(plan))).contains(
        "CREATE UNIQUE INDEX CONCURRENTLY \"orders_tenant_ref_key\" ON \"orders\" (\"tenant\", \"ref\")",
        "ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_tenant_ref_key\" UNIQUE USING INDEX \"orders_tenant_ref_key\"",
        "CREATE INDEX CONCURRENTLY \"orders_ref_idx\" ON \"orders\" (\"ref\")",
        "ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_ref_check\" CHECK (length(ref) < 40) NOT VALID",
        "ALTER TABLE \"orders\" VALIDATE CONSTRAINT \"orders_ref_check\"",
        "ALTER TABLE \"orders\" ALTER COLUMN \"ref\" SET DEFAULT 'none'");
    // Validated after the backfill, not before.
    List<String> steps = sql(plan);
    int backfill = indexOf(steps, "UPDATE \"orders\" SET \"ref\"");
    int validate = indexOf(steps, "VALIDATE CONSTRAINT \"orders_ref_check\"");
    assertThat(backfill).isNotNegative();
    assertThat(validate).isGreaterThan(backfill);
  }

  @Test
  void aRecipeThatForgetsACoveringIndexIsABlocker() throws Exception {
    Path recipes = Files.createDirectories(tmp.resolve("recipes"));
    String shipped = Files.readString(Path.of("library/recipes/rename-column.yaml"));
    Files.writeString(recipes.resolve("rename-column.yaml"), shipped.replaceAll(
        "(?s)  - phase: A\n    title: Build the twins of the indexes on \\{column}\n    derive: twin-indexes\n", ""));
    JsonNode plan = plan(renamePacket(), "--recipes", recipes.toString());
    assertThat(notReached(plan)).anySatisfy(m -> assertThat(m).contains("orders.orders_ref_idx",
        "missing-index"));
    assertThat(plan.path("findings").toString()).contains("\"severity\":\"blocker\"");
  }

  @Test
  void notNullBeforePostgres12DeclaresItsCheckInsteadOfNotNull() throws Exception {
    JsonNode plan = plan(Path.of("examples/plan-not-null-big-table/packet.yaml"));
    assertThat(plan.path("targetDifferences").toString()).contains("column-nullability",
        "extra-constraint");
    for (JsonNode d : plan.path("targetDifferences")) {
      assertThat(d.path("reason").asText()).isNotBlank();
    }
  }

  @Test
  void anIntegerKeyWidenedToBigintWidensItsSequenceInSql() throws Exception {
    JsonNode plan = plan(Path.of("examples/plan-int-to-bigint-key/packet.yaml"));
    assertThat(String.join("\n", sql(plan)))
        .contains("ALTER SEQUENCE \"ledger_entries_id_seq\" AS bigint");
  }

  @Test
  void aSerialKeyHandsItsSequenceToTheNewColumnBeforeTheOldOneIsDropped() throws Exception {
    Path packet = tmp.resolve("serial.yaml");
    Files.writeString(packet, """
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: events-bigint
        title: events.id to bigint
        owner: team-x
        reviewers: [dba]
        dialect: postgresql
        engineVersion: "16"
        schema:
          current: |
            CREATE TABLE events (id serial PRIMARY KEY, body text);
          target: |
            CREATE TABLE events (id bigserial PRIMARY KEY, body text);
        tables:
          events: {rows: 50000000, sizeGb: 20, writesPerSecond: 100, readsPerSecond: 100}
        """);
    List<String> steps = sql(plan(packet));
    int owned = indexOf(steps, "OWNED BY \"events\".\"id\"");
    int drop = indexOf(steps, "DROP COLUMN \"id_old\"");
    assertThat(owned).as(String.join("\n", steps)).isNotNegative();
    assertThat(drop).isGreaterThan(owned);
    assertThat(String.join("\n", steps)).contains("ALTER SEQUENCE \"events_id_seq\" AS bigint");
  }

  private static int indexOf(List<String> steps, String part) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }

  private Path renamePacket() throws Exception {
    Path packet = tmp.resolve("rename.yaml");
    Files.writeString(packet, """
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: orders-ref
        title: orders.reference becomes ref
        owner: team-x
        reviewers: [dba]
        dialect: postgresql
        engineVersion: "16"
        schema:
          current: |
            CREATE TABLE orders (id bigint PRIMARY KEY, tenant text NOT NULL,
              reference text DEFAULT 'none',
              CONSTRAINT orders_reference_check CHECK (length(reference) < 40),
              CONSTRAINT orders_tenant_reference_key UNIQUE (tenant, reference));
            CREATE INDEX orders_reference_idx ON orders (reference);
          target: |
            CREATE TABLE orders (id bigint PRIMARY KEY, tenant text NOT NULL,
              ref text DEFAULT 'none',
              CONSTRAINT orders_ref_check CHECK (length(ref) < 40),
              CONSTRAINT orders_tenant_ref_key UNIQUE (tenant, ref));
            CREATE INDEX orders_ref_idx ON orders (ref);
        renames:
          - {table: orders, from: reference, to: ref}
        tables:
          orders: {rows: 20000000, sizeGb: 8, writesPerSecond: 50, readsPerSecond: 500}
        """);
    return packet;
  }
}
