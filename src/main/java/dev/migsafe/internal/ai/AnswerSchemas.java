package dev.migsafe.internal.ai;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.migsafe.api.AiPass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The JSON Schema each pass's answer must follow, one file per pass under {@code
 * migsafe/ai/}. The same text is sent to the model (Ollama's {@code format}, OpenAI's {@code
 * response_format}) and checks the answer on arrival: a server may ignore the format, a model
 * may stop mid-answer, so what was asked for is never assumed.
 *
 * <p>Every object lists all its properties as required and forbids others, with {@code null}
 * where a value may be absent: that is the subset OpenAI's strict structured outputs accept,
 * and llama.cpp's grammar conversion reads it too.
 */
public final class AnswerSchemas {
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      new com.fasterxml.jackson.databind.ObjectMapper();
  private static final Map<AiPass, String> TEXTS = new EnumMap<>(AiPass.class);
  private static final Map<AiPass, Schema> VALIDATORS = new EnumMap<>(AiPass.class);

  private AnswerSchemas() {}

  /**
   * The schema as sent to a model and given in prompts: the shipped file without its {@code
   * $schema} line, which OpenAI's strict mode does not accept; the dialect is draft 2020-12
   * all the same, and {@link #validator} reads it as such.
   */
  public static synchronized String text(AiPass pass) {
    return TEXTS.computeIfAbsent(pass, p -> {
      try {
        com.fasterxml.jackson.databind.node.ObjectNode schema =
            (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(load(p));
        schema.remove("$schema");
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(schema);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The schema, compiled for validating answers. */
  static synchronized Schema validator(AiPass pass) {
    return VALIDATORS.computeIfAbsent(pass, p -> SchemaRegistry
        .withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text(p)));
  }

  /** The file name's stem: {@code design}, {@code execution}, {@code validation}, {@code safety}. */
  static String stem(AiPass pass) {
    return pass.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String load(AiPass pass) {
    String resource = "/migsafe/ai/" + stem(pass) + ".schema.json";
    try (InputStream in = AnswerSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
