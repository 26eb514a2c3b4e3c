package dev.migsafe.internal.mcp;

import dev.migsafe.Migsafe;
import dev.migsafe.api.RuleInfo;
import dev.migsafe.internal.render.RuleListRenderer;
import io.modelcontextprotocol.spec.McpSchema;

/** {@code explain_rule}: one rule's documentation, as {@code rules explain ID}. */
final class ExplainRuleTool implements McpTool {
  static final java.util.regex.Pattern RULE_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  @Override
  public McpSchema.Tool definition() {
    return ToolRegistry.readOnly("explain_rule", "Explain a lint rule", "explain-rule-input", null,
        "A rule's documentation: the problem, why it is dangerous (which lock, "
            + "what it blocks, on which PostgreSQL versions) and the safer alternative with "
            + "SQL.");
  }

  @Override
  public boolean readsCatalog() {
    return false;
  }

  @Override
  public McpSchema.CallToolResult call(ToolCall call) {
    String id = call.arguments().required("id");
    // Ids are kebab-case; anything else would reach the class path as part of a resource name.
    if (!RULE_ID.matcher(id).matches()) {
      throw new ToolFailure("'" + id + "' is not a rule id; the rules tool lists them");
    }
    Migsafe migsafe = Migsafe.builder().build();
    RuleInfo info = migsafe.rules().stream().filter(r -> r.id().equals(id)).findFirst()
        .orElse(null);
    String doc = migsafe.ruleDoc(id).orElse(null);
    if (info == null && doc == null) {
      throw new ToolFailure("'" + id + "' is not a rule id; the rules tool lists them");
    }
    return ToolResults.text(RuleListRenderer.explain(info, doc));
  }
}
