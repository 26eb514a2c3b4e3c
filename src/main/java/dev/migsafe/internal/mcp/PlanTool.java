package dev.migsafe.internal.mcp;

import dev.migsafe.Migsafe;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import dev.migsafe.internal.render.PlanJsonRenderer;
import dev.migsafe.internal.render.PlanMarkdownRenderer;
import io.modelcontextprotocol.spec.McpSchema;

/** {@code plan}: a packet's phased playbook, as {@code plan --format md} and {@code json}. */
final class PlanTool implements McpTool {
  @Override
  public McpSchema.Tool definition() {
    return ToolRegistry.readOnly("plan", "Plan a migration packet", "packet-input", null,
        "Turns a migration packet (a YAML file under the working directory) into "
            + "a phased playbook: safe recipes, each step's SQL with its lock, rewrite and "
            + "duration on this table, compatibility windows, validations, rollback, gates and "
            + "similar past migrations. Markdown for reading, and the playbook JSON.");
  }

  @Override
  public McpSchema.CallToolResult call(ToolCall call) {
    var packet = PacketGate.check(call.roots(), call.arguments().required("packet"));
    Plan plan = Migsafe.builder().build().plan(packet, new PlanOptions(null, null, null));
    return ToolResults.structured(PlanMarkdownRenderer.render(plan),
        PlanJsonRenderer.render(plan));
  }
}
