package dev.migsafe.internal.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.migsafe.internal.render.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * The shapes of a tool's answer. A result with structured content also carries the same JSON
 * as text, as the MCP specification asks for clients that read only {@code content}; the
 * summary (or Markdown) comes first because it is what a person or model reads.
 */
final class ToolResults {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private ToolResults() {}

  /** A readable text and the JSON document of the same answer, as structured content. */
  static McpSchema.CallToolResult structured(String readable, String json) {
    Map<String, Object> structured;
    try {
      structured = Json.MAPPER.readValue(json, OBJECT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a renderer wrote JSON that does not parse", e);
    }
    return McpSchema.CallToolResult.builder()
        .content(List.of(content(readable), content(json)))
        .structuredContent(structured)
        .isError(false)
        .build();
  }

  static McpSchema.CallToolResult text(String text) {
    return McpSchema.CallToolResult.builder()
        .content(List.of(content(text)))
        .isError(false)
        .build();
  }

  static McpSchema.CallToolResult error(String message) {
    return McpSchema.CallToolResult.builder()
        .content(List.of(content(message)))
        .isError(true)
        .build();
  }

  private static McpSchema.Content content(String text) {
    return McpSchema.TextContent.builder(text).build();
  }
}
