package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Change;
import dev.migsafe.internal.plan.ChangeTemplate;
import dev.migsafe.internal.plan.Recipe;
import dev.migsafe.internal.plan.Template;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads every decision tree of {@code library/decision-trees} strictly, in the format of
 * library/README.md (the pipeline's own tree loader does not exist yet): structure, facts,
 * outcomes, ISO-8601 time bounds, a rollback only where the point of no return has not been
 * passed, step templates that fill for every kind the tree applies to, SQL steps that parse, and
 * every tree used by a recipe whose kinds it covers. Problems are reported as {@code
 * FILE:LINE:COLUMN: path: message}, all of them at once.
 */
class DecisionTreeLibraryTest {
  static final Set<String> FACTS = Set.of("pointOfNoReturnPassed", "invariantsHold",
      "lockWaitAboveLimit", "replicationLagAboveLimit", "backfillBehindPlan",
      "errorRateAboveThreshold", "consumersOnNewSchema", "stepFailed");
  static final Set<String> OUTCOMES = Set.of("rollback", "forward-fix", "halt", "proceed");
  /** A step that starts with one of these, in capitals, is SQL and must parse. */
  private static final Pattern SQL_STEP = Pattern.compile(
      "^(SELECT|UPDATE|INSERT|DELETE|ALTER|CREATE|DROP|BEGIN|COMMIT|ROLLBACK|SET|LOCK|ANALYZE|"
          + "VACUUM|REINDEX|WITH)\\b.*", Pattern.DOTALL);

  /** One loaded tree: what the recipes and the pipeline need from it. */
  record Tree(String id, List<String> appliesTo) {}

  @Test
  void everyTreeLoadsStrictlyAndGuardsItsRollbacks() throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, Tree> trees = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(RecipeLibraryTest.TREES)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        Tree t = new Checker(p.getFileName().toString(),
            Files.readString(p, StandardCharsets.UTF_8), problems).check();
        if (t != null) {
          trees.put(t.id(), t);
        }
      }
    }
    Map<String, Recipe> recipes = RecipeLibraryTest.loadAll(problems);
    Set<String> used = new TreeSet<>();
    for (Recipe r : recipes.values()) {
      Tree t = trees.get(r.tree());
      if (t == null) {
        problems.add(r.id() + ".yaml: tree: '" + r.tree() + "' is not a loaded decision tree");
        continue;
      }
      used.add(t.id());
      for (String kind : r.kinds()) {
        if (!t.appliesTo().contains(kind)) {
          problems.add(r.id() + ".yaml: tree: '" + t.id() + "' does not apply to " + kind);
        }
      }
    }
    for (String id : trees.keySet()) {
      if (!used.contains(id)) {
        problems.add(id + ".yaml: no recipe uses this tree");
      }
    }
    assertThat(problems).as("decision-tree library problems").isEmpty();
    assertThat(trees).hasSizeGreaterThanOrEqualTo(12);
  }

  /** Walks one file's node graph, adding {@code FILE:LINE:COLUMN: path: message} problems. */
  private static final class Checker {
    private final String file;
    private final String text;
    private final List<String> problems;
    private final Schema current = SchemaReader.read(RecipeLibraryTest.CURRENT);
    private final Schema target = SchemaReader.read(RecipeLibraryTest.TARGET);
    private final List<Template> templates = new ArrayList<>();
    private final List<String> templateKinds = new ArrayList<>();
    private int outcomes;

    Checker(String file, String text, List<String> problems) {
      this.file = file;
      this.text = text;
      this.problems = problems;
    }

    private void add(Node at, String path, String message) {
      int line = at == null ? 1 : at.getStartMark().getLine() + 1;
      int column = at == null ? 1 : at.getStartMark().getColumn() + 1;
      problems.add(file + ":" + line + ":" + column + ": " + path + ": " + message);
    }

    Tree check() {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      Yaml yaml = new Yaml(new SafeConstructor(options));
      Node root;
      try {
        yaml.load(text); // safe loading must accept the document as plain data
        root = yaml.compose(new StringReader(text));
      } catch (RuntimeException e) {
        problems.add(file + ":1:1: : does not load safely: " + e.getMessage().replace('\n', ' '));
        return null;
      }
      Map<String, Node> f = mapping(root, "", Set.of("id", "title", "appliesTo", "root"),
          Set.of("id", "title", "appliesTo", "root"));
      String id = scalar(f.get("id"), "id");
      if (id != null && !file.equals(id + ".yaml")) {
        add(f.get("id"), "id", "must equal the file name without .yaml");
      }
      scalar(f.get("title"), "title");
      List<String> kinds = new ArrayList<>();
      if (f.get("appliesTo") instanceof SequenceNode s && !s.getValue().isEmpty()) {
        for (int i = 0; i < s.getValue().size(); i++) {
          String kind = scalar(s.getValue().get(i), "appliesTo[" + i + "]");
          if (kind != null && !RecipeLibraryTest.KINDS.contains(kind)) {
            add(s.getValue().get(i), "appliesTo[" + i + "]", "'" + kind + "' is not a change kind");
          } else if (kind != null) {
            kinds.add(kind);
          }
        }
      } else if (f.containsKey("appliesTo")) {
        add(f.get("appliesTo"), "appliesTo", "must be a non-empty list of change kinds");
      }
      for (String kind : kinds) {
        Change sample = RecipeLibraryTest.samples().get(kind);
        templates.add(ChangeTemplate.of(sample, current, target, 5000));
        templateKinds.add(kind);
      }
      if (f.containsKey("root")) {
        node(f.get("root"), "root", new LinkedHashMap<>());
      }
      if (outcomes < 2) {
        add(root, "root", "a tree needs at least two outcomes");
      }
      return id == null ? null : new Tree(id, kinds);
    }

    /** A question or an outcome; {@code answers} holds the facts decided on the way here. */
    private void node(Node n, String path, Map<String, Boolean> answers) {
      if (!(n instanceof MappingNode m)) {
        add(n, path, "must be a question or an outcome (a mapping)");
        return;
      }
      Set<String> keys = keys(m);
      if (keys.contains("question")) {
        Map<String, Node> f = mapping(n, path, Set.of("question", "fact", "yes", "no"),
            Set.of("question", "fact", "yes", "no"));
        scalar(f.get("question"), path + ".question");
        String fact = scalar(f.get("fact"), path + ".fact");
        if (fact != null && !FACTS.contains(fact)) {
          add(f.get("fact"), path + ".fact", "'" + fact + "' is not a documented fact "
              + new TreeSet<>(FACTS));
          return;
        }
        if (fact != null && answers.containsKey(fact)) {
          add(f.get("fact"), path + ".fact", "'" + fact + "' is already decided on this path");
        }
        for (boolean answer : new boolean[] {true, false}) {
          String key = answer ? "yes" : "no";
          if (f.containsKey(key)) {
            Map<String, Boolean> next = new LinkedHashMap<>(answers);
            next.put(fact, answer);
            node(f.get(key), path + "." + key, next);
          }
        }
      } else if (keys.contains("outcome")) {
        outcome(n, path, answers);
      } else {
        add(n, path, "must have either question (with fact, yes, no) or outcome (with steps)");
      }
    }

    private void outcome(Node n, String path, Map<String, Boolean> answers) {
      outcomes++;
      Map<String, Node> f = mapping(n, path, Set.of("outcome", "steps", "timeBound"),
          Set.of("outcome", "steps"));
      String outcome = scalar(f.get("outcome"), path + ".outcome");
      if (outcome != null && !OUTCOMES.contains(outcome)) {
        add(f.get("outcome"), path + ".outcome", "'" + outcome + "' is not one of " + OUTCOMES);
      }
      boolean beforePointOfNoReturn = Boolean.FALSE.equals(answers.get("pointOfNoReturnPassed"));
      if ("rollback".equals(outcome) && !beforePointOfNoReturn) {
        add(n, path, "a rollback is only reachable when pointOfNoReturnPassed is answered no");
      }
      String bound = scalar(f.get("timeBound"), path + ".timeBound");
      if (bound != null) {
        try {
          if (Duration.parse(bound).isNegative() || Duration.parse(bound).isZero()) {
            add(f.get("timeBound"), path + ".timeBound", "must be positive");
          }
        } catch (DateTimeParseException e) {
          add(f.get("timeBound"), path + ".timeBound",
              "'" + bound + "' is not an ISO-8601 duration");
        }
      } else if (outcome != null && !outcome.equals("proceed")) {
        add(n, path, "a " + outcome + " outcome needs a timeBound");
      }
      if (!(f.get("steps") instanceof SequenceNode s) || s.getValue().isEmpty()) {
        if (f.containsKey("steps")) {
          add(f.get("steps"), path + ".steps", "must be a non-empty list of steps");
        }
        return;
      }
      boolean restores = false;
      for (int i = 0; i < s.getValue().size(); i++) {
        Node item = s.getValue().get(i);
        String p = path + ".steps[" + i + "]";
        String step = scalar(item, p);
        if (step == null) {
          continue;
        }
        if (step.contains("$rollback")) {
          if (!step.trim().equals("$rollback")) {
            add(item, p, "$rollback stands alone as a step");
          }
          if (!"rollback".equals(outcome)) {
            add(item, p, "$rollback belongs only to a rollback outcome");
          }
          restores = true;
          continue;
        }
        boolean sql = SQL_STEP.matcher(step).matches();
        restores |= sql;
        for (int k = 0; k < templates.size(); k++) {
          String filled;
          try {
            filled = templates.get(k).fill(step);
          } catch (IllegalArgumentException e) {
            add(item, p, "for " + templateKinds.get(k) + ": " + e.getMessage());
            continue;
          }
          String bad = sql ? RecipeLibraryTest.unreadable(filled) : null;
          if (bad != null) {
            add(item, p, "for " + templateKinds.get(k) + ": " + filled + " " + bad);
          }
        }
      }
      if ("rollback".equals(outcome) && !restores) {
        add(s, path + ".steps",
            "a rollback needs $rollback or SQL that restores the previous state");
      }
    }

    private Map<String, Node> mapping(Node n, String path, Set<String> allowed,
        Set<String> required) {
      Map<String, Node> out = new LinkedHashMap<>();
      if (!(n instanceof MappingNode m)) {
        add(n, path, "must be a mapping");
        return out;
      }
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
        String p = path.isEmpty() ? key : path + "." + key;
        if (key == null || !allowed.contains(key)) {
          add(t.getKeyNode(), p, "unknown field (allowed: " + new TreeSet<>(allowed) + ")");
        } else {
          out.put(key, t.getValueNode());
        }
      }
      for (String r : required) {
        if (!out.containsKey(r)) {
          add(n, path.isEmpty() ? r : path + "." + r, "is required");
        }
      }
      return out;
    }

    private static Set<String> keys(MappingNode m) {
      Set<String> keys = new TreeSet<>();
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          keys.add(k.getValue());
        }
      }
      return keys;
    }

    private String scalar(Node n, String path) {
      if (n == null) {
        return null;
      }
      if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
        add(n, path, "must be a non-empty text");
        return null;
      }
      return s.getValue();
    }
  }
}
