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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real rehearsals, at a small scale, of every plan example and of two packets built to fail:
 * one whose team recipe has a broken rollback, one whose invariant fails after the backfill.
 * Each runs on an embedded PostgreSQL of the packet's major version, as a user would run it.
 */
class RehearseCommandTest {
  private static final String SCALE = "1500";

  @TempDir Path tmp;

  record Run(int exit, JsonNode json, String err) {}

  private Run rehearse(String... args) throws Exception {
    Path out = tmp.resolve("rehearsal-" + System.nanoTime() + ".json");
    List<String> all = new ArrayList<>(List.of("rehearse", "--scale", SCALE, "--format", "json",
        "--out", out.toString()));
    all.addAll(List.of(args));
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
        all.toArray(String[]::new));
    JsonNode json = Files.exists(out) ? new ObjectMapper().readTree(out.toFile()) : null;
    return new Run(exit, json, err.toString());
  }

  private static String gate(JsonNode r, String id) {
    for (JsonNode g : r.path("gates")) {
      if (g.path("id").asText().equals(id)) {
        return g.path("status").asText() + ": " + g.path("reason").asText();
      }
    }
    return "absent";
  }

  @ParameterizedTest
  @ValueSource(strings = {"src/test/resources/rehearse/app-schema/packet.yaml"})
  void tablesOutsidePublicAreObservedAndCompared(String packet) throws Exception {
    Run run = rehearse(packet);
    JsonNode r = run.json();
    assertThat(r.path("steps").toString()).contains(
        "\"observed\":{\"locks\":[{\"table\":\"app.accounts\",\"mode\":\"ACCESS EXCLUSIVE\"}]");
    for (JsonNode s : r.path("steps")) {
      assertThat(s.path("matchesPrediction").asBoolean()).as("%s", s).isTrue();
    }
    for (JsonNode v : r.path("validations")) {
      assertThat(v.path("passed").asBoolean()).as("%s", v).isTrue();
    }
    assertThat(gate(r, "rollback-executable-and-time-bounded")).startsWith("passed");
    assertThat(run.exit()).isZero();
  }

  @Test
  void aRollbackThatLeavesATableOutsidePublicChangedFailsTheRestore() throws Exception {
    Path dir = Path.of("src/test/resources/rehearse/broken-rollback");
    Path packet = tmp.resolve("packet.yaml");
    Files.writeString(packet, Files.readString(
        Path.of("src/test/resources/rehearse/app-schema/packet.yaml")));
    Run run = rehearse(packet.toString(), "--recipes", dir.resolve("recipes").toString());
    assertThat(run.json().path("rollback").path("differences").toString())
        .contains("app.accounts.nickname");
    assertThat(gate(run.json(), "rollback-executable-and-time-bounded")).startsWith("failed");
  }

  /**
   * What each example's rehearsal shows today that it should not.
   *
   * @param undeclared end-state differences the plan does not declare, as "kind object"
   * @param stoppedAt where the run stops, or null when it runs to its end
   */
  record Known(List<String> undeclared, String stoppedAt) {}

  // Defects of a playbook that a rehearsal shows and that are not fixed yet. An entry here
  // records a defect to fix, never a way to pass.
  private static final Map<String, Known> KNOWN = Map.of(
      "plan-add-foreign-key", new Known(List.of(), null),
      "plan-drop-column-still-read", new Known(List.of(), null),
      "plan-int-to-bigint-key", new Known(List.of(), null),
      "plan-not-null-big-table", new Known(List.of(), null),
      "plan-rename-column", new Known(List.of(), null),
      "plan-unique-constraint", new Known(List.of(), null));

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("dev.migsafe.testing.PlanExamples#names")
  void everyExampleRehearsesAsKnown(String example) throws Exception {
    Path dir = Path.of("examples", example);
    List<String> args = new ArrayList<>(List.of(dir.resolve("packet.yaml").toString()));
    Path data = dir.resolve("rehearsal-data.sql");
    if (Files.exists(data)) {
      args.addAll(List.of("--data", data.toString()));
    }
    Run run = rehearse(args.toArray(String[]::new));
    JsonNode r = run.json();
    Known known = KNOWN.getOrDefault(example, new Known(List.of(), null));
    assertThat(r).as("report; stderr: %s", run.err()).isNotNull();
    assertThat(r.path("server").path("version").asText()).startsWith(
        Files.readString(dir.resolve("packet.yaml")).replaceAll("(?s).*engineVersion: \"(\\d+)\".*",
            "$1") + ".");
    for (JsonNode s : r.path("steps")) {
      assertThat(s.path("error").isNull()).as("error of %s: %s", s.path("id"), s.path("error"))
          .isTrue();
      assertThat(s.path("matchesPrediction").asBoolean())
          .as("%s differs from the plan: %s", s.path("id"), s.path("mismatches")).isTrue();
    }
    JsonNode end = r.path("endState");
    List<String> undeclared = new ArrayList<>();
    for (JsonNode d : end.path("differences")) {
      if (!d.path("declared").asBoolean()) {
        undeclared.add(d.path("kind").asText() + " " + d.path("object").asText());
      }
    }
    if (known.stoppedAt() != null) {
      // Where the old application's rows are seen depends on when they arrive: after the
      // backfill, or only after cutover.
      assertThat(r.path("stopped").path("at").asText()).isIn(known.stoppedAt(), "after-cutover");
      assertThat(end.path("checked").asBoolean()).as("endState %s", end).isFalse();
      assertThat(end.path("reason").asText()).startsWith("the playbook did not run to its end");
      assertThat(run.exit()).isEqualTo(1);
      return;
    }
    assertThat(r.path("stopped").isNull()).as("stopped: %s", r.path("stopped")).isTrue();
    for (JsonNode v : r.path("validations")) {
      assertThat(v.path("passed").asBoolean()).as("validation %s %s: %s", v.path("id"),
          v.path("ranAt"), v).isTrue();
    }
    JsonNode rollback = r.path("rollback");
    if (rollback.path("executed").asBoolean()) {
      assertThat(rollback.path("schemaRestored").asBoolean())
          .as("differences %s", rollback.path("differences")).isTrue();
      assertThat(rollback.path("invariantsHold").asBoolean()).isTrue();
    }
    assertThat(gate(r, "rollback-executable-and-time-bounded")).doesNotStartWith("failed");
    // Each forward-fix ran where its tree says it applies, and the server accepted it.
    for (JsonNode f : r.path("forwardFixes")) {
      assertThat(f.path("error").isNull()).as("forward-fix of %s: %s", f.path("changeId"), f)
          .isTrue();
    }
    assertThat(gate(r, "invariants-before-and-after")).startsWith("passed");
    assertThat(end.path("checked").asBoolean()).as("endState %s", end).isTrue();
    assertThat(undeclared).as("undeclared end-state differences").containsExactlyElementsOf(
        known.undeclared());
    assertThat(end.path("reached").asBoolean()).isEqualTo(known.undeclared().isEmpty());
    assertThat(run.exit()).isEqualTo(known.undeclared().isEmpty() ? 0 : 1);
  }

  @Test
  void anIntegerIdentityKeyBecomesABigintIdentityOnARealServer(@TempDir Path tmp) throws Exception {
    // The identity's sequence is replaced inside the swap while the workload inserts rows
    // that take their id from it: every step runs, and the end state is the target's.
    Path packet = tmp.resolve("packet.yaml");
    Files.writeString(packet, dev.migsafe.testing.TestPackets.identityKey(
        "integer GENERATED BY DEFAULT AS IDENTITY", "bigint GENERATED BY DEFAULT AS IDENTITY"));
    Run run = rehearse(packet.toString());
    JsonNode r = run.json();
    assertThat(r).as("stderr: %s", run.err()).isNotNull();
    for (JsonNode s : r.path("steps")) {
      assertThat(s.path("error").isNull()).as("error of %s: %s", s.path("id"), s.path("error"))
          .isTrue();
    }
    assertThat(r.path("endState").path("reached").asBoolean())
        .as("endState %s", r.path("endState")).isTrue();
    assertThat(run.exit()).isZero();
  }

  @Test
  void aPlaybookThatMissesAStepFailsItsEndState() throws Exception {
    Path dir = Path.of("src/test/resources/rehearse/missing-step");
    Run run = rehearse(dir.resolve("packet.yaml").toString(), "--recipes",
        dir.resolve("recipes").toString());
    JsonNode r = run.json();
    assertThat(r).as("stderr: %s", run.err()).isNotNull();
    // The change's own schema check sees it too, after the end state was read.
    assertThat(r.path("stopped").path("at").asText()).isEqualTo("after-cutover");
    JsonNode end = r.path("endState");
    assertThat(end.path("checked").asBoolean()).isTrue();
    assertThat(end.path("reached").asBoolean()).isFalse();
    assertThat(end.path("differences")).singleElement().satisfies(d -> {
      assertThat(d.path("kind").asText()).isEqualTo("missing-column");
      assertThat(d.path("object").asText()).isEqualTo("accounts.nickname");
      assertThat(d.path("expected").asText()).isEqualTo("text");
      assertThat(d.path("declared").asBoolean()).isFalse();
    });
    // Nothing ran that a rollback could undo: the gate is not passed on no evidence.
    assertThat(gate(r, "rollback-executable-and-time-bounded")).startsWith("pending");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void aChangeCutShortByAnotherChangesPointOfNoReturnIsUndoneStepByStep() throws Exception {
    Path dir = Path.of("src/test/resources/rehearse/rename-and-widen");
    Run run = rehearse(dir.resolve("packet.yaml").toString());
    JsonNode r = run.json();
    assertThat(r).as("stderr: %s", run.err()).isNotNull();
    // The rename ran only its first transaction: its tree's rollback (which also recreates the
    // view phase D drops) would fail on the view that still exists.
    assertThat(r.path("rollback").path("error").isNull()).as("%s", r.path("rollback")).isTrue();
    assertThat(r.path("rollback").path("schemaRestored").asBoolean()).isTrue();
    assertThat(gate(r, "rollback-executable-and-time-bounded")).startsWith("passed");
    // Every step matches the plan: the rename's constraint step, inside the rename's
    // transaction, finds its table under the name the transaction gave it.
    for (JsonNode s : r.path("steps")) {
      assertThat(s.path("matchesPrediction").asBoolean()).as("%s", s).isTrue();
    }
    assertThat(r.path("endState").path("reached").asBoolean()).as("%s", r.path("endState"))
        .isTrue();
    assertThat(run.exit()).isZero();
  }

  @Test
  void aPacketOfManyKindsReachesItsTargetOnARealServer() throws Exception {
    Run run = rehearse("src/test/resources/rehearse/mixed-changes/packet.yaml");
    JsonNode r = run.json();
    assertThat(r).as("stderr: %s", run.err()).isNotNull();
    assertThat(r.path("stopped").isNull()).as("%s", r.path("stopped")).isTrue();
    for (JsonNode s : r.path("steps")) {
      assertThat(s.path("error").isNull()).as("%s", s).isTrue();
      assertThat(s.path("matchesPrediction").asBoolean()).as("%s", s).isTrue();
    }
    for (JsonNode v : r.path("validations")) {
      assertThat(v.path("passed").asBoolean()).as("%s", v).isTrue();
    }
    assertThat(r.path("endState").path("reached").asBoolean()).as("%s", r.path("endState"))
        .isTrue();
    assertThat(run.exit()).isZero();
  }

  @Test
  void aBrokenRollbackFailsItsGate() throws Exception {
    Path dir = Path.of("src/test/resources/rehearse/broken-rollback");
    Run run = rehearse(dir.resolve("packet.yaml").toString(), "--recipes",
        dir.resolve("recipes").toString());
    JsonNode rollback = run.json().path("rollback");
    assertThat(rollback.path("executed").asBoolean()).isTrue();
    assertThat(rollback.path("schemaRestored").asBoolean()).isFalse();
    assertThat(rollback.path("differences").toString()).contains("accounts.nickname");
    assertThat(gate(run.json(), "rollback-executable-and-time-bounded"))
        .startsWith("failed").contains("schema was not restored");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void whatThePlaybookDeliberatelyDoesNotUndoIsKeptByDesignNotAFailedRestore() throws Exception {
    Run run = rehearse("src/test/resources/rehearse/drop-not-null-column/packet.yaml");
    JsonNode rollback = run.json().path("rollback");
    assertThat(rollback.path("schemaRestored").asBoolean())
        .as("differences %s", rollback.path("differences")).isTrue();
    assertThat(rollback.path("keptByDesign").toString()).contains(
        "items.legacy_code: expected NOT NULL, found nullable (step A2");
    // No rollback statement ran: what was kept is listed, and the gate is not passed on that.
    assertThat(gate(run.json(), "rollback-executable-and-time-bounded")).startsWith("pending")
        .contains("no rollback statement ran");
    // The steps from the point of no return on ran after the rollback.
    assertThat(run.json().path("steps").toString()).contains("\"pass\":\"forward-fix\"");
  }

  @Test
  void anInvariantFailingAfterTheBackfillStopsTheRehearsalThere() throws Exception {
    Run run = rehearse("src/test/resources/rehearse/invariant-after-backfill/packet.yaml");
    JsonNode r = run.json();
    assertThat(r.path("stopped").path("at").asText()).isEqualTo("after-backfill");
    assertThat(gate(r, "invariants-before-and-after")).startsWith("failed")
        .contains("every-customer-reachable");
    // Nothing after the stop ran, and the rollback undid what did.
    for (JsonNode s : r.path("steps")) {
      assertThat(s.path("phase").asText()).isIn("A", "C");
    }
    assertThat(r.path("rollback").path("schemaRestored").asBoolean()).isTrue();
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void aStagingServerGetsAScratchDatabaseThatIsDroppedAndNeverSeesThePassword()
      throws Exception {
    var server = StagingRole.server();
    String secret = "s3cret-not-to-be-shown";
    String url = StagingRole.url() + "&password=" + secret;
    Run run = rehearse("src/test/resources/rehearse/broken-rollback/packet.yaml",
        "--jdbc-url", url);
    assertThat(run.json()).as("stderr: %s", run.err()).isNotNull();
    assertThat(run.json().path("server").path("embedded").asBoolean()).isFalse();
    assertThat(run.json().toString()).doesNotContain(secret);
    assertThat(run.err()).doesNotContain(secret);
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT count(*) FROM pg_database WHERE datname LIKE 'migsafe_rehearsal_%'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("scratch databases left behind").isZero();
    }
  }

  @Test
  void aStagingRehearsalRefusesStatementsBeyondItsScratchDatabase() throws Exception {
    var server = StagingRole.server();
    Path packet = tmp.resolve("packet.yaml");
    Files.writeString(packet, Files.readString(
        Path.of("src/test/resources/rehearse/broken-rollback/packet.yaml"))
        .replace("  current: |\n", "  current: |\n    CREATE ROLE rehearsal_owner;\n"
            + "    GRANT pg_read_server_files TO rehearsal_owner;\n"));
    Run run = rehearse(packet.toString(), "--jdbc-url", StagingRole.url());
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(packet + "#schema.current:1:1: acts beyond the scratch "
        + "database", packet + "#schema.current:2:1:");
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM pg_roles WHERE rolname = "
            + "'rehearsal_owner') + (SELECT count(*) FROM pg_database WHERE datname LIKE "
            + "'migsafe_rehearsal_%')")) {
      rs.next();
      assertThat(rs.getInt(1)).as("roles or scratch databases created").isZero();
    }
  }

  @Test
  void badInputIsExitTwoWithTheFileAndLine() throws Exception {
    Path packet = tmp.resolve("packet.yaml");
    Files.writeString(packet, Files.readString(
        Path.of("src/test/resources/rehearse/broken-rollback/packet.yaml"))
        .replace("created_at timestamptz NOT NULL DEFAULT now());\n  target",
            "created_at timestamptz NOT NULL DEFAULT now(), CONSTRAINT x CHECK (nope > 0));\n  target"));
    Run run = rehearse(packet.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("nope").doesNotContain("Exception", "\tat ");
  }
}
