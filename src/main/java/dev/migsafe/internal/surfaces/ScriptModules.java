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
   *     taken to load anything)
   * @param loadsNothing whether it has no import at all: a script whose names are globals,
   *     which may be anything (a model a framework makes global), so it may use any model
   */
  record Links(String path, List<String> loads, boolean loadsUnknown, boolean loadsNothing) {
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
          imports.specifiers().isEmpty() && !imports.computed());
    }
  }

  private final Map<String, List<String>> loadedBy = new HashMap<>();
  private final List<String> unknown = new ArrayList<>();
  private final Set<String> modules = new HashSet<>();
  private final Set<String> standalone = new HashSet<>();

  ScriptModules(Collection<Links> links) {
    for (Links l : links) {
      modules.add(l.path());
      if (l.loadsNothing()) {
        standalone.add(l.path());
      }
      if (l.loadsUnknown()) {
        unknown.add(l.path());
      }
      for (String target : l.loads()) {
        loadedBy.computeIfAbsent(target, k -> new ArrayList<>()).add(l.path());
      }
    }
  }

  /** Whether the file is one of the graph's (a JavaScript or TypeScript file read). */
  boolean contains(String path) {
    return modules.contains(path);
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
   * themselves included; and every file that loads something unknown, with those that load
   * it.
   */
  Set<String> loading(Collection<String> targets) {
    Set<String> seen = new HashSet<>(targets);
    seen.addAll(unknown);
    Deque<String> todo = new ArrayDeque<>(seen);
    while (!todo.isEmpty()) {
      for (String by : loadedBy.getOrDefault(todo.pop(), List.of())) {
        if (seen.add(by)) {
          todo.push(by);
        }
      }
    }
    return seen;
  }
}
