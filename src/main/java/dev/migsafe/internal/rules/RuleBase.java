package dev.migsafe.internal.rules;

import dev.migsafe.api.RuleInfo;
import dev.migsafe.api.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.drools.model.Model;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The rule base: every {@code .drl} under {@code migsafe/rules/} on the class path (the
 * project's {@code rules/} folder, packaged into the jar), made once per process.
 *
 * <p>The build compiles that DRL into the Drools executable model ({@link RuleModelGenerator});
 * {@link #shared()} loads those generated classes, which takes a fifth of the time compiling the
 * DRL takes. It compiles the DRL instead when there is no generated model, when the DRL on the
 * class path is not the DRL the model was generated from (an IDE run after editing a rule), or
 * when the system property {@code migsafe.rules} is {@code drl}.
 */
public final class RuleBase {
  static final String ROOT = "migsafe/rules";
  /**
   * Plan's recipe selection rules ({@code library/recipes/*.drl}), compiled into the same
   * executable model so that plan does not compile DRL at run time. Named by folder: the
   * rules package must not depend on the plan package, which depends on it.
   */
  static final String RECIPE_SELECTION = "migsafe/library/recipes";
  /** Where the selection DRL sits among the rule base's paths. */
  static final String RECIPE_SELECTION_PREFIX = "plan/";

  /** Where a rule base came from. */
  public enum Origin {
    /** Classes generated from the DRL at build time. */
    EXECUTABLE_MODEL,
    /** DRL compiled in this process. */
    DRL
  }

  private final KieBase kieBase;
  private final Map<String, RuleInfo> rules;
  private final Map<String, RuleScope> scopes = new TreeMap<>();
  private final Origin origin;
  /** What the knowledge base was built from, to build each scope's own: one of the two is null. */
  private final List<Model> models;
  private final Map<String, String> drlByPath;
  /** The lint rules of each scope in a knowledge base of their own, made on first use. */
  private final Map<RuleScope, KieBase> scoped = new EnumMap<>(RuleScope.class);

  private RuleBase(KieBase kieBase, Origin origin, List<Model> models,
      Map<String, String> drlByPath) {
    this.kieBase = kieBase;
    this.origin = origin;
    this.models = models;
    this.drlByPath = drlByPath;
    Map<String, RuleInfo> infos = new TreeMap<>();
    for (KiePackage pkg : kieBase.getKiePackages()) {
      // The knowledge base also holds plan's recipe selection; only the
      // packages under dev.migsafe.rules are lint rules.
      if (!pkg.getName().startsWith("dev.migsafe.rules.")) {
        continue;
      }
      for (Rule r : pkg.getRules()) {
        infos.put(r.getName(), info(pkg.getName(), r));
        RuleScope scope = RuleScope.of(unquoted(r.getMetaData().get("scope")));
        if (scope != null) {
          scopes.put(r.getName(), scope);
        }
      }
    }
    this.rules = infos;
  }

  /** The shared instance, made on first use. */
  public static RuleBase shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final RuleBase INSTANCE = loadShared();
  }

  private static RuleBase loadShared() {
    if (!"drl".equals(System.getProperty("migsafe.rules"))) {
      RuleBase fromModel = fromBuildModel();
      if (fromModel != null) {
        return fromModel;
      }
    }
    return load(drlResources());
  }

  /**
   * Loads the executable model the build generated, or returns null when there is none or it
   * was generated from other DRL than the class path holds.
   */
  public static RuleBase fromBuildModel() {
    String text = resourceText(RuleModelIndex.RESOURCE);
    if (text == null) {
      return null;
    }
    RuleModelIndex index = RuleModelIndex.parse(text);
    URL rulesUrl = RuleBase.class.getClassLoader().getResource(ROOT);
    // In a jar the DRL and the model come from one build. In a classes folder the DRL may have
    // been copied by an IDE after the last Maven build, so compare.
    if (rulesUrl != null && !"jar".equals(rulesUrl.getProtocol())
        && !index.drlFingerprint().equals(RuleModelIndex.drlFingerprint(drlByRelativePath()))) {
      return null;
    }
    List<Model> models = new ArrayList<>();
    ClassLoader loader = RuleBase.class.getClassLoader();
    try {
      for (String name : index.models()) {
        models.add((Model) Class.forName(name, true, loader).getConstructor().newInstance());
      }
    } catch (ReflectiveOperationException | LinkageError e) {
      // Classes generated against fact classes that have changed since; compile the DRL.
      return null;
    }
    return new RuleBase(KieBaseBuilder.createKieBaseFromModel(models), Origin.EXECUTABLE_MODEL,
        List.copyOf(models), null);
  }

  /** Where this rule base came from. */
  public Origin origin() {
    return origin;
  }

  /** Compiles the given DRL sources (path → text). */
  public static RuleBase load(Map<String, String> drlByPath) {
    return new RuleBase(DrlCompiler.compile(drlByPath), Origin.DRL, null, Map.copyOf(drlByPath));
  }

  private static RuleInfo info(String pkg, Rule r) {
    Map<String, Object> md = r.getMetaData();
    String dialect = pkg.substring(pkg.lastIndexOf('.') + 1);
    Object sev = md.get("severity");
    Severity severity;
    try {
      severity = sev == null ? null : Severity.parse(sev.toString());
    } catch (IllegalArgumentException e) {
      severity = null;
    }
    return new RuleInfo(r.getName(), dialect, severity, str(md.get("summary")),
        str(md.get("since")));
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  public StatelessKieSession newSession() {
    return kieBase.newStatelessKieSession();
  }

  /** A lint rule's {@code @scope}, or null when it states none (or no valid one). */
  public RuleScope scope(String ruleId) {
    return scopes.get(ruleId);
  }

  /**
   * The lint rules of one scope alone, in a knowledge base of their own: a session of it
   * keeps memory only for the patterns of those rules. Made from the same executable model
   * (or DRL) as {@link #kieBase()}, on first use.
   */
  public synchronized KieBase kieBase(RuleScope scope) {
    return scoped.computeIfAbsent(scope, this::build);
  }

  private KieBase build(RuleScope scope) {
    if (models == null) {
      Map<String, String> subset = new TreeMap<>();
      drlByPath.forEach((path, text) -> {
        if (text.contains("@scope(\"" + scope.id() + "\")")) {
          subset.put(path, text);
        }
      });
      return DrlCompiler.compile(subset);
    }
    List<Model> subset = new ArrayList<>();
    for (Model m : models) {
      ModelImpl part = new ModelImpl(m.getName()).withGlobals(m.getGlobals())
          .withQueries(m.getQueries());
      m.getTypeMetaDatas().forEach(part::addTypeMetaData);
      for (org.drools.model.Rule r : m.getRules()) {
        if (RuleScope.of(unquoted(r.getMetaData("scope"))) == scope) {
          part.addRule(r);
        }
      }
      if (!part.getRules().isEmpty()) {
        subset.add(part);
      }
    }
    return KieBaseBuilder.createKieBaseFromModel(subset);
  }

  /** A metadata value as DRL wrote it: the executable model may keep the quotes. */
  private static Object unquoted(Object value) {
    String s = value == null ? null : value.toString();
    return s != null && s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1) : s;
  }

  /** Every rule's metadata by id, sorted by id. */
  public Map<String, RuleInfo> rules() {
    return rules;
  }

  /**
   * Runs every rule in one session over all the facts of one file (its {@link MigrationFact}
   * among them) and returns what they reported: what {@link FileRuleRun} must match, window by
   * window.
   */
  public List<RawFinding> fire(MigrationFact file, Collection<Object> facts) {
    FindingSink sink = new FindingSink(file);
    StatelessKieSession session = newSession();
    session.setGlobal("findings", sink);
    sink.startRun(facts);
    session.execute(facts);
    sink.endRun();
    return sink.findings();
  }

  /**
   * Every DRL of the knowledge base, in path order: each file under {@code migsafe/rules/} on
   * the class path, then plan's recipe selection ({@link #RECIPE_SELECTION}) as if it were
   * under {@code migsafe/rules/plan/}, so lint and plan share one knowledge base.
   */
  public static Map<String, String> drlResources() {
    Map<String, String> out = new TreeMap<>();
    for (Path p : resourceFiles(ROOT, ".drl")) {
      out.put(p.toString(), read(p));
    }
    for (Path p : resourceFiles(RECIPE_SELECTION, ".drl")) {
      out.put(ROOT + "/" + RECIPE_SELECTION_PREFIX + p.getFileName(), read(p));
    }
    return out;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The DRL by path relative to {@code migsafe/rules/}, as the build-time model sees it. */
  static Map<String, String> drlByRelativePath() {
    Map<String, String> out = new TreeMap<>();
    drlResources().forEach((path, text) -> {
      String p = path.replace('\\', '/');
      out.put(p.substring(p.lastIndexOf(ROOT + "/") + ROOT.length() + 1), text);
    });
    return out;
  }

  /** The Drools knowledge base itself, shared by lint and plan. */
  public KieBase kieBase() {
    return kieBase;
  }

  /**
   * Lists files with the given suffix under a class-path folder, whether the class path is a
   * folder (tests, IDE) or the shaded jar.
   */
  public static List<Path> resourceFiles(String folder, String suffix) {
    URL url = RuleBase.class.getClassLoader().getResource(folder);
    if (url == null) {
      return List.of();
    }
    try {
      URI uri = url.toURI();
      Path root;
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        root = fs.getPath(folder);
      } else {
        root = Path.of(uri);
      }
      List<Path> files = new ArrayList<>();
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.toString().endsWith(suffix)).sorted(Comparator.comparing(Path::toString))
            .forEach(files::add);
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a class-path resource as text, or null when absent. */
  public static String resourceText(String path) {
    try (InputStream in = RuleBase.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
