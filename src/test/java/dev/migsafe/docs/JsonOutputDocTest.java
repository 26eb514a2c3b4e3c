package dev.migsafe.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/json-output.md names every field each command's JSON has: the golden files are what the
 * renderers write for fixed inputs, so a field a renderer starts writing fails here until the
 * page explains it. Checked at every depth, in the command's own section.
 */
class JsonOutputDocTest {
  private static final Path DOC = Path.of("docs/json-output.md");
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  /** Section heading to the golden files of that command. */
  private static final Map<String, List<String>> SECTIONS = Map.of(
      "lint", List.of("lint-kitchen-sink.json", "lint-flyway.json"),
      "plan", List.of("plan-rename-column.json"),
      "similar", List.of("similar-packet.json"),
      "report", List.of("report-2026-q3.json", "report-empty-q1.json"),
      "rehearse", List.of("rehearsal.json"),
      "drift", List.of("drift.json"),
      "rules", List.of("rules.json"),
      "ai", List.of("ai-check-review.json"),
      "surfaces", List.of("surfaces.json"));
  /**
   * Objects whose keys are data (table names), not fields, or a model's answer, whose fields
   * its pass's JSON Schema documents (src/main/resources/migsafe/ai/).
   */
  private static final Set<String> DATA_KEYED = Set.of("data.rows", "reviews.answer");

  @Test
  void everyFieldOfEveryCommandIsDocumented() throws IOException {
    String doc = Files.readString(DOC);
    List<String> missing = new ArrayList<>();
    SECTIONS.forEach((command, files) -> {
      String section = section(doc, command);
      for (String file : files) {
        Set<String> fields = new TreeSet<>();
        try {
          collect(new ObjectMapper().readTree(GOLDEN.resolve(file).toFile()), "", fields);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        for (String f : fields) {
          // `name`, or the name at the end of a path: `files[].path`, `changes[].rationale`.
          if (!Pattern.compile("`([\\w\\[\\]]+\\.)?" + Pattern.quote(f) + "`").matcher(section)
              .find()) {
            missing.add(command + ": `" + f + "` (" + file + ")");
          }
        }
      }
    });
    assertThat(missing).as("fields missing from " + DOC).isEmpty();
  }

  private static String section(String doc, String command) {
    String heading = "\n## `" + command + "`\n";
    int start = doc.indexOf(heading);
    assertThat(start).as(DOC + " has a section " + heading.strip()).isNotNegative();
    int end = doc.indexOf("\n## ", start + heading.length());
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  private static void collect(JsonNode node, String path, Set<String> out) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, path, out));
    } else if (node.isObject() && !DATA_KEYED.contains(path)) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.add(e.getKey());
        collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
      }
    }
  }
}
