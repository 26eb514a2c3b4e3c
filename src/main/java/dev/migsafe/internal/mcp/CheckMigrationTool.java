package dev.migsafe.internal.mcp;

import dev.migsafe.Migsafe;
import dev.migsafe.api.CheckRequest;
import dev.migsafe.api.MigrationCheck;
import dev.migsafe.internal.render.CheckRenderer;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * {@code check_migration}: the guardrail. Every migration an assistant drafts for a packet is
 * checked here before anyone is shown it: linted, its names checked against the schema,
 * applied on a real PostgreSQL and compared with the target, rolled back and compared with
 * the current schema, the invariants run and the consumers weighed.
 */
final class CheckMigrationTool implements McpTool {
  @Override
  public McpSchema.Tool definition() {
    return ToolRegistry.readOnly("check_migration", "Check a proposed migration", "check-migration-input", "check-migration-output",
        "Checks SQL proposed for a migration packet before anyone trusts it: "
            + "lints up (and down as its rollback) against the packet's schema and workload, "
            + "checks every table and column it names exists, applies it on an embedded "
            + "PostgreSQL of the packet's version and compares the result with the target, "
            + "applies down and checks the current schema is restored, runs the packet's "
            + "invariants and checks which consumers it breaks and whether they acknowledged. "
            + "Answers pass, fail or needs-review with the evidence for each point. Call it on "
            + "every migration you propose. Takes seconds: it starts a database.");
  }

  @Override
  public McpSchema.CallToolResult call(ToolCall call) {
    Arguments args = call.arguments();
    var packet = PacketGate.check(call.roots(), args.required("packet"));
    MigrationCheck check = Migsafe.builder().build().checkMigration(
        new CheckRequest(packet, args.required("up"), args.optional("down")), call.progress());
    return ToolResults.structured(CheckRenderer.text(check), CheckRenderer.json(check));
  }
}
