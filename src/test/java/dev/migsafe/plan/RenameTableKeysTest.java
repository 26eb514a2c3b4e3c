package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.Migsafe;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import dev.migsafe.internal.plan.PlaybookReplay;
import dev.migsafe.internal.schema.SchemaReader;
import dev.migsafe.testing.TestPackets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A renamed table's keys take the target's names, and the end-state proof sees names. */
class RenameTableKeysTest {
  @TempDir Path dir;

  @Test
  void theEndStateProofSeesAConstraintUnderAnotherName() {
    var replayed = SchemaReader.read("CREATE TABLE audit_log (id bigint PRIMARY KEY);"
        + " ALTER TABLE audit_log RENAME TO audit_entries;");
    var target = SchemaReader.read("CREATE TABLE audit_entries (id bigint PRIMARY KEY);");
    assertThat(PlaybookReplay.differences(replayed, target))
        .extracting(Plan.TargetDifference::kind, Plan.TargetDifference::object)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("missing-constraint",
                "audit_entries.audit_entries_pkey"),
            org.assertj.core.groups.Tuple.tuple("extra-constraint",
                "audit_entries.audit_log_pkey"));
  }

  @Test
  void theRenameTransactionRenamesTheKeysAndItsIndexes() throws IOException {
    Path packet = TestPackets.write(dir, """
        CREATE TABLE audit_log (id bigint PRIMARY KEY, actor text UNIQUE, at timestamptz);
        CREATE INDEX audit_log_at_idx ON audit_log (at);
        """, """
        CREATE TABLE audit_entries (id bigint PRIMARY KEY, actor text UNIQUE, at timestamptz);
        CREATE INDEX audit_entries_at_idx ON audit_entries (at);
        """, """
        renames:
          - {table: audit_log, to: audit_entries}
        tables:
          audit_log: {rows: 1000000, sizeGb: 1, writesPerSecond: 10}
        """);
    Plan plan = Migsafe.builder().build().plan(packet,
        new PlanOptions(LocalDateTime.parse("2026-12-07T09:00"), null));
    List<String> a = plan.phases().get(0).steps().stream().map(Plan.Step::sql)
        .filter(s -> s != null && !s.startsWith("SET ")).toList();
    assertThat(a).containsExactly("BEGIN",
        "ALTER TABLE \"audit_log\" RENAME TO \"audit_entries\"",
        "ALTER TABLE \"audit_entries\" RENAME CONSTRAINT \"audit_log_pkey\" TO "
            + "\"audit_entries_pkey\"",
        "ALTER TABLE \"audit_entries\" RENAME CONSTRAINT \"audit_log_actor_key\" TO "
            + "\"audit_entries_actor_key\"",
        "ALTER INDEX \"audit_log_at_idx\" RENAME TO \"audit_entries_at_idx\"",
        "CREATE VIEW \"audit_log\" AS SELECT * FROM \"audit_entries\"",
        "COMMIT");
    assertThat(plan.findings()).noneMatch(f -> f.rule().equals("plan-target-not-reached"));
  }
}
