package dev.migsafe.internal.check;

import dev.migsafe.api.MigrationCheck.Evidence;
import dev.migsafe.api.MigrationCheck.Item;
import dev.migsafe.api.MigrationCheck.Point;
import dev.migsafe.api.MigrationCheck.Verdict;
import dev.migsafe.api.Rehearsal.ValidationRun;
import dev.migsafe.internal.pg.SchemaDifference;
import dev.migsafe.internal.rehearse.ProposalRehearsal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the real server said about a proposal, as evidence: whether {@code up} ran and reached
 * the target, whether {@code down} restored the current schema, and the invariants.
 */
final class ServerCheck {
  /**
   * SQLSTATEs of a name that does not exist (undefined column, table, object, function,
   * schema): a hallucinated name the server found, which the names point reports too.
   */
  static final Set<String> UNDEFINED = Set.of("42703", "42P01", "42704", "42883", "3F000");

  private ServerCheck() {}

  /**
   * The schema {@code up} left against the target. A difference that the current schema has
   * too is work the proposal leaves for a later migration (an expand step without its
   * contract): a person decides whether that is the intent. Any other difference means the
   * SQL does something the target does not want.
   */
  static Evidence target(ProposalRehearsal.Outcome o, List<SchemaDifference> currentFromTarget,
      boolean hasTarget) {
    if (!o.up().ok()) {
      return new Evidence(Point.TARGET_REACHED, Verdict.FAIL, "up failed on PostgreSQL "
          + o.serverVersion() + " after " + o.up().ran() + " of " + o.up().statements()
          + " statements", List.of(failure("up", o.up().failure())));
    }
    if (!hasTarget) {
      return new Evidence(Point.TARGET_REACHED, Verdict.NEEDS_REVIEW, "up ran on PostgreSQL "
          + o.serverVersion() + "; the packet has no target schema to compare with", List.of());
    }
    List<Item> items = new ArrayList<>();
    for (SchemaDifference d : o.fromTarget()) {
      boolean leftForLater = currentFromTarget.contains(d);
      items.add(new Item(d.kind(), leftForLater ? Verdict.NEEDS_REVIEW : Verdict.FAIL,
          d.object(), withoutObject(d) + (leftForLater
              ? " (as in the current schema: up leaves this for a later migration)"
              : " (not as the target has it)")));
    }
    Verdict v = worst(items);
    String summary = items.isEmpty()
        ? "up ran on PostgreSQL " + o.serverVersion() + " over " + o.rowsPerTable()
            + " rows per table and left exactly the target schema"
        : v == Verdict.FAIL
            ? "the schema up leaves differs from the target in ways the target does not want"
            : "up reaches part of the target; the rest is left as it is now";
    return new Evidence(Point.TARGET_REACHED, v, summary, items);
  }

  /** The schema {@code down} left against the schema before {@code up}. */
  static Evidence restored(ProposalRehearsal.Outcome o) {
    if (!o.up().ok()) {
      return new Evidence(Point.CURRENT_RESTORED, Verdict.FAIL,
          "down was not run: up failed", List.of());
    }
    if (!o.down().ok()) {
      return new Evidence(Point.CURRENT_RESTORED, Verdict.FAIL, "down failed after "
          + o.down().ran() + " of " + o.down().statements() + " statements",
          List.of(failure("down", o.down().failure())));
    }
    List<Item> items = o.fromCurrent().stream().map(d -> new Item(d.kind(), Verdict.FAIL,
        d.object(), withoutObject(d))).toList();
    return new Evidence(Point.CURRENT_RESTORED, worst(items), items.isEmpty()
        ? "down ran after up and restored the current schema exactly"
        : "down ran but does not restore the current schema", items);
  }

  /**
   * The invariants over the synthetic rows. One that fails after {@code up} but held before
   * is broken by the SQL; one that already failed before says the synthetic rows do not
   * satisfy it, which proves nothing either way.
   */
  static Evidence invariants(ProposalRehearsal.Outcome o, int declared) {
    List<Item> items = new ArrayList<>();
    for (ValidationRun r : o.invariantsBefore()) {
      if (!r.passed()) {
        items.add(new Item("invariant-unsatisfied-before", Verdict.NEEDS_REVIEW, r.id(),
            "does not hold over the synthetic rows before up"
                + (r.error() != null ? ": " + r.error() : " (result " + r.result() + ")")
                + "; it proves nothing here"));
      }
    }
    for (ValidationRun r : o.invariantsAfter()) {
      boolean heldBefore = o.invariantsBefore().stream()
          .noneMatch(b -> b.id().equals(r.id()) && !b.passed());
      Verdict v = r.passed() ? Verdict.PASS : r.error() != null ? Verdict.NEEDS_REVIEW
          : heldBefore ? Verdict.FAIL : Verdict.NEEDS_REVIEW;
      items.add(new Item(r.passed() ? "invariant-holds" : r.error() != null
          ? "invariant-error" : "invariant-failed", v, r.id(), r.passed()
              ? "holds after up (result " + r.result() + ")"
              : r.error() != null ? "cannot run after up: " + r.error()
              : "does not hold after up: result " + r.result() + expected(r)));
    }
    if (!o.up().ok()) {
      return new Evidence(Point.INVARIANTS, Verdict.FAIL,
          "the invariants were not run after up: up failed", items);
    }
    String summary = declared == 0 ? "the packet declares no invariants"
        : o.invariantsAfter().isEmpty()
            ? "no invariant of the packet applies after the change"
            : o.invariantsAfter().stream().filter(ValidationRun::passed).count() + " of "
                + o.invariantsAfter().size() + " invariants hold after up, over "
                + o.rowsPerTable() + " synthetic rows per table";
    return new Evidence(Point.INVARIANTS, worst(items), summary, items);
  }

  private static String expected(ValidationRun r) {
    if (r.expect() != null) {
      return ", expected " + r.expect();
    }
    return ", expected " + (r.min() == null ? "" : "at least " + r.min())
        + (r.min() != null && r.max() != null ? " and " : "")
        + (r.max() == null ? "" : "at most " + r.max());
  }

  /** The difference's message without the object it starts with: the item names it. */
  private static String withoutObject(SchemaDifference d) {
    String prefix = d.object() + ": ";
    return d.message().startsWith(prefix) ? d.message().substring(prefix.length())
        : d.message();
  }

  static Item failure(String source, ProposalRehearsal.Failure f) {
    return new Item(UNDEFINED.contains(f.sqlState()) ? "unknown-name" : "server-error",
        Verdict.FAIL, source + ":" + f.line() + ":" + f.column(),
        "PostgreSQL rejected it: " + f.message() + " (SQLSTATE " + f.sqlState() + ")");
  }

  static Verdict worst(List<Item> items) {
    Verdict v = Verdict.PASS;
    for (Item i : items) {
      v = v.worst(i.verdict());
    }
    return v;
  }
}
