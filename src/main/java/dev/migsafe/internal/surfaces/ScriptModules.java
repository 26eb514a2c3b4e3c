package dev.migsafe.internal.surfaces;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which JavaScript and TypeScript files of a repository load which: the graph a model's uses
 * are looked for in. A module can hold a model's class or an instance of it only when it
 * loads the model's module, directly or through others: a browser bundle that never imports
 * the server's models has a {@code document.title} of its own (the DOM's, or a client class
 * of the same name), never the ORM's.
 */
final class ScriptModules {

  /**
   * What one file loads.
   *
   * @param path the file, relative to the root
   * @param loads the repository's files it imports
   * @param loadsUnknown whether it also imports something that cannot be told (then it is
   *     taken to load any file of its package)
   * @param loadsNothing whether it has no import at all: a script whose names are globals,
   *     which may be anything (a model a framework makes global), so it may use any model
   * @param pkg the folder of the nearest {@code package.json} up from the file ({@code ""}
   *     for the root, also when there is none)
   */
  record Links(String path, List<String> loads, boolean loadsUnknown, boolean loadsNothing,
      String pkg) {
    Links {
      loads = List.copyOf(loads);
    }

    /** The links of one file's text, each import resolved. */
    static Links of(String path, String text, ScriptResolver resolver) {
      ScriptImports imports = ScriptImports.of(text);
      List<String> loads = new ArrayList<>();
      boolean unknown = imports.computed();
      for (String spec : imports.specifiers()) {
        ScriptResolver.Target t = resolver.resolve(path, spec);
        switch (t.kind()) {
          case FILE -> loads.add(t.path());
          case UNKNOWN -> unknown = true;
          case OUTSIDE -> { }
        }
      }
      return new Links(path, loads, unknown,
          imports.specifiers().isEmpty() && !imports.computed(), resolver.packageOf(path));
    }
  }

  private final Map<String, List<String>> loadedBy = new HashMap<>();
  /** By package, the files that load something unknown. */
  private final Map<String, List<String>> unknownIn = new HashMap<>();
  private final Map<String, String> packageOf = new HashMap<>();
  private final Set<String> standalone = new HashSet<>();

  ScriptModules(Collection<Links> links) {
    for (Links l : links) {
      packageOf.put(l.path(), l.pkg());
      if (l.loadsNothing()) {
        standalone.add(l.path());
      }
      if (l.loadsUnknown()) {
        unknownIn.computeIfAbsent(l.pkg(), k -> new ArrayList<>()).add(l.path());
      }
      for (String target : l.loads()) {
        loadedBy.computeIfAbsent(target, k -> new ArrayList<>()).add(l.path());
      }
    }
  }

  /** Whether the file is one of the graph's (a JavaScript or TypeScript file read). */
  boolean contains(String path) {
    return packageOf.containsKey(path);
  }

  /**
   * Whether the file imports nothing. It is not a module another can get a model from, so
   * what imports it is not counted among the model's loaders; it may use one itself.
   */
  boolean loadsNothing(String path) {
    return standalone.contains(path);
  }

  /**
   * The files that load one of the modules, directly or through others, the modules
   * themselves included. A file that loads something unknown (a module named at run time, a
   * generated file) is taken to load any file of its own package, so it is among them as
   * soon as its package holds one of them: code loads modules of its own package and, by
   * their names, of others, which resolve. A monorepo's service that loads its plugins by
   * path is not thereby a user of another service's models.
   */
  Set<String> loading(Collection<String> targets) {
    Set<String> seen = new HashSet<>(targets);
    Set<String> packages = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(seen);
    while (!todo.isEmpty()) {
      String file = todo.pop();
      String pkg = packageOf.get(file);
      if (pkg != null && packages.add(pkg)) {
        for (String any : unknownIn.getOrDefault(pkg, List.of())) {
          if (seen.add(any)) {
            todo.push(any);
          }
        }
      }
      for (String by : loadedBy.getOrDefault(file, List.of())) {
        if (seen.add(by)) {
          todo.push(by);
        }
      }
    }
    return seen;
  }
}
