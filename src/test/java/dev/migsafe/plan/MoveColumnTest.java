package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migsafe.Migsafe;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column moved into a new table: declared, it is one change that copies the data under
 * dual-write, verifies the copy and drops the column last; undeclared, a drop whose data the
 * target re-homes is a blocker; declared wrongly, the packet is bad input at its place.
 */
class MoveColumnTest {
  private static final String CURRENT = """
      CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL, address jsonb);
      """;
  private static final String TARGET = """
      CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL);
      CREATE TABLE addresses (order_id bigint PRIMARY KEY REFERENCES orders (id),
        address jsonb NOT NULL, verified_at timestamptz);
      """;
  private static final String MOVE = "  - {kind: move-column, table: orders, column: address,"
      + " to: {table: addresses, column: address, key: order_id}}";

  @TempDir Path dir;

  private Plan plan(String current, String target, String transforms) throws IOException {
    return Migsafe.builder().build().plan(packet(current, target, transforms),
        new PlanOptions(LocalDateTime.parse("2026-12-07T09:00"), null));
  }

  private Path packet(String current, String target, String transforms) throws IOException {
    Files.writeString(dir.resolve("current.sql"), current);
    Files.writeString(dir.resolve("target.sql"), target);
    Files.writeString(dir.resolve("packet.yaml"), """
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: move
        owner: team-checkout
        dialect: postgresql
        schema: {current: current.sql, target: target.sql}
        %s
        tables:
          orders: {rows: 900000000, sizeGb: 2000, writesPerSecond: 350}
        """.formatted(transforms.isEmpty() ? "" : "transforms:\n" + transforms));
    return dir.resolve("packet.yaml");
  }

  private static List<Plan.Step> steps(Plan plan, String phase) {
    return plan.phases().stream().filter(p -> p.id().equals(phase)).findFirst().orElseThrow()
        .steps();
  }

  @Test
  void aDeclaredMoveCreatesCopiesVerifiesAndDropsLast() throws IOException {
    Plan plan = plan(CURRENT, TARGET, MOVE);
    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo("move-column");
      assertThat(c.column()).isEqualTo("address");
      assertThat(c.to()).isEqualTo("addresses");
      assertThat(c.columns()).containsExactly("order_id", "address");
    });
    assertThat(plan.findings()).extracting(Plan.PlanFinding::rule)
        .doesNotContain("plan-target-not-reached", "plan-data-dropped-without-move");
    List<String> phaseA = steps(plan, "A").stream().map(Plan.Step::sql)
        .filter(s -> s != null).toList();
    assertThat(phaseA).anyMatch(s -> s.startsWith("CREATE TABLE \"addresses\""));
    assertThat(phaseA).anyMatch(s -> s.startsWith("CREATE TRIGGER \"orders_address_move\" AFTER "
        + "INSERT OR UPDATE OF \"address\" ON \"orders\""));
    Plan.Step copy = steps(plan, "C").stream().filter(Plan.Step::batched).findFirst()
        .orElseThrow();
    assertThat(copy.sql()).contains("INSERT INTO \"addresses\" (\"order_id\", \"address\") "
        + "SELECT s.\"id\", s.\"address\" FROM \"orders\" s CROSS JOIN job")
        .contains("ON CONFLICT DO NOTHING");
    assertThat(PlanOutputTest.parses(copy.sql())).isTrue();
    assertThat(plan.backfills()).singleElement()
        .satisfies(b -> assertThat(b.stepId()).isEqualTo(copy.id()));
    Plan.Validation verify = plan.validations().stream()
        .filter(v -> v.id().equals("c1-moved")).findFirst().orElseThrow();
    assertThat(verify.phase()).isEqualTo("after-backfill");
    assertThat(verify.sql()).contains("LEFT JOIN \"addresses\" d").contains("IS DISTINCT FROM");
    assertThat(verify.scan().chunkedSql()).contains("BETWEEN :lo AND :hi");
    // Only the drop of the column is past the point of no return, and it comes after the wait.
    List<Plan.Step> phaseD = steps(plan, "D");
    Plan.Step drop = phaseD.stream().filter(Plan.Step::pointOfNoReturn).findFirst().orElseThrow();
    assertThat(drop.sql()).isEqualTo("ALTER TABLE \"orders\" DROP COLUMN \"address\"");
    assertThat(phaseD.subList(0, phaseD.indexOf(drop))).anyMatch(s -> s.title()
        .startsWith("Wait out the verification window"))
        .anyMatch(s -> "DROP TRIGGER \"orders_address_move\" ON \"orders\"".equals(s.sql()));
    assertThat(phaseD).anyMatch(s -> "DROP FUNCTION IF EXISTS migsafe_move_column()"
        .equals(s.sql()));
  }

  @Test
  void aDropWhoseDataTheTargetRehomesWithoutAMoveIsABlocker() throws IOException {
    Plan plan = plan(CURRENT, TARGET, "");
    assertThat(plan.findings()).filteredOn(f -> f.rule().equals("plan-data-dropped-without-move"))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(dev.migsafe.api.Severity.BLOCKER);
          assertThat(f.message()).contains("orders.address").contains("addresses");
          assertThat(f.saferAlternative()).contains("{kind: move-column, table: orders, column: "
              + "address, to: {table: addresses, column: address, key: order_id}}");
        });
  }

  @Test
  void aColumnThatSimplyDisappearsIsNotAMove() throws IOException {
    // No new table at all.
    assertThat(plan(CURRENT, "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2) "
        + "NOT NULL);", "").findings()).extracting(Plan.PlanFinding::rule)
        .doesNotContain("plan-data-dropped-without-move");
    // A new table with a column of that name, but no foreign key back to orders.
    assertThat(plan(CURRENT, """
        CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL);
        CREATE TABLE addresses (id bigint PRIMARY KEY, address jsonb NOT NULL);
        """, "").findings()).extracting(Plan.PlanFinding::rule)
        .doesNotContain("plan-data-dropped-without-move");
    // A new table that references orders, with a column of that name but another type.
    assertThat(plan(CURRENT, """
        CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL);
        CREATE TABLE addresses (order_id bigint PRIMARY KEY REFERENCES orders (id),
          address text NOT NULL);
        """, "").findings()).extracting(Plan.PlanFinding::rule)
        .doesNotContain("plan-data-dropped-without-move");
  }

  @Test
  void noValidationReadsTheNewTableBeforeThePhaseThatCreatesIt() throws IOException {
    String invariants = """
        invariants:
          - {id: addresses-before, sql: "SELECT count(*) FROM addresses", expect: 0,
             phase: before}
          - {id: addresses-copied, sql: "SELECT count(*) FROM addresses WHERE address IS NULL",
             expect: 0, phase: after-backfill}
        """;
    for (String transforms : List.of(MOVE, "")) {
      Path p = packet(CURRENT, TARGET, transforms);
      Files.writeString(p, Files.readString(p) + invariants);
      Plan plan = Migsafe.builder().build().plan(p,
          new PlanOptions(LocalDateTime.parse("2026-12-07T09:00"), null));
      assertThat(plan.validations()).as("validations with transforms '%s'", transforms)
          .filteredOn(v -> v.phase().equals("before") || v.phase().equals("always"))
          .noneMatch(v -> v.sql().contains("addresses"));
      assertThat(plan.validations()).extracting(Plan.Validation::id)
          .doesNotContain("addresses-before");
      if (!transforms.isEmpty()) {
        // The move creates the table in phase A, so a check after phase C may read it.
        assertThat(plan.validations()).extracting(Plan.Validation::id)
            .contains("addresses-copied");
      }
      assertThat(plan.findings()).anySatisfy(f -> assertThat(f.message())
          .contains("addresses-before").contains("which does not exist before the first step"));
    }
  }

  @Test
  void theCommandLineExitsWithBadInputAndNamesThePlace() throws IOException {
    Path p = packet(CURRENT, TARGET, "  - {kind: move-column, table: orders, column: address,"
        + " to: {table: addresses, column: address, key: total}}");
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int exit = dev.migsafe.cli.Main.run(new java.io.PrintWriter(out),
        new java.io.PrintWriter(err), "plan", p.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains(p + ":8:102: transforms[0].to.key: 'addresses.total' is "
        + "not a column of the target schema");
  }

  @Test
  void aBadMoveIsBadInputAtItsPlace() throws IOException {
    String target = """
        CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL);
        CREATE TABLE addresses (order_id bigint REFERENCES orders (id), address text NOT NULL,
          country text NOT NULL);
        CREATE TABLE notes (order_id bigint PRIMARY KEY, address jsonb);
        """;
    Path p = packet(CURRENT, target, """
          - {kind: move-column, table: orders, column: adress,
             to: {table: addresses, column: address, key: order_id}}
          - {kind: move-column, table: orders, column: address, expression: x,
             to: {table: addresses, column: address, key: order_id}}
          - {kind: move-column, table: orders, column: address,
             to: {table: notes, column: address, key: order_id}}
          - {kind: move-column, table: orders, column: address,
             to: {table: addresses, column: zip, key: order_key}}
          - {kind: move-column, table: orders, column: address, to: {table: shipments}}
        """);
    String file = p.toString();
    assertThatThrownBy(() -> Migsafe.builder().build().plan(p,
        new PlanOptions(LocalDateTime.parse("2026-12-07T09:00"), null)))
        .isInstanceOf(MigsafeException.class)
        .hasMessageContaining(file + ":8:48: transforms[0].column: 'orders.adress' is not a "
            + "column of the current schema")
        .hasMessageContaining(file + ":10:69: transforms[1].expression: is not used by a "
            + "move-column")
        // Each of the new table's failings, at to.table, to.column or to.key.
        .hasMessageContaining(file + ":11:37: transforms[1].to.column: 'addresses.address' is "
            + "text and 'orders.address' is jsonb; a move copies values as they are")
        .hasMessageContaining(file + ":11:51: transforms[1].to.key: 'addresses.order_id' is not "
            + "unique in the target schema")
        .hasMessageContaining(file + ":11:18: transforms[1].to.table: 'addresses.country' is NOT "
            + "NULL without a default; the move writes only order_id and address")
        .hasMessageContaining(file + ":13:47: transforms[2].to.key: 'notes.order_id' has no "
            + "foreign key to orders (id) in the target schema")
        .hasMessageContaining(file + ":15:37: transforms[3].to.column: 'addresses.zip' is not a "
            + "column of the target schema")
        .hasMessageContaining(file + ":15:47: transforms[3].to.key: 'addresses.order_key' is not "
            + "a column of the target schema")
        .hasMessageContaining(file + ":16:61: transforms[4].to.column: is required")
        .hasMessageContaining(file + ":16:61: transforms[4].to.key: is required");
  }
}
