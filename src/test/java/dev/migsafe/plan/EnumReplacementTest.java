package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.Migsafe;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import dev.migsafe.api.Rehearsal;
import dev.migsafe.api.RehearseOptions;
import dev.migsafe.testing.TestPackets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing an enum label replaces the type in SQL the schemas decide, and reaches the target. */
class EnumReplacementTest {
  @TempDir Path dir;

  @Test
  void theReplacementTypeHasTheTargetsLabelsAndEveryColumnMovesWithItsDefault()
      throws IOException {
    Path packet = TestPackets.write(dir, """
        CREATE TYPE ticket_state AS ENUM ('open', 'stale', 'closed');
        CREATE TABLE tickets (id bigint PRIMARY KEY,
          state ticket_state NOT NULL DEFAULT 'open'::ticket_state);
        CREATE TABLE ticket_events (id bigint PRIMARY KEY, state ticket_state);
        """, """
        CREATE TYPE ticket_state AS ENUM ('open', 'closed');
        CREATE TABLE tickets (id bigint PRIMARY KEY,
          state ticket_state NOT NULL DEFAULT 'open'::ticket_state);
        CREATE TABLE ticket_events (id bigint PRIMARY KEY, state ticket_state);
        """, """
        tables:
          tickets: {rows: 20000, sizeGb: 0.01, writesPerSecond: 2}
        """);
    Plan plan = Migsafe.builder().build().plan(packet,
        new PlanOptions(LocalDateTime.parse("2026-12-07T09:00"), null));
    List<String> sql = plan.phases().get(3).steps().stream().map(Plan.Step::sql)
        .filter(s -> s != null && !s.startsWith("SET ")).toList();
    assertThat(sql).containsExactly(
        "CREATE TYPE \"ticket_state_new\" AS ENUM ('open', 'closed')",
        "ALTER TABLE \"tickets\" ALTER COLUMN \"state\" DROP DEFAULT",
        "ALTER TABLE \"tickets\" ALTER COLUMN \"state\" TYPE \"ticket_state_new\" USING "
            + "\"state\"::text::\"ticket_state_new\"",
        "ALTER TABLE \"tickets\" ALTER COLUMN \"state\" SET DEFAULT 'open'::\"ticket_state_new\"",
        "ALTER TABLE \"ticket_events\" ALTER COLUMN \"state\" TYPE \"ticket_state_new\" USING "
            + "\"state\"::text::\"ticket_state_new\"",
        "BEGIN",
        "DROP TYPE \"ticket_state\"",
        "ALTER TYPE \"ticket_state_new\" RENAME TO \"ticket_state\"",
        "COMMIT");
    assertThat(plan.phases().get(3).steps()).filteredOn(Plan.Step::pointOfNoReturn)
        .extracting(Plan.Step::sql).containsExactly("DROP TYPE \"ticket_state\"");
    assertThat(plan.findings()).as("%s", plan.findings())
        .noneMatch(f -> f.rule().equals("plan-target-not-reached"));

    // On a real server: the rows are already off the label (the owner's step, done by hand).
    Files.writeString(dir.resolve("data.sql"), """
        INSERT INTO tickets SELECT g, CASE WHEN g % 2 = 0 THEN 'open' ELSE 'closed' END::ticket_state
          FROM generate_series(1, 500) g;
        INSERT INTO ticket_events SELECT g, 'closed' FROM generate_series(1, 500) g;
        """);
    Rehearsal r = Migsafe.builder().build().rehearse(packet,
        RehearseOptions.defaults().withData(dir.resolve("data.sql")), line -> { });
    assertThat(r.failedSteps()).isEmpty();
    assertThat(r.stopped()).isNull();
    assertThat(r.rollback().schemaRestored()).as("%s", r.rollback().differences()).isTrue();
    assertThat(r.endState().reached()).as("%s", r.endState().differences()).isTrue();
    assertThat(r.failedForwardFixes()).isEmpty();
  }
}
