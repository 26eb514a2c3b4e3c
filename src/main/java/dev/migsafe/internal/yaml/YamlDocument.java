package dev.migsafe.internal.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reading helpers over a composed YAML node tree. Each accessor records a problem (with the
 * node's position and the field path) instead of throwing, so a caller can read a whole
 * document and report everything wrong with it in one run.
 */
public final class YamlDocument {
  private final Problems problems;

  private YamlDocument(Problems problems) {
    this.problems = problems;
  }

  public Problems problems() {
    return problems;
  }

  /**
   * Composes the text into nodes with SnakeYAML's safe loader (no custom tags, aliases limited,
   * document size bounded). Returns null, with a problem recorded, when the text is not YAML.
   */
  public static Node compose(String text, Problems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(50);
    options.setCodePointLimit(10 * 1024 * 1024);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    try {
      return yaml.compose(new java.io.StringReader(text));
    } catch (MarkedYAMLException e) {
      var m = e.getProblemMark();
      problems.add(m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1, "",
          "not valid YAML: " + e.getProblem());
      return null;
    } catch (YAMLException e) {
      problems.add(1, 1, "", "not valid YAML: " + e.getMessage());
      return null;
    }
  }

  public static YamlDocument over(Problems problems) {
    return new YamlDocument(problems);
  }

  /** The entries of a mapping, keys in order; unknown keys are problems. */
  public Map<String, Node> mapping(Node node, String path, Set<String> allowed) {
    Map<String, Node> out = new LinkedHashMap<>();
    if (!(node instanceof MappingNode m)) {
      problems.add(node, path, "must be a mapping");
      return out;
    }
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        problems.add(t.getKeyNode(), path, "keys must be plain names");
        continue;
      }
      String key = k.getValue();
      if (!allowed.contains(key)) {
        problems.add(k, join(path, key), "unknown field (known: "
            + String.join(", ", allowed.stream().sorted().toList()) + ")");
        continue;
      }
      out.put(key, t.getValueNode());
    }
    return out;
  }

  /** A required field of a mapping read with {@link #mapping}. */
  public Node required(Map<String, Node> fields, Node parent, String path, String key) {
    Node n = fields.get(key);
    if (n == null) {
      problems.add(parent, join(path, key), "is required");
    }
    return n;
  }

  public String string(Node node, String path) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      return s.getValue();
    }
    problems.add(node, path, "must be a text value");
    return null;
  }

  public Long integer(Node node, String path) {
    String s = string(node, path);
    if (s == null) {
      return null;
    }
    try {
      return Long.parseLong(s.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      problems.add(node, path, "'" + s + "' is not a whole number");
      return null;
    }
  }

  public Double number(Node node, String path) {
    String s = string(node, path);
    if (s == null) {
      return null;
    }
    try {
      return Double.parseDouble(s.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      problems.add(node, path, "'" + s + "' is not a number");
      return null;
    }
  }

  public Boolean bool(Node node, String path) {
    String s = string(node, path);
    if (s == null) {
      return null;
    }
    return switch (s.trim()) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> {
        problems.add(node, path, "'" + s + "' is not true or false");
        yield null;
      }
    };
  }

  public List<Node> sequence(Node node, String path) {
    if (node == null) {
      return List.of();
    }
    if (node instanceof SequenceNode s) {
      return s.getValue();
    }
    problems.add(node, path, "must be a list");
    return List.of();
  }

  public List<String> strings(Node node, String path) {
    List<Node> items = sequence(node, path);
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String s = string(items.get(i), path + "[" + i + "]");
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** One of the allowed values, or a problem naming them. */
  public String oneOf(Node node, String path, Set<String> allowed) {
    String s = string(node, path);
    if (s != null && !allowed.contains(s)) {
      problems.add(node, path, "'" + s + "' is not one of "
          + String.join(", ", allowed.stream().sorted().toList()));
      return null;
    }
    return s;
  }

  public static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
