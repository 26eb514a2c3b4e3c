package dev.migsafe.internal.catalog;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.OutcomeUpdate;
import dev.migsafe.api.PastMigration.Hotfix;
import dev.migsafe.api.PastMigration.Incident;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Edits a past-migration record as a YAML node tree, so that what the update does not touch
 * stays as the team wrote it: comments (SnakeYAML keeps them on the nodes), key order, flow or
 * block style, quoting and literal blocks. New keys go where catalog-v1.md lists them. The one
 * change SnakeYAML imposes is a single space before an end-of-line comment.
 */
final class RecordYaml {
  /** catalog-v1.md's field order, where new keys are inserted. */
  private static final List<String> ORDER = List.of("apiVersion", "kind", "id", "title", "team",
      "dialect", "engineVersion", "date", "summary", "tables", "changes", "sql", "tableRows",
      "plannedWindow", "actualDuration", "rollback", "outcome", "lessons");
  private static final List<String> OUTCOME_ORDER = List.of("status", "incidents",
      "integrityDefects", "hotfixes");

  private RecordYaml() {}

  /** The text of a new record holding only the update's fields. */
  static String create(OutcomeUpdate u) {
    String skeleton = "apiVersion: " + RecordFields.API_VERSION + "\nkind: "
        + PastMigrationReader.KIND + "\nid: " + u.id() + "\n";
    return update(skeleton, u);
  }

  /** The record's text with the update applied. */
  static String update(String text, OutcomeUpdate u) {
    Node root = compose(text);
    if (!(root instanceof MappingNode map)) {
      throw MigsafeException.badInput("the record is not a YAML mapping; fix it by hand first");
    }
    scalar(map, ORDER, "title", u.title(), ScalarStyle.PLAIN, Tag.STR);
    scalar(map, ORDER, "team", u.team(), ScalarStyle.PLAIN, Tag.STR);
    scalar(map, ORDER, "dialect", u.dialect(), ScalarStyle.PLAIN, Tag.STR);
    scalar(map, ORDER, "engineVersion", u.engineVersion(), ScalarStyle.DOUBLE_QUOTED, Tag.STR);
    scalar(map, ORDER, "date", u.date() == null ? null : u.date().toString(), ScalarStyle.PLAIN,
        Tag.TIMESTAMP);
    text(map, ORDER, "summary", u.summary());
    if (u.tables() != null) {
      put(map, ORDER, "tables", flowList(u.tables()));
    }
    if (u.changes() != null) {
      put(map, ORDER, "changes", flowList(u.changes()));
    }
    text(map, ORDER, "sql", u.sql());
    if (u.tableRows() != null) {
      List<NodeTuple> rows = new ArrayList<>();
      u.tableRows().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
          rows.add(new NodeTuple(str(e.getKey()), plain(e.getValue().toString(), Tag.INT))));
      put(map, ORDER, "tableRows", new MappingNode(Tag.MAP, rows, FlowStyle.FLOW));
    }
    scalar(map, ORDER, "plannedWindow", string(u.plannedWindow()), ScalarStyle.PLAIN, Tag.STR);
    scalar(map, ORDER, "actualDuration", string(u.actualDuration()), ScalarStyle.PLAIN, Tag.STR);
    if (u.rollbackPlanned() != null || u.rollbackTested() != null
        || u.rollbackExecuted() != null) {
      MappingNode rollback = child(map, ORDER, "rollback");
      List<String> order = List.of("planned", "tested", "executed");
      bool(rollback, order, "planned", u.rollbackPlanned());
      bool(rollback, order, "tested", u.rollbackTested());
      bool(rollback, order, "executed", u.rollbackExecuted());
    }
    boolean fresh = get(map, "outcome") == null;
    if (fresh || u.status() != null || !u.addIncidents().isEmpty() || !u.addHotfixes().isEmpty()
        || u.integrityDefects() != null) {
      MappingNode outcome = child(map, ORDER, "outcome");
      scalar(outcome, OUTCOME_ORDER, "status", u.status(), ScalarStyle.PLAIN, Tag.STR);
      if (fresh || !u.addIncidents().isEmpty()) {
        SequenceNode incidents = list(outcome, "incidents");
        for (Incident i : u.addIncidents()) {
          append(incidents, entry(List.of(
              new NodeTuple(str("severity"), str(i.severity())),
              new NodeTuple(str("cause"), str(i.cause())),
              new NodeTuple(str("minutes"), plain(Integer.toString(i.minutes()), Tag.INT)),
              new NodeTuple(str("description"), str(i.description())))));
        }
      }
      if (fresh || u.integrityDefects() != null) {
        scalar(outcome, OUTCOME_ORDER, "integrityDefects", Integer.toString(
            u.integrityDefects() == null ? 0 : u.integrityDefects()), ScalarStyle.PLAIN, Tag.INT);
      }
      if (fresh || !u.addHotfixes().isEmpty()) {
        SequenceNode hotfixes = list(outcome, "hotfixes");
        for (Hotfix h : u.addHotfixes()) {
          append(hotfixes, entry(List.of(
              new NodeTuple(str("cause"), str(h.cause())),
              new NodeTuple(str("date"), plain(h.date().toString(), Tag.TIMESTAMP)),
              new NodeTuple(str("description"), str(h.description())))));
        }
      }
    }
    if (u.addLesson() != null && !u.addLesson().isBlank()) {
      Node old = get(map, "lessons");
      String before = old instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)
          ? s.getValue().strip() : "";
      String lesson = u.addLesson().strip();
      text(map, ORDER, "lessons", before.isEmpty() ? lesson : before + "\n\n" + lesson);
    }
    return dump(root);
  }

  private static Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setProcessComments(true);
    options.setMaxAliasesForCollections(50);
    return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
  }

  private static String dump(Node root) {
    DumperOptions d = new DumperOptions();
    d.setProcessComments(true);
    d.setIndent(2);
    d.setIndicatorIndent(2);
    d.setIndentWithIndicator(true);
    d.setWidth(10_000);
    d.setSplitLines(false);
    d.setLineBreak(DumperOptions.LineBreak.UNIX);
    LoaderOptions lo = new LoaderOptions();
    lo.setProcessComments(true);
    Yaml yaml = new Yaml(new SafeConstructor(lo), new Representer(d), d, lo);
    StringWriter w = new StringWriter();
    yaml.serialize(root, w);
    return w.toString();
  }

  private static Node get(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    return null;
  }

  /** Replaces the value of {@code key}, or inserts the key at its place in {@code order}. */
  private static void put(MappingNode map, List<String> order, String key, Node value) {
    List<NodeTuple> tuples = map.getValue();
    for (int i = 0; i < tuples.size(); i++) {
      if (tuples.get(i).getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        Node old = tuples.get(i).getValueNode();
        value.setInLineComments(old.getInLineComments());
        value.setEndComments(old.getEndComments());
        tuples.set(i, new NodeTuple(tuples.get(i).getKeyNode(), value));
        return;
      }
    }
    int rank = order.indexOf(key);
    int at = tuples.size();
    for (int i = 0; i < tuples.size(); i++) {
      if (tuples.get(i).getKeyNode() instanceof ScalarNode k && order.indexOf(k.getValue()) > rank) {
        at = i;
        break;
      }
    }
    tuples.add(at, new NodeTuple(str(key), value));
  }

  private static void scalar(MappingNode map, List<String> order, String key, String value,
      ScalarStyle style, Tag tag) {
    if (value == null) {
      return;
    }
    Node old = get(map, key);
    // A value the team quoted stays quoted; a new one gets the style the catalog uses.
    ScalarStyle keep = old instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)
        ? s.getScalarStyle() : style;
    put(map, order, key, new ScalarNode(tag, value, null, null, keep));
  }

  /** Prose and SQL: a literal block when it spans lines, so it reads as written. */
  private static void text(MappingNode map, List<String> order, String key, String value) {
    if (value == null) {
      return;
    }
    String v = value.strip();
    if (v.contains("\n")) {
      put(map, order, key, new ScalarNode(Tag.STR, v + "\n", null, null, ScalarStyle.LITERAL));
    } else {
      scalar(map, order, key, v, ScalarStyle.PLAIN, Tag.STR);
    }
  }

  private static void bool(MappingNode map, List<String> order, String key, Boolean value) {
    if (value != null) {
      put(map, order, key, plain(value.toString(), Tag.BOOL));
    }
  }

  private static MappingNode child(MappingNode map, List<String> order, String key) {
    Node n = get(map, key);
    if (n instanceof MappingNode m) {
      return m;
    }
    MappingNode m = new MappingNode(Tag.MAP, new ArrayList<>(), FlowStyle.BLOCK);
    put(map, order, key, m);
    return m;
  }

  private static SequenceNode list(MappingNode map, String key) {
    Node n = get(map, key);
    if (n instanceof SequenceNode s) {
      return s;
    }
    SequenceNode s = new SequenceNode(Tag.SEQ, new ArrayList<>(), FlowStyle.FLOW);
    put(map, OUTCOME_ORDER, key, s);
    return s;
  }

  /**
   * Appends an entry in the style of the entries already there: flow mappings stay flow; an
   * empty {@code []} becomes a block list of block mappings.
   */
  private static void append(SequenceNode seq, MappingNode item) {
    boolean flowItems = !seq.getValue().isEmpty()
        && seq.getValue().get(0) instanceof MappingNode m && m.getFlowStyle() == FlowStyle.FLOW;
    if (seq.getValue().isEmpty()) {
      seq.setFlowStyle(FlowStyle.BLOCK);
    }
    item.setFlowStyle(flowItems ? FlowStyle.FLOW : FlowStyle.BLOCK);
    seq.getValue().add(item);
  }

  private static MappingNode entry(List<NodeTuple> tuples) {
    return new MappingNode(Tag.MAP, new ArrayList<>(tuples), FlowStyle.BLOCK);
  }

  private static SequenceNode flowList(List<String> values) {
    List<Node> items = new ArrayList<>();
    values.forEach(v -> items.add(str(v)));
    return new SequenceNode(Tag.SEQ, items, FlowStyle.FLOW);
  }

  private static ScalarNode str(String value) {
    return new ScalarNode(Tag.STR, value, null, null, ScalarStyle.PLAIN);
  }

  private static ScalarNode plain(String value, Tag tag) {
    return new ScalarNode(tag, value, null, null, ScalarStyle.PLAIN);
  }

  private static String string(Object o) {
    return o == null ? null : o.toString();
  }
}
