package dev.migsafe.internal.plan;

import dev.migsafe.api.Plan;
import dev.migsafe.internal.schema.Schema;
import java.util.List;

/**
 * The schema at each moment a validation runs, from {@link PlaybookReplay}: {@code before} sees
 * the current schema, {@code after-backfill} the schema after phases A to C, {@code
 * after-cutover} the one after phase D, and {@code always} runs at all three. The target is kept
 * too: a name the model knows at no moment at all is one it cannot judge (a view, another
 * schema), not one that is missing.
 */
record PhaseSchemas(Schema before, Schema afterBackfill, Schema afterCutover, Schema target) {

  /** A moment and the schema then, named as a sentence ends: "... before the first step". */
  record Moment(String name, Schema schema) {}

  static PhaseSchemas of(Schema current, List<Plan.Phase> phases, Schema target) {
    List<Plan.Phase> throughC = phases.stream().filter(p -> !p.id().equals("D")).toList();
    List<Plan.Phase> cutover = phases.stream().filter(p -> p.id().equals("D")).toList();
    // Phase D continues from the schema after C; replay copies, so both stay as they are.
    Schema afterBackfill = PlaybookReplay.replay(current, throughC);
    return new PhaseSchemas(current.copy(), afterBackfill,
        PlaybookReplay.replay(afterBackfill, cutover),
        target);
  }

  /** The moments a validation of {@code phase} runs at. */
  List<Moment> at(String phase) {
    Moment b = new Moment("before the first step", before);
    Moment c = new Moment("after phase C", afterBackfill);
    Moment d = new Moment("after phase D", afterCutover);
    return switch (phase) {
      case "before" -> List.of(b);
      case "after-backfill" -> List.of(c);
      case "after-cutover" -> List.of(d);
      default -> List.of(b, c, d);
    };
  }

  /** Every schema the playbook passes through, and the target. */
  List<Schema> all() {
    return List.of(before, afterBackfill, afterCutover, target);
  }
}
