package dev.migsafe.internal.mcp;

import dev.migsafe.Migsafe;
import dev.migsafe.api.AiPass;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.PassPrompt;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The four AI passes as MCP prompts ({@code design-pass}, {@code execution-pass}, {@code
 * validation-pass}, {@code safety-pass}), each over a packet: the same text {@code migsafe ai}
 * sends a model. MCP prompt messages have no system role, so the instructions come first as a
 * user message, then the packet's facts, then the JSON Schema the answer must follow.
 */
final class PassPrompts {
  private static final Map<AiPass, String> DESCRIPTIONS = Map.of(
      AiPass.DESIGN, "Draft the compatibility strategy for a migration packet: expand and "
          + "contract, dual writes, what old and new code see at each phase.",
      AiPass.EXECUTION, "Draft the phased steps of a migration packet with their SQL, "
          + "dual-write windows and waits.",
      AiPass.VALIDATION, "Draft integrity queries tied to the packet's business invariants.",
      AiPass.SAFETY, "Challenge a migration's rollback realism and blast radius, "
          + "independently of its authors.");

  private final ClientRoots roots;

  PassPrompts(ClientRoots roots) {
    this.roots = roots;
  }

  List<McpServerFeatures.SyncPromptSpecification> prompts() {
    return Arrays.stream(AiPass.values()).map(pass -> new McpServerFeatures.SyncPromptSpecification(
        McpSchema.Prompt.builder(pass.promptName())
            .description(DESCRIPTIONS.get(pass))
            .arguments(List.of(McpSchema.PromptArgument.builder("packet")
                .description("Path of the migration packet under the working directory.")
                .required(true).build()))
            .build(),
        (exchange, request) -> get(pass, exchange, request))).toList();
  }

  private McpSchema.GetPromptResult get(AiPass pass, McpSyncServerExchange exchange,
      McpSchema.GetPromptRequest request) {
    Object packet = request.arguments() == null ? null : request.arguments().get("packet");
    PassPrompt prompt;
    try {
      WorkingRoots allowed = roots.current(exchange);
      allowed.projectEntry(WorkingRoots.CATALOG);
      var checked = PacketGate.check(allowed, packet instanceof String s ? s : null);
      prompt = Migsafe.builder().build().passPrompt(pass, checked);
    } catch (ToolFailure e) {
      throw invalid(e.getMessage());
    } catch (MigsafeException e) {
      if (e.kind() == MigsafeException.Kind.BAD_INPUT) {
        throw invalid(e.getMessage());
      }
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
          .message(pass.promptName() + ": internal error: " + e.getMessage()).build();
    }
    return McpSchema.GetPromptResult.builder(messages(prompt))
        .description(DESCRIPTIONS.get(pass)).build();
  }

  /** The prompt as MCP messages: instructions, facts, and the answer's JSON Schema. */
  static List<McpSchema.PromptMessage> messages(PassPrompt prompt) {
    return List.of(
        user(prompt.system()),
        user(prompt.user()),
        user("Answer with one JSON document that validates against this JSON Schema "
            + "(draft 2020-12):\n\n```json\n" + prompt.answerSchema().strip() + "\n```\n"));
  }

  private static McpSchema.PromptMessage user(String text) {
    return McpSchema.PromptMessage.builder(McpSchema.Role.USER,
        McpSchema.TextContent.builder(text).build()).build();
  }

  private static McpError invalid(String message) {
    return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
  }
}
