package dev.migsafe.internal.plan;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.rules.RuleBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Plan's part of the knowledge base as DRL: the recipe selection rules of {@code
 * library/recipes/*.drl} and every decision tree of the library compiled by {@link
 * TreeCompiler}. The build turns these into the executable model together with the lint rules.
 */
public final class PlanDrl {
  private PlanDrl() {}

  /** DRL text by a path under the rule base's root, sorted, from the class path. */
  public static Map<String, String> sources() {
    Map<String, String> drl = new TreeMap<>();
    for (Path p : RuleBase.resourceFiles(RecipeLibrary.FOLDER, ".drl")) {
      drl.put("plan/" + p.getFileName(), read(p));
    }
    List<TreeDefinition> trees = new ArrayList<>(TreeLibrary.loadFromClassPath().all().values());
    if (!trees.isEmpty()) {
      drl.put("plan/decision-trees.drl", TreeCompiler.compile(trees));
    }
    return drl;
  }

  /** The same, from a compiled classes folder (the build-time generator's view). */
  public static Map<String, String> sources(Path classes) {
    Map<String, String> drl = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    List<TreeDefinition> trees = new ArrayList<>();
    for (Path p : files(classes.resolve(RecipeLibrary.FOLDER), ".drl")) {
      drl.put("plan/" + p.getFileName(), read(p));
    }
    for (Path p : files(classes.resolve(TreeLibrary.FOLDER), ".yaml")) {
      TreeDefinition t = TreeLibrary.parse(p.getFileName().toString(), read(p), problems);
      if (t != null) {
        trees.add(t);
      }
    }
    if (!problems.isEmpty()) {
      throw new MigsafeException(MigsafeException.Kind.INTERNAL,
          "the decision-tree library is broken:\n" + String.join("\n", problems));
    }
    if (!trees.isEmpty()) {
      drl.put("plan/decision-trees.drl", TreeCompiler.compile(trees));
    }
    return drl;
  }

  private static List<Path> files(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
