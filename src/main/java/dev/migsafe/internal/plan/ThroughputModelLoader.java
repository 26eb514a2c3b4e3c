package dev.migsafe.internal.plan;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.yaml.Problems;
import dev.migsafe.internal.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a throughput model file (docs/plan-model.md); absent fields keep their defaults. */
public final class ThroughputModelLoader {
  private ThroughputModelLoader() {}

  public static ThroughputModel load(Path file) {
    ThroughputModel d = ThroughputModel.DEFAULT;
    if (file == null) {
      return d;
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw MigsafeException.badInput(file + ": cannot be read: " + e.getMessage());
    }
    Problems problems = new Problems(file.toString());
    Node root = YamlDocument.compose(text, problems);
    problems.throwIfAny();
    if (root == null) {
      return d;
    }
    YamlDocument doc = YamlDocument.over(problems);
    Map<String, Node> f = doc.mapping(root, "", Set.of("scanMbPerSecond", "rewriteMbPerSecond",
        "indexBuildMbPerSecond", "backfillRowsPerSecond", "catalogChangeSeconds",
        "deploySeconds"));
    ThroughputModel m = new ThroughputModel(
        positive(doc, f, "scanMbPerSecond", d.scanMbPerSecond()),
        positive(doc, f, "rewriteMbPerSecond", d.rewriteMbPerSecond()),
        positive(doc, f, "indexBuildMbPerSecond", d.indexBuildMbPerSecond()),
        positive(doc, f, "backfillRowsPerSecond", d.backfillRowsPerSecond()),
        positive(doc, f, "catalogChangeSeconds", d.catalogChangeSeconds()),
        positive(doc, f, "deploySeconds", d.deploySeconds()));
    problems.throwIfAny();
    return m;
  }

  private static double positive(YamlDocument doc, Map<String, Node> f, String key,
      double fallback) {
    Double v = doc.number(f.get(key), key);
    if (v == null) {
      return fallback;
    }
    if (v <= 0) {
      doc.problems().add(f.get(key), key, "must be greater than 0");
      return fallback;
    }
    return v;
  }
}
