package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.Migsafe;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import dev.migsafe.locks.PostgresServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The rename recipe's sync trigger, on a real server: whichever column a writer knows, the row
 * stays whole, so a writer that was not moved cannot leave the new column behind.
 */
class ColumnSyncTest {
  @Test
  void oldAndNewWritersBothLeaveBothColumnsEqual() throws Exception {
    Plan plan = Migsafe.builder().build().plan(Path.of("examples/plan-rename-column/packet.yaml"),
        new PlanOptions(null, null, null));
    String function = null;
    String trigger = null;
    for (Plan.Phase ph : plan.phases()) {
      for (Plan.Step s : ph.steps()) {
        if (s.sql() != null && s.sql().contains("FUNCTION migsafe_sync_columns")) {
          function = s.sql();
        }
        if (s.sql() != null && s.sql().startsWith("CREATE TRIGGER")) {
          trigger = s.sql();
        }
      }
    }
    assertThat(function).isNotNull();
    assertThat(trigger).isNotNull();
    EmbeddedPostgres pg = PostgresServers.server(
        PostgresServers.versions()[PostgresServers.versions().length - 1]);
    try (Connection admin = pg.getPostgresDatabase().getConnection();
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS column_sync");
      s.execute("CREATE DATABASE column_sync");
    }
    try (Connection db = pg.getDatabase("postgres", "column_sync").getConnection();
        Statement s = db.createStatement()) {
      s.execute("CREATE TABLE payments (id bigint PRIMARY KEY, psp_reference text, "
          + "provider_reference text)");
      s.execute(function);
      s.execute(trigger);
      s.execute("INSERT INTO payments (id, psp_reference) VALUES (1, 'old-app')");
      s.execute("INSERT INTO payments (id, provider_reference) VALUES (2, 'new-app')");
      s.execute("INSERT INTO payments (id, psp_reference, provider_reference) VALUES (3, 'a', 'a')");
      s.execute("INSERT INTO payments (id) VALUES (4)");
      s.execute("UPDATE payments SET psp_reference = 'old-app-update' WHERE id = 3");
      s.execute("UPDATE payments SET provider_reference = 'new-app-update' WHERE id = 1");
      s.execute("UPDATE payments SET psp_reference = NULL WHERE id = 2");
      try (ResultSet rs = s.executeQuery("SELECT id, psp_reference, provider_reference FROM "
          + "payments ORDER BY id")) {
        StringBuilder rows = new StringBuilder();
        while (rs.next()) {
          rows.append(rs.getLong(1)).append(' ').append(rs.getString(2)).append(' ')
              .append(rs.getString(3)).append('\n');
        }
        assertThat(rows.toString()).isEqualTo("""
            1 new-app-update new-app-update
            2 null null
            3 old-app-update old-app-update
            4 null null
            """);
      }
      // A copy-back (the rollback's) converges at once instead of chasing the trigger.
      assertThat(s.executeUpdate("UPDATE payments SET psp_reference = provider_reference WHERE "
          + "psp_reference IS DISTINCT FROM provider_reference")).isZero();
    }
  }
}
