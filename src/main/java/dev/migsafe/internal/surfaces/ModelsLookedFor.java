package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The models the second pass looks for the uses of, and which files may use each.
 *
 * <p>Models with equal {@link OrmRecogniser#useKey}s are looked for once: a repository that
 * holds an application twice (a vendored copy, a template, a fork kept side by side) declares
 * each model twice, and every file would otherwise be read once per copy. For an ORM whose
 * models are modules ({@link OrmRecogniser#usedThroughImports}), a file may use one only if
 * it loads the module of one of its declarations, directly or through others.
 */
final class ModelsLookedFor {
  private final List<OrmModel> distinct;
  /**
   * By the model looked for (one of {@link #distinct}, by identity), the files that load one
   * of its declarations; absent for an ORM whose models are not modules. Asked for every
   * file, so keyed without working the model's key out again.
   */
  private final Map<OrmModel, Set<String>> loaders = new IdentityHashMap<>();
  private final ScriptModules modules;

  ModelsLookedFor(List<OrmModel> models, ScriptModules modules) {
    this.modules = modules;
    Map<Object, List<OrmModel>> byKey = new LinkedHashMap<>();
    for (OrmModel m : models) {
      byKey.computeIfAbsent(OrmRecognisers.of(m).useKey(m), k -> new ArrayList<>()).add(m);
    }
    this.distinct = byKey.values().stream().map(l -> l.get(0)).toList();
    for (List<OrmModel> same : byKey.values()) {
      if (OrmRecognisers.of(same.get(0)).usedThroughImports()
          && same.stream().allMatch(m -> modules.contains(m.path()))) {
        loaders.put(same.get(0), modules.loading(same.stream().map(OrmModel::path).toList()));
      }
    }
  }

  /** One model of each kind, in the order they were declared. */
  List<OrmModel> distinct() {
    return distinct;
  }

  /**
   * Whether the file (relative to the root) may use the model, by what it loads.
   *
   * @param m one of {@link #distinct()}
   */
  boolean mayBeUsedIn(String path, OrmModel m) {
    Set<String> may = loaders.get(m);
    return may == null || may.contains(path) || modules.loadsNothing(path);
  }
}
