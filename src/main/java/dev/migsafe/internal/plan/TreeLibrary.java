package dev.migsafe.internal.plan;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.plan.TreeDefinition.TreeNode;
import dev.migsafe.internal.yaml.Problems;
import dev.migsafe.internal.yaml.YamlDocument;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The decision trees of {@code library/decision-trees/*.yaml}, loaded strictly. A rollback
 * outcome below a "yes" to {@code pointOfNoReturnPassed} is refused: after the point of no
 * return there is nothing left to roll back to.
 */
public final class TreeLibrary {
  static final String FOLDER = "migsafe/library/decision-trees";
  public static final Set<String> FACTS = Set.of("pointOfNoReturnPassed", "invariantsHold",
      "lockWaitAboveLimit", "replicationLagAboveLimit", "backfillBehindPlan",
      "errorRateAboveThreshold", "consumersOnNewSchema", "stepFailed");
  static final Set<String> OUTCOMES = Set.of("rollback", "forward-fix", "halt", "proceed");

  private final Map<String, TreeDefinition> trees;

  private TreeLibrary(Map<String, TreeDefinition> trees) {
    this.trees = trees;
  }

  /** A library of the given trees, for tests and tools. */
  public static TreeLibrary of(Map<String, TreeDefinition> trees) {
    return new TreeLibrary(Map.copyOf(trees));
  }

  public static TreeLibrary shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final TreeLibrary INSTANCE = loadFromClassPath();
  }

  public Map<String, TreeDefinition> all() {
    return trees;
  }

  public TreeDefinition get(String id) {
    return trees.get(id);
  }

  /** The ids of the trees that guard a change kind ({@code appliesTo}), sorted. */
  public List<String> guarding(String changeKind) {
    return trees.values().stream().filter(t -> t.appliesTo().contains(changeKind))
        .map(TreeDefinition::id).sorted().toList();
  }

  static TreeLibrary loadFromClassPath() {
    return new TreeLibrary(LibraryFiles.load(FOLDER, "decision-tree", TreeLibrary::parse, TreeDefinition::id));
  }

  /** Parses one tree file; problems are added as {@code FILE:LINE:COLUMN: path: message}. */
  public static TreeDefinition parse(String fileName, String text, List<String> problemsOut) {
    Problems problems = new Problems(fileName);
    Node root = YamlDocument.compose(text, problems);
    TreeDefinition tree = null;
    if (root != null) {
      YamlDocument doc = YamlDocument.over(problems);
      Map<String, Node> f = doc.mapping(root, "", Set.of("id", "title", "appliesTo", "root"));
      String id = doc.string(doc.required(f, root, "", "id"), "id");
      if (id != null && !fileName.equals(id + ".yaml")) {
        problems.add(f.get("id"), "id", "must equal the file name without .yaml");
      }
      AtomicInteger counter = new AtomicInteger();
      Node r = doc.required(f, root, "", "root");
      TreeNode rootNode = r == null ? null : node(doc, r, "root", counter, false);
      tree = new TreeDefinition(id, doc.string(doc.required(f, root, "", "title"), "title"),
          ChangeKindList.read(doc, doc.required(f, root, "", "appliesTo"), "appliesTo"),
          rootNode);
    }
    problemsOut.addAll(problems.lines());
    return problems.isEmpty() ? tree : null;
  }

  private static TreeNode node(YamlDocument doc, Node node, String path, AtomicInteger counter,
      boolean pastPointOfNoReturn) {
    String key = "n" + counter.incrementAndGet();
    Map<String, Node> f = doc.mapping(node, path, Set.of("question", "fact", "yes", "no",
        "outcome", "steps", "timeBound"));
    if (f.containsKey("outcome")) {
      for (String k : List.of("question", "fact", "yes", "no")) {
        if (f.containsKey(k)) {
          doc.problems().add(f.get(k), path + "." + k, "an outcome node has no " + k);
        }
      }
      String outcome = doc.oneOf(f.get("outcome"), path + ".outcome", OUTCOMES);
      if ("rollback".equals(outcome) && pastPointOfNoReturn) {
        doc.problems().add(f.get("outcome"), path + ".outcome",
            "a rollback cannot follow the point of no return; only forward-fix, halt or proceed");
      }
      List<String> steps = doc.strings(doc.required(f, node, path, "steps"), path + ".steps");
      if (steps.isEmpty() && f.containsKey("steps")) {
        doc.problems().add(f.get("steps"), path + ".steps", "an outcome needs at least one step");
      }
      Duration bound = null;
      String b = doc.string(f.get("timeBound"), path + ".timeBound");
      if (b != null) {
        try {
          bound = Duration.parse(b);
        } catch (DateTimeParseException e) {
          doc.problems().add(f.get("timeBound"), path + ".timeBound",
              "'" + b + "' is not an ISO-8601 duration such as PT5M");
        }
      }
      return new TreeNode(key, null, null, null, null, outcome, steps, bound);
    }
    String question = doc.string(doc.required(f, node, path, "question"), path + ".question");
    String fact = doc.oneOf(doc.required(f, node, path, "fact"), path + ".fact", FACTS);
    Node yes = doc.required(f, node, path, "yes");
    Node no = doc.required(f, node, path, "no");
    boolean pnrYes = pastPointOfNoReturn || "pointOfNoReturnPassed".equals(fact);
    TreeNode yesNode = yes == null ? null : node(doc, yes, path + ".yes", counter, pnrYes);
    TreeNode noNode = no == null ? null : node(doc, no, path + ".no", counter,
        pastPointOfNoReturn);
    return new TreeNode(key, question, fact, yesNode, noNode, null, List.of(), null);
  }
}
