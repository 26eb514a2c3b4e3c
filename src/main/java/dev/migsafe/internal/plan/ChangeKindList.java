package dev.migsafe.internal.plan;

import dev.migsafe.internal.model.ChangeKind;
import dev.migsafe.internal.yaml.YamlDocument;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A recipe's {@code kinds} or a decision tree's {@code appliesTo}: change kinds as the schema
 * diff names them. A misspelt kind would never be chosen for any change, so it is a problem of
 * the library file rather than a recipe that silently never applies.
 */
final class ChangeKindList {
  private static final String ALL = Arrays.stream(ChangeKind.values()).map(ChangeKind::id)
      .sorted().collect(Collectors.joining(", "));

  private ChangeKindList() {}

  static List<String> read(YamlDocument doc, Node n, String path) {
    List<String> words = doc.strings(n, path);
    if (n instanceof SequenceNode seq) {
      for (int i = 0; i < seq.getValue().size() && i < words.size(); i++) {
        if (ChangeKind.parse(words.get(i)) == null) {
          doc.problems().add(seq.getValue().get(i), path + "[" + i + "]",
              "'" + words.get(i) + "' is not a change kind (" + ALL + ")");
        }
      }
    }
    return words;
  }
}
