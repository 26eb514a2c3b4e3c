package dev.migsafe.internal.ai;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.api.AiPass;
import dev.migsafe.api.MigsafeException;
import java.io.IOException;
import java.util.List;

/**
 * The model's answer as JSON that follows its pass's schema, or a failure that says what is
 * wrong with it. Whatever the server promised about the format, the answer is checked again
 * here: a model can stop mid-answer, and a server can ignore the format it was given. Nothing
 * of an answer that fails here is verified or shown as if it were usable.
 */
public final class AnswerValidator {
  /** How many schema violations a failure lists; the rest are counted. */
  private static final int SHOWN = 10;
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private AnswerValidator() {}

  /**
   * The answer's JSON.
   *
   * @param source how the answer is named in messages: {@code answer} or an exchange file
   * @throws MigsafeException bad input, {@code SOURCE:LINE:COLUMN: what is wrong} where there
   *     is a place
   */
  public static JsonNode parse(AiPass pass, String source, ModelReply reply) {
    String text = reply.text();
    if (reply.truncated()) {
      throw MigsafeException.badInput(source + ": the model's answer was cut off: the server "
          + "says it reached its token limit after " + text.length() + " characters. Nothing "
          + "of it was checked; give the model a larger context or output limit");
    }
    if (text.isBlank()) {
      throw MigsafeException.badInput(source + ": the model sent an empty answer");
    }
    JsonNode node;
    try (JsonParser p = MAPPER.createParser(text)) {
      node = MAPPER.readTree(p);
      if (p.nextToken() != null) {
        throw MigsafeException.badInput(where(source, p.currentTokenLocation())
            + "the answer goes on after its JSON object ends; it must be one JSON object");
      }
    } catch (JsonEOFException e) {
      throw MigsafeException.badInput(where(source, e.getLocation()) + "the answer ends "
          + "before its JSON does (" + text.length() + " characters): it was truncated");
    } catch (JsonProcessingException e) {
      throw MigsafeException.badInput(where(source, e.getLocation()) + "the answer is not "
          + "JSON: " + e.getOriginalMessage().split("\\R")[0].replaceAll("\\p{Cntrl}",
              "\uFFFD"));
    } catch (IOException e) {
      throw MigsafeException.badInput(source + ": the answer cannot be read: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw MigsafeException.badInput(source + ":1:1: the answer must be one JSON object, not "
          + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    List<com.networknt.schema.Error> problems = AnswerSchemas.validator(pass).validate(node);
    if (!problems.isEmpty()) {
      // A message may quote a property name the model wrote: no control character of it
      // reaches the terminal.
      // Error.toString, not getMessage: in 2.x only toString carries the instance location.
      List<String> lines = problems.stream().map(m -> source + ": " + m.toString()
          .replaceAll("\\p{Cntrl}", "\uFFFD")).sorted().toList();
      StringBuilder sb = new StringBuilder(source + ": the answer does not follow the "
          + pass.promptName() + " schema (" + problems.size() + " problem"
          + (problems.size() == 1 ? "" : "s") + "):");
      lines.stream().limit(SHOWN).forEach(l -> sb.append('\n').append(l));
      if (lines.size() > SHOWN) {
        sb.append('\n').append(source).append(": and ").append(lines.size() - SHOWN)
            .append(" more");
      }
      throw MigsafeException.badInput(sb.toString());
    }
    return node;
  }

  private static String where(String source, JsonLocation loc) {
    if (loc == null) {
      return source + ": ";
    }
    return source + ":" + Math.max(1, loc.getLineNr()) + ":" + Math.max(1, loc.getColumnNr())
        + ": ";
  }

}
