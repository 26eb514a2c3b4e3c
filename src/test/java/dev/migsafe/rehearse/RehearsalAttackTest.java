package dev.migsafe.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A packet from an untrusted pull request, rehearsed as a CI job would: whatever its schema,
 * data file or invariants try, nothing runs on the machine, no file outside the scratch area
 * appears, no file's contents and no secret reach the output, and the staging role is not
 * changed. Each attack first ran in an earlier migsafe (docs/security.md says how); these tests
 * fail if the defence that stops it goes away. {@code EmbeddedServerTest} tries the full list
 * against the embedded server's packet role directly.
 */
class RehearsalAttackTest {
  private static final String BASE = "src/test/resources/rehearse/broken-rollback/packet.yaml";
  /** A line of /etc/passwd, which no output may hold. */
  private static final String PASSWD_LINE = "root:x:0:0";

  @TempDir Path tmp;

  record Run(int exit, String report, String err) {}

  private Run rehearse(Path packet, String... extra) throws Exception {
    Path out = tmp.resolve("rehearsal-" + System.nanoTime() + ".json");
    List<String> all = new ArrayList<>(List.of("rehearse", packet.toString(), "--scale", "20",
        "--no-workload", "--format", "json", "--out", out.toString()));
    all.addAll(List.of(extra));
    StringWriter err = new StringWriter();
    StringWriter stdout = new StringWriter();
    int exit = Main.run(new PrintWriter(stdout), new PrintWriter(err), all.toArray(String[]::new));
    String report = Files.exists(out) ? Files.readString(out) : "";
    return new Run(exit, report + stdout, err.toString());
  }

  /** The base packet with {@code sql} appended to its current schema. */
  private Path withSchemaLine(String sql) throws Exception {
    Path packet = tmp.resolve("packet-" + System.nanoTime() + ".yaml");
    Files.writeString(packet, Files.readString(Path.of(BASE)).replace(
        "created_at timestamptz NOT NULL DEFAULT now());\n  target",
        "created_at timestamptz NOT NULL DEFAULT now());\n    " + sql + "\n  target"));
    return packet;
  }

  /** The base packet with one more invariant. */
  private Path withInvariant(String sql) throws Exception {
    Path packet = tmp.resolve("packet-" + System.nanoTime() + ".yaml");
    Files.writeString(packet, Files.readString(Path.of(BASE))
        + "  - id: attack\n    sql: \"" + sql.replace("\"", "\\\"") + "\"\n    expect: 0\n");
    return packet;
  }

  private static boolean onStaging(Run run) throws Exception {
    JsonNode r = new ObjectMapper().readTree(run.report());
    return r.path("server").has("embedded") && !r.path("server").path("embedded").asBoolean();
  }

  private Path marker() {
    return tmp.resolve("pwned");
  }

  private void assertNothingEscaped(Run run) {
    assertThat(marker()).as("a file written by a program the packet ran").doesNotExist();
    assertThat(run.report() + run.err()).doesNotContain(PASSWD_LINE);
    assertThat(run.err()).doesNotContain("\tat ", "Exception");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "COPY (SELECT 1) TO PROGRAM 'touch MARKER';",
      "DO $$ BEGIN EXECUTE 'COPY (SELECT 1) TO PROGRAM ''touch MARKER'''; END $$;",
      "SELECT lo_import('/etc/passwd');",
      "DO $$ BEGIN PERFORM \"pg_read_file\"('/etc/passwd'); END $$;",
      "ALTER ROLE CURRENT_USER SUPERUSER;",
      "DO $$ BEGIN EXECUTE 'ALTER ROLE ' || current_user || ' SUPERUSER'; END $$;",
      "CREATE EXTENSION plperlu;"})
  void aSchemaThatAttacksTheEmbeddedServerIsRefusedByTheServer(String attack) throws Exception {
    Path packet = withSchemaLine(attack.replace("MARKER", marker().toString()));
    Run run = rehearse(packet);
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(packet + "#schema.current:2:").contains("permission denied");
    assertNothingEscaped(run);
  }

  @Test
  void aDataFileThatAttacksIsRefusedByTheServer() throws Exception {
    Path data = tmp.resolve("data.sql");
    Files.writeString(data, "INSERT INTO accounts (id, name) VALUES (1, 'a');\n"
        + "DO $$ BEGIN EXECUTE 'COPY (SELECT 1) TO PROGRAM ''touch " + marker() + "'''; END $$;\n");
    Run run = rehearse(Path.of(BASE), "--data", data.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(data + ":2:").contains("permission denied");
    assertNothingEscaped(run);
  }

  @Test
  void anInvariantThatHidesASecondStatementIsRefusedBeforeAnythingRuns() throws Exception {
    Path packet = withInvariant("SELECT 0; COPY (SELECT 1) TO PROGRAM 'touch " + marker() + "'");
    Run run = rehearse(packet);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("invariants[1].sql: must be exactly one query");
    assertNothingEscaped(run);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT length(pg_read_file('/etc/passwd')) * 0",
      "SELECT count(*) * 0 FROM (SELECT \"pg_read_file\"('/etc/passwd') AS f) x",
      "SELECT count(*) * 0 FROM (SELECT lo_import('/etc/passwd')) x",
      "WITH gone AS (DELETE FROM accounts RETURNING 1) SELECT count(*) * 0 FROM gone"})
  void anInvariantThatReadsFilesOrWritesFailsAndRevealsNothing(String sql) throws Exception {
    Run run = rehearse(withInvariant(sql));
    if (sql.startsWith("WITH gone")) {
      assertThat(run.exit()).as("refused when the packet is read").isEqualTo(2);
      assertThat(run.err()).contains("must not change data in a WITH clause");
    } else {
      JsonNode r = new ObjectMapper().readTree(run.report());
      JsonNode attack = null;
      for (JsonNode v : r.path("validations")) {
        if (v.path("id").asText().equals("attack")) {
          attack = v;
          break;
        }
      }
      assertThat(attack).as("the attacking invariant ran: %s", run.report()).isNotNull();
      assertThat(attack.path("passed").asBoolean()).isFalse();
      assertThat(attack.path("error").asText()).containsAnyOf("permission denied",
          "read-only transaction");
      assertThat(run.exit()).isEqualTo(1);
    }
    assertNothingEscaped(run);
  }

  @Test
  void onStagingWhatThePatternCannotSeeTheRoleCannotDo() throws Exception {
    String url = StagingRole.url();
    for (String attack : List.of(
        "DO $$ BEGIN EXECUTE 'COPY (SELECT 1) TO PROGRAM ''touch " + marker() + "'''; END $$;",
        "DO $$ BEGIN EXECUTE 'ALTER ROLE ' || current_user || ' SUPERUSER'; END $$;",
        "DO $$ BEGIN EXECUTE 'CREATE ROLE intruder'; END $$;",
        "SELECT \"pg_read_file\"('/etc/passwd');")) {
      Path packet = withSchemaLine(attack);
      Run run = rehearse(packet, "--jdbc-url", url);
      assertThat(run.exit()).as(attack + ": " + run.err()).isEqualTo(2);
      assertThat(run.err()).as(attack).contains("permission denied");
      assertNothingEscaped(run);
    }
    try (Connection c = StagingRole.server().getPostgresDatabase().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT (SELECT rolsuper::int FROM pg_roles WHERE rolname = '"
            + StagingRole.NAME + "') + (SELECT count(*) FROM pg_roles WHERE rolname = 'intruder')"
            + " + (SELECT count(*) FROM pg_database WHERE datname LIKE 'migsafe_rehearsal_%')")) {
      rs.next();
      assertThat(rs.getInt(1)).as("superuser, new roles or scratch databases").isZero();
    }
  }

  @Test
  void aPrivilegedStagingRoleIsRefusedUnlessTheUserAcceptsTheRisk() throws Exception {
    Run refused = rehearse(Path.of(BASE), "--jdbc-url", StagingRole.superuserUrl());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("the staging role postgres is a superuser",
        "--allow-privileged-role");
    try (Connection c = StagingRole.server().getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
          + "'migsafe_runs_programs') THEN CREATE ROLE migsafe_runs_programs LOGIN CREATEDB; END IF; "
          + "END $$");
      if (c.getMetaData().getDatabaseMajorVersion() >= 11) {
        st.execute("GRANT pg_execute_server_program TO migsafe_runs_programs");
        Run member = rehearse(Path.of(BASE), "--jdbc-url", "jdbc:postgresql://localhost:"
            + StagingRole.server().getPort() + "/postgres?user=migsafe_runs_programs");
        assertThat(member.exit()).isEqualTo(2);
        assertThat(member.err()).contains("is a member of pg_execute_server_program");
      }
    }
    Run accepted = rehearse(Path.of(BASE), "--jdbc-url", StagingRole.superuserUrl(),
        "--allow-privileged-role");
    assertThat(onStaging(accepted)).as(accepted.err()).isTrue();
  }

  @Test
  void aScratchDatabaseLeftByADeadRunIsDroppedByTheNextOne() throws Exception {
    String url = StagingRole.url();
    try (Connection c = java.sql.DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE migsafe_rehearsal_deadbeef0000");
      st.execute("COMMENT ON DATABASE migsafe_rehearsal_deadbeef0000 IS "
          + "'migsafe rehearsal scratch database'");
      st.execute("CREATE DATABASE migsafe_rehearsal_not_ours");
    }
    try {
      Run run = rehearse(Path.of(BASE), "--jdbc-url", url);
      assertThat(run.err()).contains("dropped migsafe_rehearsal_deadbeef0000");
      try (Connection c = StagingRole.server().getPostgresDatabase().getConnection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT string_agg(datname, ',') FROM pg_database "
              + "WHERE datname LIKE 'migsafe_rehearsal_%'")) {
        rs.next();
        assertThat(rs.getString(1)).as("an unmarked database is left alone")
            .isEqualTo("migsafe_rehearsal_not_ours");
      }
    } finally {
      try (Connection c = java.sql.DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS migsafe_rehearsal_not_ours");
        st.execute("DROP DATABASE IF EXISTS migsafe_rehearsal_deadbeef0000");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres://%s:%s@localhost:%d/postgres",
      "jdbc:postgresql://%s:%s@localhost:%d/postgres"})
  void aPasswordInsideTheUrlReachesNoOutput(String form) throws Exception {
    StagingRole.url();
    String secret = "s3cret-in-the-url";
    Run run = rehearse(Path.of(BASE), "--jdbc-url",
        String.format(form, StagingRole.NAME, secret, StagingRole.server().getPort()));
    assertThat(onStaging(run)).as(run.err()).isTrue();
    assertThat(run.report() + run.err()).doesNotContain(secret);
  }
}
