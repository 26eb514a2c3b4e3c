package dev.migsafe.internal.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.migsafe.cli.Main;
import dev.migsafe.testing.McpServerProcess;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migsafe mcp} through the MCP SDK's own client over real standard input and output:
 * one server process, started in a temporary working directory that holds a copy of an example
 * packet, answers every tool, resource and prompt.
 */
class McpServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PACKET = "drop-column/packet.yaml";
  private static final List<McpSchema.ProgressNotification> PROGRESS =
      new CopyOnWriteArrayList<>();

  @TempDir static Path work;
  @AutoClose private static McpServerProcess server;
  private static McpSyncClient client;

  @BeforeAll
  static void start() throws IOException {
    McpServerProcess.copy(Path.of("examples/plan-drop-column-still-read"),
        work.resolve("drop-column"));
    McpServerProcess.copy(Path.of("src/test/resources/surfaces/prisma-blog"),
        work.resolve("prisma-blog"));
    server = McpServerProcess.fromClassPath(work, PROGRESS::add, null);
    client = server.client();
  }

  @Test
  void theToolNamesAreTheContract() {
    assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
        .containsExactlyInAnyOrder("lint", "plan", "check_migration", "similar",
            "explain_rule", "rules", "rehearse", "report", "surfaces");
    assertThat(client.getCurrentInitializationResult().protocolVersion())
        .isEqualTo("2025-11-25");
  }

  @Test
  void lintAnswersWhatLintFormatJsonPrints(@TempDir Path tmp) throws IOException {
    String sql = "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();\n"
        + "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;\n";
    McpSchema.CallToolResult r = call("lint", Map.of("sql", sql));
    assertThat(r.isError()).isFalse();
    JsonNode structured = structured(r);

    Path file = tmp.resolve("m.sql");
    Files.writeString(file, sql);
    StringWriter out = new StringWriter();
    Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "lint", "--format",
        "json", file.toString());
    ObjectNode cli = (ObjectNode) JSON.readTree(out.toString());
    ((ObjectNode) cli.get("files").get(0)).put("path", "sql");
    assertThat(structured).isEqualTo(cli);

    // The output schema the tool declares holds for what it answers.
    McpSchema.Tool lint = client.listTools().tools().stream()
        .filter(t -> t.name().equals("lint")).findFirst().orElseThrow();
    assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(JSON.<JsonNode>valueToTree(lint.outputSchema())).validate(structured)).isEmpty();
    assertThat(text(r, 0)).contains("ACCESS EXCLUSIVE on orders, rewrites the table")
        .contains("high pg-add-column-volatile-default");
    assertThat(readTree(text(r, 1))).isEqualTo(cli);
  }

  @Test
  void lintTakesAnInlineSchemaAndTheOptions() {
    McpSchema.CallToolResult r = call("lint", Map.of(
        "sql", "ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0;",
        "schema", "CREATE TABLE t (id bigint PRIMARY KEY);",
        "engineVersion", 10, "transaction", "always"));
    assertThat(r.isError()).as(text(r, 0)).isFalse();
    JsonNode s = structured(r);
    assertThat(s.get("engineVersion").asText()).isEqualTo("10");
    assertThat(s.at("/files/0/inTransaction").asBoolean()).isTrue();
    // PostgreSQL 10 rewrites the table for a column with a default; 11 and later do not.
    assertThat(s.at("/files/0/statements/0/rewritesTable").asBoolean()).isTrue();
  }

  @Test
  void badArgumentsAreToolErrorsWithoutStackTraces() {
    McpSchema.CallToolResult r = call("lint", Map.of("sql", "SELECT 1", "engineVersion", 9));
    assertThat(r.isError()).isTrue();
    assertThat(text(r, 0)).doesNotContain("\tat ").doesNotContain("Exception");
    McpSchema.CallToolResult unknown = call("explain_rule", Map.of("id", "no-such-rule"));
    assertThat(unknown.isError()).isTrue();
    assertThat(text(unknown, 0)).contains("'no-such-rule' is not a rule id");
  }

  @Test
  void aPacketThatDoesNotValidateSaysWhereAndWhat() throws IOException {
    Path bad = work.resolve("drop-column/bad.yaml");
    Files.writeString(bad, Files.readString(work.resolve(PACKET))
        .replace("engineVersion: \"17\"", "engineVersion: \"9\""));
    McpSchema.CallToolResult r = call("plan", Map.of("packet", "drop-column/bad.yaml"));
    assertThat(r.isError()).isTrue();
    assertThat(text(r, 0)).matches("(?s)drop-column/bad\\.yaml:8:\\d+: engineVersion: '9' is "
        + "not a supported postgresql version.*").doesNotContain("\tat ");
  }

  @Test
  void planAnswersMarkdownAndThePlaybookJson() {
    McpSchema.CallToolResult r = call("plan", Map.of("packet", PACKET));
    assertThat(r.isError()).as(text(r, 0)).isFalse();
    assertThat(text(r, 0)).startsWith("# ").contains("legacy_loyalty_points");
    JsonNode s = structured(r);
    assertThat(s.toString()).contains("customers-drop-legacy-loyalty-points");
    assertThat(structured(r)).isEqualTo(readTree(text(r, 1)));
  }

  @Test
  void surfacesFindsAColumnThroughItsPrismaMapping() {
    McpSchema.CallToolResult r = call("surfaces", Map.of(
        "repos", List.of("prisma-blog"), "table", "articles", "column", "read_count"));
    assertThat(r.isError()).as(text(r, 0)).isFalse();
    assertThat(text(r, 0)).contains("orm-mapping").contains("src/api\\.ts\\:9\\:");
    assertThat(structured(r).get("targets").get(0).get("surfaces")).hasSize(3);
    McpSchema.CallToolResult none = call("surfaces", Map.of(
        "repos", List.of("prisma-blog"), "sql", "CREATE INDEX CONCURRENTLY i ON articles (headline);"));
    assertThat(text(none, 0)).startsWith("Nothing to look for");
  }

  @Test
  void similarExplainRuleRulesAndReportAnswer() {
    McpSchema.CallToolResult similar = call("similar",
        Map.of("text", "set not null on a big table", "limit", 2));
    assertThat(similar.isError()).as(text(similar, 0)).isFalse();
    assertThat(structured(similar).get("results")).hasSize(2);

    McpSchema.CallToolResult explain = call("explain_rule",
        Map.of("id", "pg-add-column-volatile-default"));
    assertThat(text(explain, 0)).startsWith("# pg-add-column-volatile-default")
        .contains("## Safer alternative");

    McpSchema.CallToolResult rules = call("rules", Map.of());
    assertThat(structured(rules).get("rules").size())
        .isGreaterThan(20);

    McpSchema.CallToolResult report = call("report", Map.of("quarter", "2026-Q3"));
    assertThat(report.isError()).as(text(report, 0)).isFalse();
    assertThat(text(report, 0)).contains("2026-Q3");
    assertThat(call("report", Map.of("quarter", "2026-Q5")).isError()).isTrue();
  }

  @Test
  void rehearseSendsProgressNotifications() {
    PROGRESS.clear();
    McpSchema.CallToolResult r = client.callTool(McpSchema.CallToolRequest.builder("rehearse").arguments(Map.of("packet", PACKET, "scale", 200))
        .progressToken("rehearse-1").build());
    assertThat(r.isError()).as(text(r, 0)).isFalse();
    assertThat(text(r, 0)).contains("customers-drop-legacy-loyalty-points");
    assertThat(structured(r).isObject()).isTrue();
    assertThat(PROGRESS).isNotEmpty().allSatisfy(p -> {
      assertThat(p.progressToken()).isEqualTo("rehearse-1");
      assertThat(p.message()).isNotBlank();
    });
    // The server numbers the lines 1, 2, 3, ... as it sends them; the SDK's client may hand
    // notifications to the consumer on more than one thread, so they are compared as a set.
    List<Double> counts = PROGRESS.stream().map(McpSchema.ProgressNotification::progress)
        .sorted().toList();
    assertThat(counts).doesNotHaveDuplicates().startsWith(1.0)
        .endsWith((double) counts.size());
  }

  /**
   * The guardrail on the example's own change: the column goes and comes back, and the CRM
   * sync, which still reads it and has not acknowledged, makes the verdict needs-review.
   */
  @Test
  void checkMigrationGivesAVerdictWithEvidence() {
    McpSchema.CallToolResult r = call("check_migration", Map.of("packet", PACKET,
        "up", "ALTER TABLE customers DROP COLUMN legacy_loyalty_points;",
        "down", "ALTER TABLE customers ADD COLUMN legacy_loyalty_points integer;"));
    assertThat(r.isError()).as(text(r, 0)).isFalse();
    JsonNode s = structured(r);
    McpSchema.Tool tool = client.listTools().tools().stream()
        .filter(t -> t.name().equals("check_migration")).findFirst().orElseThrow();
    assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(JSON.<JsonNode>valueToTree(tool.outputSchema())).validate(s)).isEmpty();
    assertThat(s.get("verdict").asText()).isEqualTo("needs-review");
    List<String> points = new ArrayList<>();
    s.get("evidence").forEach(e -> points.add(e.get("point").asText()));
    assertThat(points).contains("lint-up", "names", "target-reached", "consumers");
    assertThat(s.get("evidence").toString()).contains("crm-sync");
    assertThat(text(r, 0)).startsWith("check of customers-drop-legacy-loyalty-points on "
        + "PostgreSQL 17").contains(": needs-review");
  }

  @Test
  void checkMigrationRefutesAColumnThatDoesNotExist() {
    McpSchema.CallToolResult r = call("check_migration", Map.of("packet", PACKET,
        "up", "ALTER TABLE customers DROP COLUMN loyalty_pts;"));
    assertThat(r.isError()).as(text(r, 0)).isFalse();
    JsonNode s = structured(r);
    assertThat(s.get("verdict").asText()).isEqualTo("fail");
    assertThat(s.get("evidence").toString()).contains("loyalty_pts");
  }

  @Test
  void resourcesListAndReadEveryKind() {
    List<McpSchema.Resource> all = new ArrayList<>();
    String cursor = null;
    do {
      McpSchema.ListResourcesResult page = client.listResources(cursor);
      all.addAll(page.resources());
      cursor = page.nextCursor();
    } while (cursor != null);
    List<String> uris = all.stream().map(McpSchema.Resource::uri).toList();
    assertThat(uris).contains("migsafe://rules/pg-add-column-volatile-default",
        "migsafe://recipes/add-column-volatile-default",
        "migsafe://decision-trees/add-column",
        "migsafe://catalog/migrations/2025-10-identity-users-email-unique");
    assertThat(uris).anyMatch(u -> u.startsWith("migsafe://catalog/validations/"));
    for (String prefix : List.of("migsafe://rules/", "migsafe://recipes/",
        "migsafe://decision-trees/", "migsafe://catalog/migrations/",
        "migsafe://catalog/validations/")) {
      String uri = uris.stream().filter(u -> u.startsWith(prefix)).findFirst().orElseThrow();
      McpSchema.ReadResourceResult read = client.readResource(
          new McpSchema.ReadResourceRequest(uri, null));
      assertThat(read.contents()).singleElement().satisfies(c -> {
        assertThat(c.uri()).isEqualTo(uri);
        assertThat(((McpSchema.TextResourceContents) c).text()).isNotBlank();
      });
    }
    assertThat(client.listResourceTemplates().resourceTemplates())
        .extracting(McpSchema.ResourceTemplate::uriTemplate)
        .containsExactlyInAnyOrder("migsafe://rules/{id}", "migsafe://recipes/{id}",
            "migsafe://decision-trees/{id}", "migsafe://catalog/migrations/{id}",
            "migsafe://catalog/validations/{id}");
    String recipe = ((McpSchema.TextResourceContents) client.readResource(
        new McpSchema.ReadResourceRequest("migsafe://recipes/add-index", null))
        .contents().get(0)).text();
    assertThat(recipe).contains("add-index");
  }

  @Test
  void theFourPassesArePromptsOverAPacket() {
    assertThat(client.listPrompts().prompts()).extracting(McpSchema.Prompt::name)
        .containsExactlyInAnyOrder("design-pass", "execution-pass", "validation-pass",
            "safety-pass");
    McpSchema.GetPromptResult p = client.getPrompt(McpSchema.GetPromptRequest
        .builder("safety-pass").arguments(Map.of("packet", PACKET)).build());
    assertThat(p.messages()).hasSize(3).allSatisfy(m ->
        assertThat(m.role()).isEqualTo(McpSchema.Role.USER));
    String all = p.messages().stream()
        .map(m -> ((McpSchema.TextContent) m.content()).text()).reduce("", String::concat);
    assertThat(all).contains("check_migration").contains("legacy_loyalty_points")
        .contains("crm-sync").contains("JSON Schema");
  }

  @Test
  void standardErrorSaysWhereTheServerReads() {
    assertThat(server.stderr()).anyMatch(l -> l.contains("serving on standard input and output"));
  }

  private static McpSchema.CallToolResult call(String tool, Map<String, Object> args) {
    return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(args)
        .build());
  }

  private static JsonNode structured(McpSchema.CallToolResult r) {
    return JSON.valueToTree(r.structuredContent());
  }

  static String text(McpSchema.CallToolResult r, int i) {
    return ((McpSchema.TextContent) r.content().get(i)).text();
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
