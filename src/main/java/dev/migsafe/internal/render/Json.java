package dev.migsafe.internal.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** One configured Jackson mapper for every JSON document migsafe writes. */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /**
   * A generator that writes what {@link #write} would, token by token, for documents written as
   * their content comes (end it with {@link #end}).
   */
  public static JsonGenerator generator(Writer out) {
    try {
      JsonGenerator g = MAPPER.getFactory().createGenerator(out);
      g.setPrettyPrinter(prettyPrinter());
      return g;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends a document written with {@link #generator} as {@link #write} ends one. */
  public static void end(JsonGenerator g, Writer out) {
    try {
      g.flush();
      out.write("\n");
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    return new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The {@code skipped} array every catalog-reading command writes: file, reason, problems. */
  public static void skipped(ObjectNode root, java.util.List<dev.migsafe.api.SkippedRecord> records) {
    var skipped = root.putArray("skipped");
    for (var s : records) {
      ObjectNode o = skipped.addObject();
      o.put("file", s.file());
      o.put("reason", s.reason());
      var problems = o.putArray("problems");
      s.problems().forEach(problems::add);
    }
  }

  /** Pretty-printed with two-space indent and LF line ends, identical on every platform. */
  public static String write(Object node) {
    try {
      return MAPPER.writer(prettyPrinter()).writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
