package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --code}: the consumers' code that uses what the packet renames goes into the
 * playbook, as a blocker finding per repository and, for a repository that is not an
 * acknowledged consumer, a blocked consumers gate naming its files. The packet renames
 * payments.psp_reference; payments-api is an acknowledged consumer of it, billing-batch is not
 * listed.
 */
class PlanCodeTest {
  private static final String PACKET = "examples/plan-rename-column/packet.yaml";

  @TempDir Path dir;

  @Test
  void usesOfARenamedColumnAreBlockersAndAnUnlistedRepositoryBlocksTheGate()
      throws IOException {
    Path api = repo("payments-api", "Payments.java", """
        class Payments {
          static final String BY_REF = "SELECT id FROM payments WHERE psp_reference = ?";
        }
        """);
    Path batch = repo("billing-batch", "settle.py",
        "Q = 'UPDATE payments SET psp_reference = %s WHERE id = %s'\n");
    CliRunner.Run r = CliRunner.run("plan", PACKET, "--code", api.toString(), "--code",
        batch.toString(), "--format", "md");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("## Code that uses what changes")
        .contains("Payments.java:2:").contains("settle.py:1:")
        .contains("code-still-uses-removed")
        .contains("billing-batch (settle.py)")
        .doesNotContain("payments-api (Payments.java)");
  }

  /**
   * A repository already written for the new name is the other side of the matrix: its lines
   * break on the old schema, so the playbook says to deploy it only after the rename.
   */
  @Test
  void codeUsingTheNewNameBreaksOnTheOldSchemaAndEachSideListsItsLines() throws IOException {
    Path api = repo("payments-api", "Payments.java", """
        class Payments {
          static final String BY_REF = "SELECT id FROM payments WHERE provider_reference = ?";
        }
        """);
    Path batch = repo("billing-batch", "settle.py",
        "Q = 'UPDATE payments SET psp_reference = %s WHERE id = %s'\n");
    CliRunner.Run md = CliRunner.run("plan", PACKET, "--code", api.toString(), "--code",
        batch.toString(), "--format", "md");
    assertThat(md.out())
        .contains("- c1, old app, new schema: billing\\-batch/settle\\.py\\:1\n")
        .contains("- c1, new app, old schema: payments\\-api/Payments\\.java\\:2\n")
        .contains("code-needs-new-schema")
        .contains("| payments-api | team-payments | c1 | yes | 1 place in Payments.java |")
        .contains("| reconciliation-job | team-finance-ops | c1 | yes | none found |")
        .contains("| billing-batch | | c1 | **no entry** | 1 place in settle.py |")
        .contains("| c1 | new app, old schema | " + api);
    CliRunner.Run json = CliRunner.run("plan", PACKET, "--code", api.toString(), "--code",
        batch.toString(), "--format", "json");
    com.fasterxml.jackson.databind.JsonNode plan =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
    com.fasterxml.jackson.databind.JsonNode c1 = plan.get("compatibility").get(0);
    assertThat(c1.get("oldAppNewSchema").get("code").get(0).get("path").asText())
        .isEqualTo("settle.py");
    assertThat(c1.get("newAppOldSchema").get("code").get(0).get("path").asText())
        .isEqualTo("Payments.java");
    assertThat(plan.get("consumers").get(0).get("code").get(0).get("side").asText())
        .isEqualTo("new-app-old-schema");
    assertThat(plan.get("codeSurfaces")).extracting(n -> n.get("side").asText())
        .containsExactlyInAnyOrder("old-app-new-schema", "new-app-old-schema");
    CliRunner.Run html = CliRunner.run("plan", PACKET, "--code", api.toString(), "--code",
        batch.toString(), "--format", "html");
    assertThat(html.out()).contains("<br>breaks: <code>payments-api/Payments.java:2</code>")
        .contains("<b class=\"blocked\">no entry</b>");
  }

  @Test
  void withoutUsesNothingChanges() throws IOException {
    Path clean = repo("payments-api", "Other.java",
        "class O { static final String Q = \"SELECT id, amount_cents FROM payments\"; }\n");
    CliRunner.Run with = CliRunner.run("plan", PACKET, "--code", clean.toString(),
        "--format", "json", "--start", "2026-12-01T00:00");
    CliRunner.Run without = CliRunner.run("plan", PACKET, "--format", "json",
        "--start", "2026-12-01T00:00");
    assertThat(with.out()).isEqualTo(without.out()).doesNotContain("codeSurfaces");
  }

  private Path repo(String name, String file, String text) throws IOException {
    Path repo = Files.createDirectories(dir.resolve(name));
    Files.writeString(repo.resolve(file), text);
    return repo;
  }
}
