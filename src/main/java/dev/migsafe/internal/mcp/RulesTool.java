package dev.migsafe.internal.mcp;

import dev.migsafe.Migsafe;
import dev.migsafe.internal.render.RuleListRenderer;
import io.modelcontextprotocol.spec.McpSchema;

/** {@code rules}: every rule with its id, severity and summary, as {@code rules}. */
final class RulesTool implements McpTool {
  @Override
  public McpSchema.Tool definition() {
    return ToolRegistry.readOnly("rules", "List the lint rules", "no-input", null,
        "Every rule migsafe checks SQL against, with its id, severity and one-line "
            + "summary. explain_rule gives one rule's documentation.");
  }

  @Override
  public boolean readsCatalog() {
    return false;
  }

  @Override
  public McpSchema.CallToolResult call(ToolCall call) {
    var rules = Migsafe.builder().build().rules();
    return ToolResults.structured(RuleListRenderer.text(rules), RuleListRenderer.json(rules));
  }
}
