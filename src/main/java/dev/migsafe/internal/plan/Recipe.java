package dev.migsafe.internal.plan;

import java.util.List;

/**
 * A safe expand/contract recipe for one change kind, read from {@code
 * library/recipes/<id>.yaml}. The rule base chooses the recipe for each change; the recipe
 * says which steps run in which phase.
 *
 * @param id the recipe id, equal to its file name
 * @param title one line
 * @param kinds the change kinds it can serve (the rule base decides which one applies)
 * @param tree the decision tree that guards it
 * @param oldAppNewSchema whether the old application works once the change is complete
 * @param newAppOldSchema whether the new application works before the change
 * @param steps the steps, in order
 * @param why the reason for the recipe over the direct statement, a template; null when the
 *     recipe gives none. It never states a lock, a rewrite, a scan or a duration: the plan
 *     computes those and puts them in front of it.
 */
public record Recipe(
    String id,
    String title,
    List<String> kinds,
    String tree,
    Verdict oldAppNewSchema,
    Verdict newAppOldSchema,
    List<RecipeStep> steps,
    String why) {

  /** A recipe without a {@code why}. */
  public Recipe(String id, String title, List<String> kinds, String tree,
      Verdict oldAppNewSchema, Verdict newAppOldSchema, List<RecipeStep> steps) {
    this(id, title, kinds, tree, oldAppNewSchema, newAppOldSchema, steps, null);
  }

  /** A compatibility verdict template. */
  public record Verdict(boolean compatible, String reason) {}

  /** How long an action step lasts when it is a wait, rather than the model's figure. */
  public enum Wait {
    /**
     * The packet's {@code watch.duration}, or {@code VerificationWindow.DEFAULT} without one:
     * long enough to see the traffic of a normal day on the new form before it becomes final.
     */
    VERIFICATION_WINDOW("verification-window"),
    /**
     * A release of the application (a read switch, the end of a dual write): as long as the
     * throughput model's deployment, in whatever phase it happens. Without it a cutover's
     * deployments took no time, and the step after them was scheduled in the same second.
     */
    DEPLOYMENT("deployment");

    private final String id;

    Wait(String id) {
      this.id = id;
    }

    /** The name in recipe files. */
    public String id() {
      return id;
    }

    static Wait parse(String id) {
      for (Wait w : values()) {
        if (w.id.equals(id)) {
          return w;
        }
      }
      return null;
    }
  }

  /**
   * One step template. Exactly one of {@code sql}, {@code backfill}, {@code action} and {@code
   * derive} is set.
   *
   * @param phase A, B, C or D
   * @param title what the step does
   * @param sql a statement to run
   * @param backfill a batch statement to repeat until it changes no row
   * @param action an instruction for people: a deployment, a wait, a switch
   * @param rollback the statement that undoes {@code sql}; null when it cannot be undone
   * @param pointOfNoReturn after this step only forward-fix remains
   * @param when a condition on the change that must hold for the step to be included, e.g.
   *     {@code engineVersion >= 12}
   * @param derive the name of SQL the schema decides, expanded into zero or more steps by
   *     {@link DerivedSteps}, e.g. {@code twin-indexes}
   * @param waits for an action that is a wait: what decides how long it lasts; null otherwise
   */
  public record RecipeStep(String phase, String title, String sql, String backfill,
      String action, String rollback, boolean pointOfNoReturn, String when, String derive,
      Wait waits) {

    /** A step that is not a wait. */
    public RecipeStep(String phase, String title, String sql, String backfill, String action,
        String rollback, boolean pointOfNoReturn, String when, String derive) {
      this(phase, title, sql, backfill, action, rollback, pointOfNoReturn, when, derive, null);
    }
  }
}
