package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;
import dev.migsafe.internal.plan.Recipe.RecipeStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a change's recipe into concrete steps: templates filled, conditions applied. */
final class StepExpander {
  private StepExpander() {}

  /** A step before phase numbering and analysis. */
  record Draft(Change change, Recipe recipe, RecipeStep step, String title, String sql,
      String rollbackSql, boolean backfill) {}

  static List<Draft> expand(PlanChange c, Recipe recipe, Template template,
      dev.migsafe.internal.schema.Schema current, dev.migsafe.internal.schema.Schema target) {
    List<Draft> out = new ArrayList<>();
    for (RecipeStep s : recipe.steps()) {
      if (!holds(s.when(), c, template)) {
        continue;
      }
      if (s.derive() != null) {
        out.addAll(DerivedSteps.expand(s, c.change(), recipe, current, target));
        continue;
      }
      String sql = s.sql() != null ? template.fill(s.sql()) : template.fill(s.backfill());
      out.add(new Draft(c.change(), recipe, s, template.fill(s.title()), sql,
          template.fill(s.rollback()), s.backfill() != null));
    }
    return out;
  }

  /** The small condition language of library/README.md. */
  static boolean holds(String when, PlanChange c, Template t) {
    if (when == null || when.isBlank()) {
      return true;
    }
    if (when.contains("&&")) {
      for (String part : when.split("&&")) {
        if (!holds(part, c, t)) {
          return false;
        }
      }
      return true;
    }
    String w = when.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    if (w.startsWith("engineversion>=")) {
      return c.getEngineVersion() >= Integer.parseInt(w.substring("engineversion>=".length()));
    }
    if (w.startsWith("engineversion<")) {
      return c.getEngineVersion() < Integer.parseInt(w.substring("engineversion<".length()));
    }
    return switch (w) {
      case "notnull" -> c.isNotNull();
      case "!notnull" -> !c.isNotNull();
      case "hasdefault" -> c.isHasDefault();
      case "hassequence" -> t != null && t.has("sequence");
      case "!hassequence" -> t == null || !t.has("sequence");
      case "hasownedsequence" -> t != null && t.has("ownedSequence");
      case "toidentity" -> t != null && t.has("toIdentity");
      case "!toidentity" -> t == null || !t.has("toIdentity");
      case "fromidentity" -> t != null && t.has("fromIdentity");
      case "!hasdefault" -> !c.isHasDefault();
      default -> throw new IllegalArgumentException("unknown recipe condition '" + when + "'");
    };
  }
}
