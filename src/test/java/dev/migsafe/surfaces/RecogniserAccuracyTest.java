package dev.migsafe.surfaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migsafe.api.Surface;
import dev.migsafe.internal.surfaces.SurfaceScan;
import dev.migsafe.internal.surfaces.SurfaceTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The precision and recall of each recogniser on the fixtures derived from real applications
 * ({@code src/test/resources/surfaces/APP/}), against each fixture's {@code truth.yaml}: every
 * use of its target columns, labelled by reading the files. The figures are the table of
 * {@code docs/surfaces.md} between its accuracy markers, so the document cannot drift from
 * what the code does ({@code -Dmigsafe.golden.update=true} rewrites it; review the diff).
 */
class RecogniserAccuracyTest {
  private static final Path FIXTURES = Path.of("src/test/resources/surfaces");
  private static final Path DOC = Path.of("docs/surfaces.md");
  private static final String START = "<!-- accuracy:start -->\n";
  private static final String END = "<!-- accuracy:end -->";

  /** One fixture's counts for one recogniser. */
  private static final class Counts {
    final Set<String> truth = new TreeSet<>();
    final Set<String> found = new TreeSet<>();

    int correct() {
      return (int) found.stream().filter(truth::contains).count();
    }
  }

  @Test
  void theDocumentStatesWhatEachRecogniserFindsOnTheRealApplicationFixtures() throws IOException {
    // recogniser -> fixture -> counts
    Map<String, Map<String, Counts>> byHow = new TreeMap<>();
    List<Path> apps;
    try (Stream<Path> s = Files.list(FIXTURES)) {
      apps = s.filter(p -> Files.isRegularFile(p.resolve("truth.yaml"))).sorted().toList();
    }
    assertThat(apps).isNotEmpty();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (Path app : apps) {
      String fixture = app.getFileName().toString();
      JsonNode targets = yaml.readTree(app.resolve("truth.yaml").toFile()).get("targets");
      for (Map.Entry<String, JsonNode> e : targets.properties()) {
        String[] tc = e.getKey().split("\\.");
        SurfaceTarget target = SurfaceTarget.of(tc[0], tc.length > 1 ? tc[1] : null);
        for (JsonNode use : e.getValue()) {
          String u = use.asText();
          String how = u.substring(u.indexOf(' ') + 1);
          counts(byHow, how, fixture).truth.add(e.getKey() + " " + u);
        }
        for (Surface s : SurfaceScan.scan(List.of(app), target).surfaces()) {
          counts(byHow, s.how(), fixture).found.add(
              e.getKey() + " " + s.path() + ":" + s.line() + " " + s.how());
        }
      }
    }
    String table = table(byHow);
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int from = doc.indexOf(START);
    int to = doc.indexOf(END);
    assertThat(from).as("accuracy markers in " + DOC).isNotNegative();
    String updated = doc.substring(0, from + START.length()) + table + doc.substring(to);
    if (Boolean.getBoolean("migsafe.golden.update")) {
      Files.writeString(DOC, updated, StandardCharsets.UTF_8);
    }
    assertThat(doc).as("the accuracy table of " + DOC + " (misses and false finds: "
        + misses(byHow) + ")").isEqualTo(updated);
  }

  private static Counts counts(Map<String, Map<String, Counts>> byHow, String how,
      String fixture) {
    return byHow.computeIfAbsent(how, h -> new TreeMap<>())
        .computeIfAbsent(fixture, f -> new Counts());
  }

  private static String table(Map<String, Map<String, Counts>> byHow) {
    StringBuilder t = new StringBuilder(
        "| recogniser | fixture | uses | found | correct | precision | recall |\n"
            + "|---|---|--:|--:|--:|--:|--:|\n");
    byHow.forEach((how, fixtures) -> fixtures.forEach((fixture, c) -> t.append("| `")
        .append(how).append("` | ").append(fixture).append(" | ").append(c.truth.size())
        .append(" | ").append(c.found.size()).append(" | ").append(c.correct()).append(" | ")
        .append(ratio(c.correct(), c.found.size())).append(" | ")
        .append(ratio(c.correct(), c.truth.size())).append(" |\n")));
    return t.toString();
  }

  private static String ratio(int part, int whole) {
    return whole == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) part / whole);
  }

  private static List<String> misses(Map<String, Map<String, Counts>> byHow) {
    List<String> out = new ArrayList<>();
    byHow.values().forEach(fixtures -> fixtures.values().forEach(c -> {
      c.truth.stream().filter(u -> !c.found.contains(u)).forEach(u -> out.add("missed " + u));
      c.found.stream().filter(u -> !c.truth.contains(u)).forEach(u -> out.add("false " + u));
    }));
    return out;
  }
}
