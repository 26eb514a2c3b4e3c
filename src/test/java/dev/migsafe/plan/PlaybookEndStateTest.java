package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.cli.Main;
import dev.migsafe.testing.TestPackets;
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

  private static final Path IDENTITY_WITH_FKS =
      Path.of("examples/plan-serial-to-identity-with-fks/packet.yaml");

  @Test
  void aSerialKeyBecomesAnIdentityStartedPastTheMaximumInsideTheSwap() throws Exception {
    JsonNode plan = plan(IDENTITY_WITH_FKS);
    assertThat(notReached(plan)).isEmpty();
    List<String> steps = sql(plan);
    assertThat(String.join("\n", steps)).doesNotContain("SET DEFAULT identity",
        "ALTER SEQUENCE \"customers_id_seq\" AS", "OWNED BY");
    // Inside the swap transaction, before COMMIT: the identity, its start past the maximum and
    // the end of the old default; the old sequence goes after the old column.
    assertInOrder(steps,
        "ALTER TABLE \"customers\" RENAME COLUMN \"id\" TO \"id_old\"",
        "ALTER TABLE \"customers\" ALTER COLUMN \"id\" ADD GENERATED BY DEFAULT AS IDENTITY",
        "SELECT setval(pg_get_serial_sequence('\"customers\"', 'id'), greatest((SELECT max(\"id\") "
            + "FROM \"customers\"), (SELECT last_value FROM \"customers_id_seq\")))",
        "ALTER TABLE \"customers\" ALTER COLUMN \"id_old\" DROP DEFAULT",
        " COMMIT",
        "ALTER TABLE \"customers\" DROP COLUMN \"id_old\"",
        "DROP SEQUENCE IF EXISTS \"customers_id_seq\"");
  }

  @Test
  void inboundForeignKeysAreDroppedInTheSwapAndComeBackNotValidThenValidated() throws Exception {
    JsonNode plan = plan(IDENTITY_WITH_FKS);
    List<String> steps = sql(plan);
    // Validating the restored key scans orders, not customers: it takes as long as the
    // validation of the twin key on orders' new column.
    List<String> estimates = new ArrayList<>();
    plan.path("phases").forEach(ph -> ph.path("steps").forEach(st -> {
      if (st.path("sql").asText().matches(
          "ALTER TABLE \"orders\" VALIDATE CONSTRAINT \"orders_customer_id_fkey(_new)?\"")) {
        estimates.add(st.path("estimatedDuration").asText());
      }
    }));
    assertThat(estimates).hasSize(2).containsOnly(estimates.get(0));
    assertInOrder(steps,
        "ALTER TABLE \"orders\" RENAME CONSTRAINT \"orders_customer_id_fkey_new\"",
        " BEGIN",
        "ALTER TABLE \"orders\" DROP CONSTRAINT \"orders_customer_id_fkey\"",
        "ALTER TABLE \"invoices\" DROP CONSTRAINT \"invoices_customer_id_fkey\"",
        "DROP CONSTRAINT \"customers_pkey\", ADD CONSTRAINT \"customers_pkey\"",
        " COMMIT",
        "ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_customer_id_fkey\" FOREIGN KEY "
            + "(\"customer_id\") REFERENCES \"customers\" (\"id\") NOT VALID",
        // The target's ON DELETE action comes back with the key.
        "ALTER TABLE \"invoices\" ADD CONSTRAINT \"invoices_customer_id_fkey\" FOREIGN KEY "
            + "(\"customer_id\") REFERENCES \"customers\" (\"id\") ON DELETE CASCADE NOT VALID",
        "ALTER TABLE \"orders\" VALIDATE CONSTRAINT \"orders_customer_id_fkey\"",
        "ALTER TABLE \"invoices\" VALIDATE CONSTRAINT \"invoices_customer_id_fkey\"");
  }

  @Test
  void referencingColumnsAreWidenedBeforeTheKeyAndKeepTheirForeignKeys() throws Exception {
    JsonNode plan = plan(IDENTITY_WITH_FKS);
    List<String> changed = new ArrayList<>();
    plan.path("changes").forEach(c -> changed.add(c.path("table").asText() + "."
        + c.path("column").asText()));
    assertThat(changed).containsExactly("orders.customer_id", "invoices.customer_id",
        "customers.id");
    List<String> steps = sql(plan);
    assertInOrder(steps,
        "ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_customer_id_fkey_new\" FOREIGN KEY "
            + "(\"customer_id_new\") REFERENCES \"customers\" (\"id\") NOT VALID",
        "ALTER TABLE \"orders\" VALIDATE CONSTRAINT \"orders_customer_id_fkey_new\"",
        "ALTER TABLE \"orders\" RENAME COLUMN \"customer_id\" TO \"customer_id_old\"",
        "ALTER TABLE \"orders\" DROP COLUMN \"customer_id_old\"",
        "ALTER INDEX \"orders_customer_id_placed_at_idx_new\" RENAME TO "
            + "\"orders_customer_id_placed_at_idx\"",
        "ALTER TABLE \"orders\" RENAME CONSTRAINT \"orders_customer_id_fkey_new\" TO "
            + "\"orders_customer_id_fkey\"",
        "ALTER TABLE \"customers\" RENAME COLUMN \"id\" TO \"id_old\"");
    assertThat(String.join("\n", steps)).contains("ALTER TABLE \"invoices\" ADD CONSTRAINT "
        + "\"invoices_customer_id_fkey_new\" FOREIGN KEY (\"customer_id_new\") REFERENCES "
        + "\"customers\" (\"id\") ON DELETE CASCADE NOT VALID");
  }

  @Test
  void anIntegerIdentityKeyBecomesABigintIdentity() throws Exception {
    Path packet = tmp.resolve("identity.yaml");
    Files.writeString(packet, TestPackets.identityKey("integer GENERATED ALWAYS AS IDENTITY",
        "bigint GENERATED ALWAYS AS IDENTITY"));
    JsonNode plan = plan(packet);
    assertThat(notReached(plan)).isEmpty();
    List<String> steps = sql(plan);
    assertThat(String.join("\n", steps)).doesNotContain("SET DEFAULT identity", "DROP SEQUENCE");
    // The old identity's sequence has no name in the DDL: its last value is read through
    // pg_get_serial_sequence, before DROP IDENTITY drops it, which must come before DROP NOT
    // NULL (an identity column is NOT NULL).
    assertInOrder(steps,
        "ALTER TABLE \"events\" ALTER COLUMN \"id\" ADD GENERATED ALWAYS AS IDENTITY",
        "pg_get_serial_sequence('\"events\"', 'id_old')::regclass)",
        "ALTER TABLE \"events\" ALTER COLUMN \"id_old\" DROP IDENTITY",
        "ALTER TABLE \"events\" ALTER COLUMN \"id_old\" DROP NOT NULL",
        " COMMIT");
  }

  @Test
  void anIdentityWithoutATypeChangeIsNeverASetDefault() throws Exception {
    Path packet = tmp.resolve("identity-only.yaml");
    Files.writeString(packet, TestPackets.identityKey("serial", "integer GENERATED ALWAYS AS IDENTITY"));
    JsonNode plan = plan(packet);
    assertThat(String.join("\n", sql(plan))).doesNotContainIgnoringCase("identity");
    assertThat(plan.path("changes").toString()).contains("add-identity");
    // No recipe makes it yet: the plan says so, and its end state misses the identity.
    assertThat(plan.path("findings").toString()).contains("plan-no-recipe");
    assertThat(notReached(plan)).anySatisfy(m -> assertThat(m).contains("events.id",
        "column-identity"));
  }

  @Test
  void aReferencingColumnTheTargetLeavesNarrowIsAFinding() throws Exception {
    Path dir = Path.of("examples/plan-serial-to-identity-with-fks");
    Path packet = tmp.resolve("packet.yaml");
    Files.writeString(tmp.resolve("current.sql"),
        Files.readString(dir.resolve("schema/current.sql")));
    Files.writeString(tmp.resolve("target.sql"), Files.readString(dir.resolve(
        "schema/target.sql")).replace("customer_id bigint NOT NULL,\n  amount_cents",
            "customer_id integer NOT NULL,\n  amount_cents"));
    Files.writeString(packet, Files.readString(dir.resolve("packet.yaml"))
        .replace("schema/current.sql", "current.sql").replace("schema/target.sql", "target.sql"));
    JsonNode plan = plan(packet);
    List<String> narrow = new ArrayList<>();
    plan.path("findings").forEach(f -> {
      if (f.path("rule").asText().equals("plan-referencing-column-stays-narrow")) {
        narrow.add(f.path("message").asText());
      }
    });
    assertThat(narrow).containsExactly("invoices.customer_id stays integer in the target while "
        + "customers.id, which it references through invoices_customer_id_fkey, becomes bigint");
    // The key's swap still drops and restores the foreign key on the narrow column.
    assertThat(notReached(plan)).isEmpty();
  }

  /** Each part in a step after the step of the part before it. */
  private static void assertInOrder(List<String> steps, String... parts) {
    int at = -1;
    for (String part : parts) {
      int next = -1;
      for (int i = at + 1; i < steps.size() && next < 0; i++) {
        if (steps.get(i).contains(part)) {
          next = i;
        }
      }
      assertThat(next).as("'%s' after step %s in:%n%s", part, at, String.join("\n", steps))
          .isNotNegative();
      at = next;
    }
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
