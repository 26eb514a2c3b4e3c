package dev.migsafe.internal.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.api.AiPass;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.PassPrompt;
import dev.migsafe.internal.catalog.ContentHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One recorded exchange with a model ({@code --record DIR}): what was sent, to whom, what came
 * back, and the SHA-256 of each text, so that {@code ai check} can re-verify the answer later
 * without a network and tell when a file was edited. No API key is ever part of it.
 *
 * @param packetSha256 of the packet file's bytes when the exchange happened
 */
public record Exchange(String migsafeVersion, Instant recordedAt, AiPass pass, String packet,
    String packetSha256, String api, String endpoint, String model, String answeredBy,
    PassPrompt prompt, String answer, boolean truncated) {
  /** The format's name and version, the first field of every file. */
  public static final String FORMAT = "migsafe-ai-exchange/1";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The reply as the model client returned it. */
  public ModelReply reply() {
    return new ModelReply(answer, answeredBy, truncated);
  }

  /** The exchange as JSON, with a hash beside each text. */
  public String toJson() {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("migsafeVersion", migsafeVersion);
    o.put("recordedAt", recordedAt.toString());
    o.put("pass", pass.command());
    o.put("packet", packet);
    o.put("packetSha256", packetSha256);
    o.put("api", api);
    o.put("endpoint", endpoint);
    o.put("model", model);
    o.put("answeredBy", answeredBy);
    ObjectNode p = o.putObject("prompt");
    p.put("system", prompt.system());
    p.put("systemSha256", sha256(prompt.system()));
    p.put("user", prompt.user());
    p.put("userSha256", sha256(prompt.user()));
    p.put("answerSchema", prompt.answerSchema());
    p.put("answerSchemaSha256", sha256(prompt.answerSchema()));
    o.put("answer", answer);
    o.put("answerSha256", sha256(answer));
    o.put("truncated", truncated);
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a recorded exchange and checks each text against its hash.
   *
   * @throws MigsafeException bad input naming the file and what is wrong with it
   */
  public static Exchange read(Path file) {
    JsonNode o;
    try {
      o = MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw MigsafeException.badInput(file + ": not a recorded exchange: " + e.getMessage()
          .split("\\R")[0]);
    }
    if (o == null || !FORMAT.equals(o.path("format").asText())) {
      throw MigsafeException.badInput(file + ":1:1: not a recorded exchange (format "
          + FORMAT + ")");
    }
    AiPass pass = null;
    for (AiPass p : AiPass.values()) {
      if (p.command().equals(o.path("pass").asText())) {
        pass = p;
      }
    }
    if (pass == null) {
      throw MigsafeException.badInput(file + ": pass: '" + o.path("pass").asText()
          + "' is not one of design, execute, validate, review");
    }
    JsonNode p = o.path("prompt");
    String system = text(file, p, "system");
    String user = text(file, p, "user");
    String schema = text(file, p, "answerSchema");
    String answer = text(file, o, "answer");
    Instant at;
    try {
      at = Instant.parse(o.path("recordedAt").asText());
    } catch (java.time.format.DateTimeParseException e) {
      throw MigsafeException.badInput(file + ": recordedAt: not an instant");
    }
    return new Exchange(o.path("migsafeVersion").asText(), at, pass,
        o.path("packet").asText(), o.path("packetSha256").asText(), o.path("api").asText(),
        o.path("endpoint").asText(), o.path("model").asText(), o.path("answeredBy").asText(),
        new PassPrompt(pass, system, user, schema), answer, o.path("truncated").asBoolean());
  }

  private static String text(Path file, JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isTextual()) {
      throw MigsafeException.badInput(file + ": " + field + ": missing");
    }
    String hash = parent.path(field + "Sha256").asText();
    if (!sha256(n.asText()).equals(hash)) {
      throw MigsafeException.badInput(file + ": " + field + ": does not match " + field
          + "Sha256; the file was changed after it was recorded");
    }
    return n.asText();
  }

  public static String sha256(String text) {
    return ContentHash.of(text);
  }

  /** The SHA-256 of a file's bytes, or empty when it cannot be read. */
  public static String sha256(Path file) {
    try {
      return ContentHash.of(Files.readAllBytes(file));
    } catch (IOException e) {
      return "";
    }
  }

  /** A file name that sorts by time and says the pass: {@code 20261205T041500Z-review.json}. */
  public String fileName() {
    String stamp = recordedAt.toString().replace("-", "").replace(":", "")
        .replaceAll("\\.\\d+", "");
    return stamp + "-" + pass.command() + "-" + sha256(answer).substring(0, 8) + ".json";
  }
}
