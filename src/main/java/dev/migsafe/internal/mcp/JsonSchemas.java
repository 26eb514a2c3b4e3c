package dev.migsafe.internal.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.migsafe.internal.render.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The tools' input and output schemas (JSON Schema 2020-12), kept as files under
 * {@code migsafe/mcp/} on the class path so that they read as schemas, not as Java.
 */
final class JsonSchemas {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private JsonSchemas() {}

  /** The schema {@code migsafe/mcp/NAME.schema.json}. */
  static Map<String, Object> load(String name) {
    String path = "/migsafe/mcp/" + name + ".schema.json";
    try (InputStream in = JsonSchemas.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the class path");
      }
      return Json.MAPPER.readValue(in, OBJECT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
