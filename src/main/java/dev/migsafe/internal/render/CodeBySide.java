package dev.migsafe.internal.render;

import dev.migsafe.api.Plan;
import dev.migsafe.api.Plan.CodeSurface;
import dev.migsafe.api.Plan.Side;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code plan --code}'s places arranged the way the playbook's compatibility and consumers
 * sections read them: per change and side of the matrix, and per repository.
 */
final class CodeBySide {
  private CodeBySide() {}

  /** The places a change breaks on one side of the matrix. */
  static List<CodeSurface> of(Plan plan, String changeId, Side side) {
    return plan.codeSurfaces().stream()
        .filter(cs -> cs.side() == side && cs.changeId().equals(changeId)).toList();
  }

  /** {@code REPOSITORY/PATH:LINE}, the repository by its folder name. */
  static String place(CodeSurface cs) {
    return repository(cs.surface().root()) + "/" + cs.surface().path() + ":"
        + cs.surface().line();
  }

  /**
   * The repository's name as a consumer entry names the service: its folder's name, as the
   * consumers gate matches them.
   */
  static String repository(String root) {
    Path p = Path.of(root).normalize().getFileName();
    return p == null ? root : p.toString();
  }

  /** Each repository with places, by name, with its places in plan order. */
  static Map<String, List<CodeSurface>> byRepository(Plan plan) {
    Map<String, List<CodeSurface>> out = new LinkedHashMap<>();
    for (CodeSurface cs : plan.codeSurfaces()) {
      out.computeIfAbsent(repository(cs.surface().root()), r -> new java.util.ArrayList<>())
          .add(cs);
    }
    return out;
  }

  /** {@code old app, new schema} or {@code new app, old schema}, as the matrix heads them. */
  static String heading(Side side) {
    return side == Side.OLD_APP_NEW_SCHEMA ? "old app, new schema" : "new app, old schema";
  }
}
