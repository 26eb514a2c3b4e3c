package dev.migsafe.internal.plan;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.plan.Recipe.RecipeStep;
import dev.migsafe.internal.plan.Recipe.Verdict;
import dev.migsafe.internal.yaml.Problems;
import dev.migsafe.internal.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The recipes of {@code library/recipes/*.yaml}, packaged into the jar. Loaded strictly: a
 * broken recipe is an internal error with every problem listed, and a test loads the library
 * so that never ships.
 */
public final class RecipeLibrary {
  static final String FOLDER = "migsafe/library/recipes";
  private static final Set<String> PHASES = Set.of("A", "B", "C", "D");
  private static final Set<String> WAITS = java.util.Arrays.stream(Recipe.Wait.values())
      .map(Recipe.Wait::id).collect(java.util.stream.Collectors.toUnmodifiableSet());

  private final Map<String, Recipe> recipes;

  private RecipeLibrary(Map<String, Recipe> recipes) {
    this.recipes = recipes;
  }

  /** A library of the given recipes, for tests and tools. */
  public static RecipeLibrary of(Map<String, Recipe> recipes) {
    return new RecipeLibrary(Map.copyOf(recipes));
  }

  public static RecipeLibrary shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final RecipeLibrary INSTANCE = loadFromClassPath();
  }

  public Recipe get(String id) {
    Recipe r = recipes.get(id);
    if (r == null) {
      throw new MigsafeException(MigsafeException.Kind.INTERNAL, "no recipe '" + id + "'");
    }
    return r;
  }

  public Map<String, Recipe> all() {
    return recipes;
  }

  /**
   * This library with the recipes of {@code folder} in place of the shipped ones of the same id:
   * a team adapts a recipe to its conventions without forking migsafe. Only existing ids can be
   * replaced, because the selection rules choose recipes by id. Every problem of every file is
   * bad input, reported at once.
   */
  public RecipeLibrary withReplacements(java.nio.file.Path folder) {
    List<String> problems = new ArrayList<>();
    Map<String, Recipe> out = new java.util.LinkedHashMap<>(recipes);
    List<java.nio.file.Path> files;
    try (var s = java.nio.file.Files.list(folder)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (java.io.IOException e) {
      throw MigsafeException.badInput(folder + ": cannot read the recipes folder: "
          + e.getMessage());
    }
    for (java.nio.file.Path p : files) {
      String text;
      try {
        text = java.nio.file.Files.readString(p);
      } catch (java.io.IOException e) {
        problems.add(p + ": cannot read: " + e.getMessage());
        continue;
      }
      List<String> own = new ArrayList<>();
      Recipe r = parse(p.getFileName().toString(), text, own);
      own.forEach(x -> problems.add(folder.resolve(x).toString()));
      if (r != null && own.isEmpty()) {
        if (!recipes.containsKey(r.id())) {
          problems.add(p + ":1:1: id: '" + r.id() + "' is not a shipped recipe; only shipped "
              + "recipes can be replaced (the selection rules choose them by id)");
        } else {
          out.put(r.id(), r);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw MigsafeException.badInput(String.join("\n", problems));
    }
    return new RecipeLibrary(Map.copyOf(out));
  }

  static RecipeLibrary loadFromClassPath() {
    return new RecipeLibrary(LibraryFiles.load(FOLDER, "recipe", RecipeLibrary::parse, Recipe::id));
  }

  /** Parses one recipe file; problems are added as {@code FILE:LINE:COLUMN: path: message}. */
  public static Recipe parse(String fileName, String text, List<String> problemsOut) {
    Problems problems = new Problems(fileName);
    Node root = YamlDocument.compose(text, problems);
    Recipe recipe = null;
    if (root != null) {
      YamlDocument doc = YamlDocument.over(problems);
      Map<String, Node> f = doc.mapping(root, "", Set.of("id", "title", "kinds", "tree",
          "compatibility", "steps", "why"));
      String id = doc.string(doc.required(f, root, "", "id"), "id");
      if (id != null && !fileName.equals(id + ".yaml")) {
        problems.add(f.get("id"), "id", "must equal the file name without .yaml");
      }
      Node compat = doc.required(f, root, "", "compatibility");
      Map<String, Node> c = compat == null ? Map.of()
          : doc.mapping(compat, "compatibility", Set.of("oldAppNewSchema", "newAppOldSchema"));
      List<RecipeStep> steps = new ArrayList<>();
      List<Node> items = doc.sequence(doc.required(f, root, "", "steps"), "steps");
      for (int i = 0; i < items.size(); i++) {
        steps.add(step(doc, items.get(i), "steps[" + i + "]"));
      }
      recipe = new Recipe(id, doc.string(doc.required(f, root, "", "title"), "title"),
          ChangeKindList.read(doc, doc.required(f, root, "", "kinds"), "kinds"),
          doc.string(f.get("tree"), "tree"),
          verdict(doc, c.get("oldAppNewSchema"), "compatibility.oldAppNewSchema", compat),
          verdict(doc, c.get("newAppOldSchema"), "compatibility.newAppOldSchema", compat),
          steps, doc.string(f.get("why"), "why"));
    }
    problemsOut.addAll(problems.lines());
    return problems.isEmpty() ? recipe : null;
  }

  private static Verdict verdict(YamlDocument doc, Node node, String path, Node parent) {
    if (node == null) {
      if (parent != null) {
        doc.problems().add(parent, path, "is required");
      }
      return null;
    }
    Map<String, Node> f = doc.mapping(node, path, Set.of("compatible", "reason"));
    Boolean ok = doc.bool(doc.required(f, node, path, "compatible"), path + ".compatible");
    return new Verdict(ok != null && ok,
        doc.string(doc.required(f, node, path, "reason"), path + ".reason"));
  }

  private static RecipeStep step(YamlDocument doc, Node node, String path) {
    Map<String, Node> f = doc.mapping(node, path, Set.of("phase", "title", "sql", "backfill",
        "action", "rollback", "pointOfNoReturn", "when", "derive", "wait"));
    String phase = doc.oneOf(doc.required(f, node, path, "phase"), path + ".phase", PHASES);
    int bodies = (f.containsKey("sql") ? 1 : 0) + (f.containsKey("backfill") ? 1 : 0)
        + (f.containsKey("action") ? 1 : 0) + (f.containsKey("derive") ? 1 : 0);
    if (bodies != 1) {
      doc.problems().add(node, path, "give exactly one of sql, backfill, action, derive");
    }
    String derive = doc.oneOf(f.get("derive"), path + ".derive", DerivedSteps.NAMES);
    if (f.containsKey("rollback") && !f.containsKey("sql")) {
      doc.problems().add(f.get("rollback"), path + ".rollback", "only an sql step has a rollback");
    }
    Boolean pnr = doc.bool(f.get("pointOfNoReturn"), path + ".pointOfNoReturn");
    String wait = doc.oneOf(f.get("wait"), path + ".wait", WAITS);
    if (f.containsKey("wait") && !f.containsKey("action")) {
      // A wait is for people; SQL that waits would hold its locks and its transaction open.
      doc.problems().add(f.get("wait"), path + ".wait", "only an action step can be a wait");
    }
    return new RecipeStep(phase, doc.string(doc.required(f, node, path, "title"), path + ".title"),
        doc.string(f.get("sql"), path + ".sql"), doc.string(f.get("backfill"), path + ".backfill"),
        doc.string(f.get("action"), path + ".action"),
        doc.string(f.get("rollback"), path + ".rollback"), pnr != null && pnr,
        doc.string(f.get("when"), path + ".when"), derive,
        wait == null ? null : Recipe.Wait.parse(wait));
  }
}
