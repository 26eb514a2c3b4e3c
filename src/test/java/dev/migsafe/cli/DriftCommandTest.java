package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages of {@code drift}; its reports are golden files (GoldenFilesTest). */
class DriftCommandTest {
  private static final String PACKET = "examples/plan-rename-column/packet.yaml";
  private static final Path CURRENT = Path.of("examples/plan-rename-column/schema/current.sql");

  @TempDir Path tmp;

  @Test
  void aDatabaseAsExpectedIsExitZero() {
    String url = DriftDatabase.matching("drift_current", CURRENT);
    CliRunner.Run run = CliRunner.run("drift", "--jdbc-url", url, "--packet", PACKET,
        "--phase", "current");
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("no drift: schema public (PostgreSQL ")
        .contains("examples/plan-rename-column/schema/current.sql");
  }

  @Test
  void theTargetSchemaOfAPacketNotYetMigratedIsDrift() {
    String url = DriftDatabase.matching("drift_current", CURRENT);
    CliRunner.Run run = CliRunner.run("drift", "--jdbc-url", url, "--packet", PACKET,
        "--phase", "target", "--format", "json", "--out", tmp.resolve("drift.json").toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(tmp.resolve("drift.json")).content()
        .contains("\"kind\" : \"missing-column\"", "payments.provider_reference",
            "\"drift\" : true");
  }

  @Test
  void expectedDdlThatAttacksTheMachineIsRefusedByTheEmbeddedServer() throws IOException {
    // An expected schema from an untrusted pull request runs as the embedded server's
    // unprivileged role (docs/security.md), whatever it wraps the attack in.
    String url = DriftDatabase.matching("drift_current", CURRENT);
    Path marker = tmp.resolve("pwned");
    Path expected = tmp.resolve("expected.sql");
    Files.writeString(expected, Files.readString(CURRENT)
        + "\nDO $$ BEGIN EXECUTE 'COPY (SELECT 1) TO PROGRAM ''touch " + marker + "'''; END $$;\n");
    CliRunner.Run run = CliRunner.run("drift", "--jdbc-url", url, "--expected",
        expected.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(expected.toString() + ":").contains("permission denied")
        .doesNotContain("\tat ");
    assertThat(marker).doesNotExist();
  }

  @Test
  void anUnreachableDatabaseIsExitTwoWithoutThePassword() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    CliRunner.Run run = CliRunner.run("drift", "--jdbc-url",
        "jdbc:postgresql://127.0.0.1:" + port + "/shop?password=hunter2", "--user", "app",
        "--expected", DriftDatabase.EXPECTED);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("cannot connect to PostgreSQL at 127.0.0.1:" + port + ", database shop, "
            + "as user app: ")
        .doesNotContain("hunter2").doesNotContain("\tat ");
  }

  @Test
  void expectedDdlTheServerRejectsIsExitTwoAtItsPlace() throws IOException {
    Path ddl = Files.writeString(tmp.resolve("bad.sql"),
        "CREATE TABLE a (id int);\nCREATE TABLE b (x int REFERENCES nowhere (id));\n");
    CliRunner.Run run = CliRunner.run("drift", "--jdbc-url", DriftDatabase.drifted(),
        "--expected", ddl.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(ddl + ":2:1: relation \"nowhere\" does not exist");
  }

  @Test
  void aMissingSchemaIsExitTwo() {
    CliRunner.Run run = CliRunner.run("drift", "--jdbc-url", DriftDatabase.drifted(),
        "--schema", "billing", "--expected", DriftDatabase.EXPECTED);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("schema billing does not exist");
  }

  @Test
  void theExpectedSchemaMustComeFromExactlyOnePlace() {
    assertThat(CliRunner.run("drift", "--jdbc-url", "jdbc:postgresql://h/db").exit())
        .isEqualTo(2);
    CliRunner.Run both = CliRunner.run("drift", "--jdbc-url", "jdbc:postgresql://h/db",
        "--expected", "a.sql", "--packet", PACKET, "--phase", "target");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
    CliRunner.Run noPhase = CliRunner.run("drift", "--jdbc-url", "jdbc:postgresql://h/db",
        "--packet", PACKET);
    assertThat(noPhase.exit()).isEqualTo(2);
    assertThat(noPhase.err()).contains("--phase");
    CliRunner.Run badPhase = CliRunner.run("drift", "--jdbc-url", "jdbc:postgresql://h/db",
        "--packet", PACKET, "--phase", "later");
    assertThat(badPhase.exit()).isEqualTo(2);
    assertThat(badPhase.err()).contains("later");
  }
}
