package dev.migsafe.internal.surfaces;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a JavaScript or TypeScript module's imports lead, as Node and the TypeScript compiler
 * find them: a relative path, an alias of the nearest {@code tsconfig.json} or {@code
 * jsconfig.json} ({@code paths}, {@code baseUrl}, followed through a relative {@code extends}),
 * a package of the repository's own workspaces, an npm package a {@code package.json}
 * declares, or Node's own modules.
 *
 * <p>What cannot be told is said so ({@link Kind#UNKNOWN}), never guessed: an alias set up
 * only in a bundler's configuration, a package nobody declares, a generated file. A file
 * whose imports are unknown is taken to load anything, so an answer here can only narrow
 * where a model's uses are looked for when it is sure.
 */
final class ScriptResolver {

  /** What an import leads to. */
  enum Kind {
    /** A file of the repository, by {@link Target#path()}. */
    FILE,
    /** Something that loads no module of the repository: an npm package, Node, an asset. */
    OUTSIDE,
    /** Not known. */
    UNKNOWN
  }

  record Target(Kind kind, String path) {
    static final Target OUTSIDE = new Target(Kind.OUTSIDE, null);
    static final Target UNKNOWN = new Target(Kind.UNKNOWN, null);
  }

  private static final List<String> EXTENSIONS = List.of(".ts", ".tsx", ".d.ts", ".js", ".jsx",
      ".mjs", ".cjs", ".mts", ".cts");
  /** Files an import can name that load no module: styles, data, images, documents. */
  private static final Set<String> ASSETS = Set.of("css", "scss", "sass", "less", "json",
      "svg", "png", "jpg", "jpeg", "gif", "webp", "ico", "woff", "woff2", "ttf", "eot", "md",
      "mdx", "html", "txt", "yaml", "yml", "graphql", "gql", "wasm", "csv", "xml");
  /** Node's own modules, which {@code node:} may or may not prefix. */
  private static final Set<String> NODE = Set.of("assert", "async_hooks", "buffer",
      "child_process", "cluster", "console", "constants", "crypto", "dgram", "diagnostics_channel",
      "dns", "domain", "events", "fs", "http", "http2", "https", "inspector", "module", "net",
      "os", "path", "perf_hooks", "process", "punycode", "querystring", "readline", "repl",
      "stream", "string_decoder", "sys", "timers", "tls", "trace_events", "tty", "url", "util",
      "v8", "vm", "wasi", "worker_threads", "zlib");
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
          JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
      .build();
  /** How many {@code extends} a configuration is followed through. */
  private static final int EXTENDS_DEPTH = 8;

  /** A path alias: {@code "@server/*": ["./server/*"]}, its targets relative to the root. */
  private record Alias(String prefix, String suffix, boolean wildcard, List<String> targets) {
    String match(String spec) {
      if (!wildcard) {
        return spec.equals(prefix) ? "" : null;
      }
      return spec.length() >= prefix.length() + suffix.length() && spec.startsWith(prefix)
          && spec.endsWith(suffix)
          ? spec.substring(prefix.length(), spec.length() - suffix.length()) : null;
    }
  }

  /** A compiler configuration: its base folder (or null) and aliases, longest prefix first. */
  private record Config(String baseUrl, List<Alias> aliases) {
    static final Config NONE = new Config(null, List.of());
  }

  private final Path root;
  private final Map<String, String> files = new HashMap<>();
  private final Map<String, Config> configByFolder = new HashMap<>();
  private final Map<String, Config> nearest = new ConcurrentHashMap<>();
  private final Map<String, String> workspaces = new HashMap<>();
  private final Map<String, String> mains = new HashMap<>();
  private final Set<String> dependencies = new HashSet<>();
  /** The folders that hold a {@code package.json}. */
  private final Set<String> packages = new HashSet<>();
  private final Map<String, String> packageOfFolder = new ConcurrentHashMap<>();

  private ScriptResolver(Path root) {
    this.root = root;
  }

  /**
   * @param files the repository's files to read (the modules an import may lead to)
   * @param manifests its {@code package.json}, {@code tsconfig.json} and {@code jsconfig.json}
   */
  static ScriptResolver of(Path root, List<Path> files, List<Path> manifests) {
    ScriptResolver r = new ScriptResolver(root);
    for (Path f : files) {
      String rel = SourceFile.relative(root, f);
      r.files.put(rel, rel);
    }
    for (Path m : manifests) {
      String rel = SourceFile.relative(root, m);
      String folder = folder(rel);
      if (m.getFileName().toString().equals("package.json")) {
        r.packages.add(folder);
        r.readPackage(folder, read(m));
      } else if (!r.configByFolder.containsKey(folder)
          || m.getFileName().toString().equals("tsconfig.json")) {
        // A folder with both: TypeScript reads tsconfig.json.
        r.configByFolder.put(folder, r.config(rel, 0));
      }
    }
    return r;
  }

  /**
   * Whether the file is in the repository once links are followed: an {@code extends} may
   * name any path, and nothing outside the given roots is read.
   */
  private boolean insideRoot(Path file) {
    try {
      return file.startsWith(root) && file.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  private static JsonNode read(Path file) {
    try {
      if (Files.size(file) > SourceFile.MAX_BYTES) {
        return null;
      }
      return JSON.readTree(Files.readAllBytes(file));
    } catch (IOException | RuntimeException e) {
      // A manifest that cannot be read tells nothing: its imports stay unknown.
      return null;
    }
  }

  private void readPackage(String folder, JsonNode p) {
    if (p == null || !p.isObject()) {
      return;
    }
    if (p.path("name").isTextual()) {
      workspaces.put(p.get("name").asText(), folder);
      for (String field : List.of("source", "types", "typings", "module", "main")) {
        if (p.path(field).isTextual() && !mains.containsKey(folder)) {
          mains.put(folder, join(folder, p.get(field).asText()));
        }
      }
    }
    for (String deps : List.of("dependencies", "devDependencies", "peerDependencies",
        "optionalDependencies")) {
      for (Iterator<String> names = p.path(deps).fieldNames(); names.hasNext(); ) {
        dependencies.add(names.next());
      }
    }
  }

  /** A configuration file, with what a relative {@code extends} gives it. */
  private Config config(String rel, int depth) {
    Path file = root.resolve(rel).normalize();
    JsonNode c = insideRoot(file) ? read(file) : null;
    if (c == null || !c.isObject()) {
      return Config.NONE;
    }
    String folder = folder(rel);
    Config base = Config.NONE;
    String parent = c.path("extends").asText("");
    if (depth < EXTENDS_DEPTH && (parent.startsWith("./") || parent.startsWith("../"))) {
      String p = join(folder, parent.endsWith(".json") ? parent : parent + ".json");
      if (p != null) {
        base = config(p, depth + 1);
      }
    }
    JsonNode options = c.path("compilerOptions");
    String baseUrl = options.path("baseUrl").isTextual()
        ? join(folder, options.get("baseUrl").asText()) : base.baseUrl();
    if (!options.path("paths").isObject()) {
      return new Config(baseUrl, base.aliases());
    }
    // Paths are relative to baseUrl, or to the configuration's folder without one.
    String from = baseUrl != null ? baseUrl : folder;
    List<Alias> aliases = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : options.get("paths").properties()) {
      List<String> targets = new ArrayList<>();
      for (JsonNode t : e.getValue()) {
        String target = t.isTextual() ? join(from, t.asText()) : null;
        if (target != null) {
          targets.add(target);
        }
      }
      String key = e.getKey();
      int star = key.indexOf('*');
      aliases.add(star < 0 ? new Alias(key, "", false, targets)
          : new Alias(key.substring(0, star), key.substring(star + 1), true, targets));
    }
    aliases.sort(Comparator.comparingInt((Alias a) -> a.prefix().length()).reversed());
    return new Config(baseUrl, aliases);
  }

  /** Where an import of the file leads. */
  Target resolve(String from, String spec) {
    if (spec.startsWith("./") || spec.startsWith("../") || spec.equals(".")
        || spec.equals("..")) {
      String base = join(folder(from), spec);
      return base == null ? Target.OUTSIDE : file(base, spec);
    }
    if (spec.startsWith("/") || spec.isEmpty()) {
      return Target.UNKNOWN;
    }
    Config config = configOf(folder(from));
    for (Alias a : config.aliases()) {
      String star = a.match(spec);
      if (star == null) {
        continue;
      }
      for (String t : a.targets()) {
        String path = found(t.replace("*", star));
        if (path != null) {
          return new Target(Kind.FILE, path);
        }
      }
      return a.targets().stream().anyMatch(t -> t.contains("node_modules/")) ? Target.OUTSIDE
          : Target.UNKNOWN;
    }
    if (config.baseUrl() != null) {
      String path = found(join(config.baseUrl(), spec));
      if (path != null) {
        return new Target(Kind.FILE, path);
      }
    }
    String name = packageName(spec);
    String workspace = workspaces.get(name);
    if (workspace != null) {
      return inWorkspace(workspace, spec.substring(name.length()));
    }
    if (spec.startsWith("node:") || NODE.contains(name) || dependencies.contains(name)) {
      return Target.OUTSIDE;
    }
    // Under a tsconfig.json, TypeScript finds a name none of its aliases maps only in
    // node_modules (a package another one brings in, undeclared). Without one, or in
    // JavaScript, a bundler's alias this does not read may map it.
    return isTypeScript(from) && config != Config.NONE ? Target.OUTSIDE : Target.UNKNOWN;
  }

  private static boolean isTypeScript(String path) {
    return path.endsWith(".ts") || path.endsWith(".tsx") || path.endsWith(".mts")
        || path.endsWith(".cts");
  }

  private Target file(String base, String spec) {
    String path = found(base);
    if (path != null) {
      return new Target(Kind.FILE, path);
    }
    String last = base.substring(base.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    return dot > 0 && ASSETS.contains(last.substring(dot + 1).toLowerCase(java.util.Locale.ROOT))
        ? Target.OUTSIDE : Target.UNKNOWN;
  }

  private Target inWorkspace(String folder, String sub) {
    List<String> tries = new ArrayList<>();
    if (sub.isEmpty()) {
      if (mains.containsKey(folder)) {
        tries.add(mains.get(folder));
      }
      tries.add(join(folder, "index"));
      tries.add(join(folder, "src/index"));
    } else {
      tries.add(join(folder, "." + sub));
      tries.add(join(folder, "src" + sub));
    }
    for (String t : tries) {
      String path = t == null ? null : found(t);
      if (path != null) {
        return new Target(Kind.FILE, path);
      }
    }
    return Target.UNKNOWN;
  }

  /** The module file a path names, as Node and TypeScript complete it, or null. */
  private String found(String base) {
    if (base == null) {
      return null;
    }
    String exact = files.get(base);
    if (exact != null) {
      return exact;
    }
    for (String ext : EXTENSIONS) {
      String f = files.get(base + ext);
      if (f != null) {
        return f;
      }
    }
    // TypeScript's ESM style names the compiled file: "./user.js" for user.ts.
    int dot = base.lastIndexOf('.');
    if (dot > base.lastIndexOf('/')) {
      String ext = base.substring(dot);
      if (EXTENSIONS.contains(ext)) {
        String stem = base.substring(0, dot);
        for (String ts : List.of(".ts", ".tsx", ".mts", ".cts")) {
          String f = files.get(stem + ts);
          if (f != null) {
            return f;
          }
        }
      }
    }
    for (String ext : EXTENSIONS) {
      String f = files.get(base + "/index" + ext);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /** The folder of the nearest {@code package.json} up from a file, or {@code ""}. */
  String packageOf(String path) {
    return packageOfFolder(folder(path));
  }

  private String packageOfFolder(String folder) {
    String known = packageOfFolder.get(folder);
    if (known != null) {
      return known;
    }
    String p = packages.contains(folder) || folder.isEmpty() ? folder
        : packageOfFolder(folder(folder));
    packageOfFolder.put(folder, p);
    return p;
  }

  /** The configuration of the nearest folder up that has one. */
  private Config configOf(String folder) {
    Config known = nearest.get(folder);
    if (known != null) {
      return known;
    }
    Config c = configByFolder.get(folder);
    if (c == null) {
      c = folder.isEmpty() ? Config.NONE : configOf(folder(folder));
    }
    nearest.put(folder, c);
    return c;
  }

  /** {@code @scope/name} or {@code name}, without a path into the package. */
  private static String packageName(String spec) {
    int slash = spec.indexOf('/');
    if (spec.startsWith("@") && slash > 0) {
      int second = spec.indexOf('/', slash + 1);
      return second < 0 ? spec : spec.substring(0, second);
    }
    return slash < 0 ? spec : spec.substring(0, slash);
  }

  private static String folder(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /**
   * A path relative to the root from a folder and a relative path, {@code .} and {@code ..}
   * folded; null when it leaves the root.
   */
  static String join(String folder, String path) {
    List<String> parts = new ArrayList<>();
    if (!path.startsWith("/")) {
      for (String p : folder.split("/")) {
        if (!p.isEmpty()) {
          parts.add(p);
        }
      }
    }
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(p);
      }
    }
    return String.join("/", parts);
  }
}
