package dev.migsafe.internal.mcp;

import dev.migsafe.Migsafe;
import dev.migsafe.api.Rehearsal;
import dev.migsafe.api.RehearseOptions;
import dev.migsafe.internal.render.RehearsalJsonRenderer;
import dev.migsafe.internal.render.RehearsalMarkdownRenderer;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * {@code rehearse}: the packet's playbook run on an embedded PostgreSQL under a workload, each
 * line of its progress sent as an MCP progress notification. Always embedded: a staging server
 * needs a password from the environment or a prompt, which a tool call has neither of.
 */
final class RehearseTool implements McpTool {
  @Override
  public McpSchema.Tool definition() {
    return ToolRegistry.readOnly("rehearse", "Rehearse a packet's playbook", "rehearse-input", null,
        "Runs the packet's playbook on an embedded PostgreSQL of its version "
            + "filled with synthetic rows, under a background workload: observes each step's "
            + "locks, rewrite and scan against the plan's prediction, runs the validations, "
            + "executes and verifies the rollback, and decides the gates. Takes from seconds to "
            + "minutes; sends progress notifications when the request carries a progress token.");
  }

  @Override
  public McpSchema.CallToolResult call(ToolCall call) {
    Arguments args = call.arguments();
    var packet = PacketGate.check(call.roots(), args.required("packet"));
    long scale = args.integer("scale", 1, RehearseOptions.MAX_SCALE,
        RehearseOptions.DEFAULT_SCALE);
    Rehearsal r = Migsafe.builder().build().rehearse(packet,
        RehearseOptions.defaults().withScale(scale), call.progress());
    return ToolResults.structured(RehearsalMarkdownRenderer.render(r),
        RehearsalJsonRenderer.render(r));
  }
}
