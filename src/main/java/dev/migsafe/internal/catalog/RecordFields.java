package dev.migsafe.internal.catalog;

import dev.migsafe.internal.model.ChangeKind;
import dev.migsafe.internal.yaml.Problems;
import dev.migsafe.internal.yaml.YamlDocument;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The top-level fields of one catalog record, read strictly: the document must be a mapping
 * with {@code apiVersion: migsafe/v1}, the expected {@code kind}, an {@code id} equal to the
 * file name and no unknown keys. Typed getters record a problem (with place and field path)
 * instead of throwing, so one pass reports everything wrong with a record.
 */
final class RecordFields {
  static final String API_VERSION = "migsafe/v1";

  /** Tags a record may carry: the ones plain YAML resolves to. Anything else is refused. */
  private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL,
      Tag.NULL, Tag.TIMESTAMP, Tag.SEQ, Tag.MAP);

  private final YamlDocument doc;
  private final Node root;
  private final Map<String, Node> fields;

  private RecordFields(YamlDocument doc, Node root, Map<String, Node> fields) {
    this.doc = doc;
    this.root = root;
    this.fields = fields;
  }

  /**
   * Composes and checks the header; returns null (problems recorded) when the text is not a
   * YAML mapping at all.
   */
  static RecordFields open(String text, Problems problems, String kind, String fileStem,
      Set<String> allowed) {
    Node root = YamlDocument.compose(text, problems);
    if (root == null) {
      if (problems.isEmpty()) {
        problems.add(1, 1, "", "the file is empty; expected a " + kind + " record");
      }
      return null;
    }
    YamlDocument doc = YamlDocument.over(problems);
    checkNodes(root, "", problems);
    if (!(root instanceof MappingNode)) {
      problems.add(root, "", "must be a mapping with the fields of a " + kind);
      return null;
    }
    Map<String, Node> fields = doc.mapping(root, "", allowed);
    RecordFields r = new RecordFields(doc, root, fields);
    String api = r.text("apiVersion", true);
    if (api != null && !api.equals(API_VERSION)) {
      problems.add(fields.get("apiVersion"), "apiVersion", "'" + api + "' must be " + API_VERSION);
    }
    String k = r.text("kind", true);
    if (k != null && !k.equals(kind)) {
      problems.add(fields.get("kind"), "kind", "'" + k + "' must be " + kind
          + " in this folder");
    }
    String id = r.text("id", true);
    if (id != null) {
      if (!CatalogIds.isValid(id)) {
        problems.add(fields.get("id"), "id", "'" + id + "' must match "
            + CatalogIds.ID.pattern());
      } else if (!id.equals(fileStem)) {
        problems.add(fields.get("id"), "id", "'" + id + "' must equal the file name '"
            + fileStem + "'");
      }
    }
    return r;
  }

  YamlDocument doc() {
    return doc;
  }

  Node root() {
    return root;
  }

  Map<String, Node> fields() {
    return fields;
  }

  Node node(String key) {
    return fields.get(key);
  }

  /** A text field; blank or {@code null} counts as absent. */
  String text(String key, boolean required) {
    return text(fields, root, "", key, required);
  }

  String text(Map<String, Node> in, Node parent, String path, String key, boolean required) {
    Node n = in.get(key);
    String p = YamlDocument.join(path, key);
    if (n instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
      n = null;
    }
    String v = doc.string(n, p);
    if (v != null && v.isBlank()) {
      v = null;
    }
    if (v == null && required && (n == null || n instanceof ScalarNode)) {
      problems().add(n != null ? n : parent, p, "is required");
    }
    return v;
  }

  LocalDate date(Map<String, Node> in, Node parent, String path, String key, boolean required) {
    String v = text(in, parent, path, key, required);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      problems().add(in.get(key), YamlDocument.join(path, key), "'" + v
          + "' is not a date (YYYY-MM-DD)");
      return null;
    }
  }

  Duration duration(String key) {
    String v = text(key, false);
    if (v == null) {
      return null;
    }
    try {
      Duration d = Duration.parse(v);
      if (d.isNegative() || d.isZero()) {
        problems().add(fields.get(key), key, "'" + v + "' must be longer than zero");
        return null;
      }
      return d;
    } catch (DateTimeException e) {
      problems().add(fields.get(key), key, "'" + v
          + "' is not an ISO-8601 duration such as PT2H or PT3H10M");
      return null;
    }
  }

  Long nonNegative(Node n, String path) {
    if (n == null) {
      return null;
    }
    Long v = doc.integer(n, path);
    if (v != null && v < 0) {
      problems().add(n, path, v + " must not be negative");
      return null;
    }
    return v;
  }

  /**
   * A list of change kinds in the catalog's vocabulary ({@link ChangeKind#catalogIds()}). A
   * common synonym ({@code create-index}) is read as its kind with a warning; an unknown word
   * is a problem; a kind named twice, under any spelling, is a problem.
   */
  List<String> changeKinds(String key, boolean required) {
    // Presence, emptiness and a word written twice are checked as for any list of words.
    List<String> words = words(key, required, null, null);
    List<String> out = new ArrayList<>(words.size());
    if (fields.get(key) instanceof SequenceNode seq) {
      for (int i = 0; i < seq.getValue().size() && i < words.size(); i++) {
        String w = words.get(i);
        Node at = seq.getValue().get(i);
        String path = key + "[" + i + "]";
        ChangeKind kind = ChangeKind.parse(w);
        if (kind == null || !kind.inCatalog()) {
          kind = ChangeKind.synonym(w);
          if (kind != null) {
            problems().warn(at, path, "'" + w + "' is read as '" + kind.id()
                + "'; write " + kind.id() + ", the catalog's word for it");
          }
        }
        if (kind == null) {
          problems().add(at, path, "'" + w + "' is not one of the change kinds ("
              + ChangeKind.catalogListed() + ")");
        } else if (!out.contains(kind.id())) {
          out.add(kind.id());
        } else if (words.indexOf(w) == i) {
          problems().add(at, path, "'" + w + "' names " + kind.id() + " a second time");
        }
      }
    }
    return out;
  }

  /** A list of words, each one of {@code allowed} when given; duplicates are problems. */
  List<String> words(String key, boolean required, Set<String> allowed, String allowedText) {
    Node n = fields.get(key);
    if (n == null) {
      if (required) {
        problems().add(root, key, "is required");
      }
      return List.of();
    }
    List<String> out = doc.strings(n, key);
    if (required && out.isEmpty() && n instanceof SequenceNode) {
      problems().add(n, key, "must name at least one");
    }
    Set<String> seen = new HashSet<>();
    if (n instanceof SequenceNode seq) {
      for (int i = 0; i < seq.getValue().size() && i < out.size(); i++) {
        String w = out.get(i);
        Node at = seq.getValue().get(i);
        if (allowed != null && !allowed.contains(w)) {
          problems().add(at, key + "[" + i + "]", "'" + w + "' is not one of " + allowedText);
        }
        if (!seen.add(w)) {
          problems().add(at, key + "[" + i + "]", "'" + w + "' is listed twice");
        }
      }
    }
    return out;
  }

  Problems problems() {
    return doc.problems();
  }

  /**
   * Tags and duplicate keys, everywhere in the document: composing does not check duplicates,
   * and a second {@code outcome:} would silently win.
   */
  private static void checkNodes(Node node, String path, Problems problems) {
    if (!PLAIN_TAGS.contains(node.getTag())) {
      problems.add(node, path, "the tag " + node.getTag() + " is not allowed in the catalog");
    }
    if (node instanceof MappingNode m) {
      Set<String> keys = new HashSet<>();
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
        String p = YamlDocument.join(path, key);
        if (!keys.add(key)) {
          problems.add(t.getKeyNode(), p, "is given twice");
        }
        checkNodes(t.getKeyNode(), path, problems);
        checkNodes(t.getValueNode(), p, problems);
      }
    } else if (node instanceof SequenceNode s) {
      for (int i = 0; i < s.getValue().size(); i++) {
        checkNodes(s.getValue().get(i), path + "[" + i + "]", problems);
      }
    }
  }
}
