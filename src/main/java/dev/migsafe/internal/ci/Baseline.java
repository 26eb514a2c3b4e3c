package dev.migsafe.internal.ci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.api.MigsafeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Findings a team has accepted, so that linting an existing repository reports only what is
 * new: {@code lint --write-baseline FILE} records every current finding, {@code lint --baseline
 * FILE} leaves those out. Findings are matched by {@link Fingerprint}; the rule, path, line and
 * message stored beside each are for the people who review the file.
 *
 * @param fingerprints the accepted findings
 */
public record Baseline(Set<Fingerprint> fingerprints) {
  /** The {@code format} field: a file that lacks it is not a baseline. */
  static final String FORMAT = "migsafe-baseline-v1";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public boolean accepts(FingerprintedFinding finding) {
    return fingerprints.contains(finding.fingerprint());
  }

  /** Reads a baseline; a missing or malformed file is bad input, exit 2. */
  public static Baseline read(Path file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw MigsafeException.badInput(file + ": no such baseline file");
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw MigsafeException.badInput(file + ":" + (at == null ? 1 : at.getLineNr()) + ":"
          + (at == null ? 1 : at.getColumnNr()) + ": not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw MigsafeException.badInput(file + ": cannot be read: " + e.getMessage());
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())
        || !root.path("findings").isArray()) {
      throw MigsafeException.badInput(file + ":1:1: not a migsafe baseline (expected \"format\": \""
          + FORMAT + "\" and a \"findings\" array; lint --write-baseline writes one)");
    }
    Set<Fingerprint> prints = new HashSet<>();
    int i = 0;
    for (JsonNode f : root.path("findings")) {
      String value = f.path("fingerprint").asText("");
      if (!value.matches("[0-9a-f]{32}")) {
        throw MigsafeException.badInput(file + ": findings[" + i + "].fingerprint: expected 32 "
            + "hex digits, found '" + value + "'");
      }
      prints.add(new Fingerprint(value));
      i++;
    }
    return new Baseline(prints);
  }

  /**
   * The baseline that accepts every one of {@code findings}, sorted by path and line; the
   * caller writes it with the JSON layout of every other file migsafe writes.
   */
  public static ObjectNode toJson(List<FingerprintedFinding> findings) {
    ObjectNode top = MAPPER.createObjectNode();
    top.put("format", FORMAT);
    ArrayNode list = top.putArray("findings");
    findings.stream()
        .sorted(java.util.Comparator.comparing(FingerprintedFinding::path)
            .thenComparingInt(x -> x.finding().line())
            .thenComparing(x -> x.fingerprint().value()))
        .forEach(x -> {
          ObjectNode o = list.addObject();
          o.put("fingerprint", x.fingerprint().value());
          o.put("rule", x.finding().rule());
          o.put("path", x.path());
          o.put("line", x.finding().line());
          o.put("message", x.finding().message());
        });
    return top;
  }
}
