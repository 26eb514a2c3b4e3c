package dev.migsafe.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.Migsafe;
import dev.migsafe.api.CheckRequest;
import dev.migsafe.api.MigrationCheck;
import dev.migsafe.api.MigrationCheck.Evidence;
import dev.migsafe.api.MigrationCheck.Point;
import dev.migsafe.api.MigrationCheck.Verdict;
import dev.migsafe.testing.TestPackets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check_migration guardrail on a real embedded PostgreSQL 16: each way a proposal can be
 * wrong is refuted by its own point, and a right one passes.
 */
class CheckMigrationTest {
  private static final String CURRENT = """
      CREATE TABLE orders (
        id bigint PRIMARY KEY,
        email text NOT NULL,
        status text NOT NULL,
        legacy_code text,
        total_cents integer NOT NULL
      );
      """;
  private static final String TABLES = """
      tables:
        orders: {rows: 50000000, sizeGb: 40, writesPerSecond: 500, readsPerSecond: 2000}
      """;

  @TempDir static Path dir;
  static Path addNote;
  static Path dropLegacy;

  @BeforeAll
  static void packets() throws Exception {
    addNote = TestPackets.write(java.nio.file.Files.createDirectories(dir.resolve("add")),
        CURRENT, CURRENT.replace("total_cents integer NOT NULL",
            "total_cents integer NOT NULL,\n  note text"), TABLES + """
        invariants:
          - id: totals-positive
            description: no order has a negative total
            sql: SELECT count(*) FROM orders WHERE total_cents < 0
            expect: 0
            phase: after-cutover
        """);
    dropLegacy = TestPackets.write(java.nio.file.Files.createDirectories(dir.resolve("drop")),
        CURRENT, CURRENT.replace("legacy_code text,\n", ""), TABLES + """
        consumers:
          - service: billing-export
            owner: team-billing
            reads: [orders.id, orders.legacy_code]
            acknowledged: false
        """);
  }

  private static MigrationCheck check(Path packet, String up, String down) {
    return Migsafe.builder().build().checkMigration(new CheckRequest(packet, up, down),
        line -> { });
  }

  private static Evidence point(MigrationCheck c, Point p) {
    return c.evidence(p).orElseThrow();
  }

  @Test
  void aRightProposalPasses() {
    MigrationCheck c = check(addNote, """
        SET lock_timeout = '2s';
        SET statement_timeout = '5s';
        ALTER TABLE orders ADD COLUMN note text;
        """, """
        SET lock_timeout = '2s';
        SET statement_timeout = '5s';
        ALTER TABLE orders DROP COLUMN note;
        """);
    assertThat(c.evidence()).allSatisfy(e -> assertThat(e.verdict())
        .as(e.point() + ": " + e.summary() + " " + e.items()).isEqualTo(Verdict.PASS));
    assertThat(c.verdict()).isEqualTo(Verdict.PASS);
    assertThat(c.serverVersion()).startsWith("16.");
    assertThat(point(c, Point.INVARIANTS).items()).extracting(MigrationCheck.Item::kind)
        .containsExactly("invariant-holds");
  }

  @Test
  void aRewriteUnderAccessExclusiveOnAHotTableIsRefused() {
    MigrationCheck c = check(addNote, """
        SET lock_timeout = '2s';
        ALTER TABLE orders ADD COLUMN note text;
        ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;
        ALTER TABLE orders ALTER COLUMN total_cents TYPE integer;
        """, null);
    assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
    Evidence lint = point(c, Point.LINT_UP);
    assertThat(lint.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(lint.items()).anySatisfy(i -> {
      assertThat(i.kind()).isEqualTo("pg-alter-column-type-rewrite");
      assertThat(i.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(i.where()).isEqualTo("up:3:20");
    });
    // The end state still equals the target: only the lint refuses it.
    assertThat(point(c, Point.TARGET_REACHED).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void aColumnThatDoesNotExistIsItsOwnFinding() {
    MigrationCheck c = check(addNote, """
        SET lock_timeout = '2s';
        ALTER TABLE orders ADD COLUMN note text;
        UPDATE orders SET note = customer_email WHERE id < 1000;
        """, null);
    Evidence names = point(c, Point.NAMES);
    assertThat(names.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(names.items()).anySatisfy(i -> {
      assertThat(i.kind()).isEqualTo("unknown-column");
      assertThat(i.where()).isEqualTo("up:3:1");
      assertThat(i.message()).contains("customer_email");
    });
    assertThat(point(c, Point.TARGET_REACHED).items()).anySatisfy(i -> {
      assertThat(i.kind()).isEqualTo("unknown-name");
      assertThat(i.message()).contains("customer_email").contains("42703");
    });
    assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void aDownThatDoesNotRestoreTheSchemaFails() {
    MigrationCheck c = check(addNote, """
        SET lock_timeout = '2s';
        ALTER TABLE orders ADD COLUMN note text;
        """, """
        SET lock_timeout = '2s';
        ALTER TABLE orders ALTER COLUMN note SET DEFAULT '';
        """);
    Evidence restored = point(c, Point.CURRENT_RESTORED);
    assertThat(restored.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(restored.items()).anySatisfy(i -> {
      assertThat(i.kind()).isEqualTo("extra-column");
      assertThat(i.where()).isEqualTo("orders.note");
    });
    assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void anUnacknowledgedConsumerNeedsReview() {
    MigrationCheck c = check(dropLegacy, """
        SET lock_timeout = '2s';
        SET statement_timeout = '5s';
        ALTER TABLE orders DROP COLUMN legacy_code;
        """, null);
    Evidence consumers = point(c, Point.CONSUMERS);
    assertThat(consumers.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(consumers.items()).singleElement().satisfies(i -> {
      assertThat(i.kind()).isEqualTo("consumer-unacknowledged");
      assertThat(i.where()).isEqualTo("billing-export");
    });
    // The drop is the packet's own intent: for people to weigh, not refused.
    assertThat(point(c, Point.LINT_UP).verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(point(c, Point.TARGET_REACHED).verdict()).isEqualTo(Verdict.PASS);
    assertThat(c.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
  }

  @Test
  void anExpandStepAloneLeavesTheRestForLater() {
    MigrationCheck c = check(dropLegacy, "SET lock_timeout = '2s';\nSELECT 1;\n", null);
    Evidence target = point(c, Point.TARGET_REACHED);
    assertThat(target.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(target.items()).singleElement().satisfies(i ->
        assertThat(i.kind()).isEqualTo("extra-column"));
  }

  @Test
  void theSqlRunsWithoutPrivilegesOnTheHost() throws Exception {
    Path marker = dir.resolve("reached-the-host");
    MigrationCheck c = check(addNote, "COPY orders TO PROGRAM 'touch " + marker + "';\n", null);
    assertThat(marker).doesNotExist();
    assertThat(point(c, Point.TARGET_REACHED).items()).singleElement().satisfies(i -> {
      assertThat(i.kind()).isEqualTo("server-error");
      assertThat(i.message()).contains("42501");
    });
    assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
  }
}
