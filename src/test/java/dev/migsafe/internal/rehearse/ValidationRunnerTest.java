package dev.migsafe.internal.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal;
import dev.migsafe.internal.render.RehearsalMarkdownRenderer;
import dev.migsafe.locks.PostgresServers;
import dev.migsafe.rehearse.RehearsalFixture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A validation that errors is a defect of the playbook, told apart from one whose data is
 * wrong: {@code plan} emits only validations whose tables and columns exist at their phase, so
 * a query that cannot run means the playbook is broken.
 */
class ValidationRunnerTest {
  private static Plan.Validation validation(String id, String sql) {
    return new Plan.Validation(id, "before", sql, 0.0, null, null, "template", "d");
  }

  @Test
  void anErrorIsADefectAndAFalseResultIsNot() throws SQLException {
    String newest = PostgresServers.versions()[PostgresServers.versions().length - 1];
    EmbeddedPostgres pg = PostgresServers.server(newest);
    try (Connection admin = pg.getPostgresDatabase().getConnection();
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS validation_runner");
      s.execute("CREATE DATABASE validation_runner");
    }
    try (Connection c = pg.getDatabase("postgres", "validation_runner").getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, code text)");
        s.execute("INSERT INTO orders VALUES (1, NULL)");
      }
      ValidationRunner runner = new ValidationRunner(c);
      Rehearsal.ValidationRun broken = runner.run(validation("range-c1",
          "SELECT count(*) FROM orders WHERE code > 2147483647"), "before");
      assertThat(broken.passed()).isFalse();
      assertThat(broken.defect()).isTrue();
      assertThat(broken.error()).contains("operator does not exist: text > integer");

      Rehearsal.ValidationRun missing = runner.run(validation("gone-c1",
          "SELECT count(*) FROM refunds"), "before");
      assertThat(missing.defect()).isTrue();

      Rehearsal.ValidationRun nulls = runner.run(validation("no-nulls-c1",
          "SELECT count(*) FROM orders WHERE code IS NULL"), "before");
      assertThat(nulls.passed()).isFalse();
      assertThat(nulls.defect()).isFalse();
      assertThat(nulls.result()).isEqualTo(1.0);
    }
  }

  @Test
  void theReportSaysWhichValidationIsBroken() {
    Rehearsal r = RehearsalFixture.rehearsal();
    Rehearsal.ValidationRun errored = r.validations().stream().filter(v -> v.error() != null)
        .findFirst().orElseThrow();
    assertThat(errored.defect()).isTrue();
    assertThat(RehearsalMarkdownRenderer.render(r)).contains("validation " + errored.id()
        + " is broken: " + errored.error());
    assertThat(r.validations()).filteredOn(v -> v.error() == null)
        .allSatisfy(v -> assertThat(v.defect()).isFalse());
  }
}
