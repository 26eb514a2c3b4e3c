package dev.migsafe.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The SQL scripts the project holds, for tests that compare two ways of reading statements:
 * every rule fixture's SQL, setup and schema, the lock oracle's forms, and the examples'
 * migrations. {@code -Dmigsafe.sql.corpus=DIR} adds every {@code .sql} file under DIR (a real
 * project's migrations, say).
 */
final class SqlCorpus {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SqlCorpus() {}

  static Set<String> scripts(List<String> extra) {
    Set<String> corpus = new LinkedHashSet<>(extra);
    try {
      for (Path file : files(Path.of("rules"), ".cases.yaml")) {
        collectSql(YAML.readTree(file.toFile()), corpus);
      }
      collectSql(YAML.readTree(Path.of("src/test/resources/lock-oracle/forms.yaml").toFile()),
          corpus);
      for (Path file : files(Path.of("examples"), ".sql")) {
        corpus.add(Files.readString(file));
      }
      String more = System.getProperty("migsafe.sql.corpus");
      if (more != null && !more.isBlank()) {
        for (Path file : files(Path.of(more), ".sql")) {
          corpus.add(Files.readString(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return corpus;
  }

  private static void collectSql(JsonNode node, Set<String> out) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        if ((e.getKey().equals("sql") || e.getKey().equals("setup") || e.getKey().equals("schema"))
            && e.getValue().isTextual()) {
          out.add(e.getValue().asText());
        } else {
          collectSql(e.getValue(), out);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectSql(n, out));
    }
  }

  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
