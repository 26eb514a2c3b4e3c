package dev.migsafe.api;

import java.util.List;

/**
 * migsafe's verdict on a proposed migration ({@code up}, and optionally its {@code down}) for a
 * packet: the guardrail every AI proposal goes through before anyone trusts it. Each point of
 * the check is one {@link Evidence}; the verdict is the worst of them.
 *
 * @param packetId the packet's id
 * @param serverVersion the PostgreSQL version the SQL was applied on, e.g. {@code 16.9}; null
 *     when no server ran (the SQL did not parse, say)
 * @param verdict {@code FAIL} when any point failed, else {@code NEEDS_REVIEW} when any point
 *     needs a person, else {@code PASS}
 * @param evidence one entry per point, in {@link Point} order
 */
public record MigrationCheck(String packetId, String serverVersion, Verdict verdict,
    List<Evidence> evidence) {

  public MigrationCheck {
    evidence = List.copyOf(evidence);
  }

  /** The answer of a check, and of each point of it. */
  public enum Verdict {
    PASS("pass"), NEEDS_REVIEW("needs-review"), FAIL("fail");

    private final String id;

    Verdict(String id) {
      this.id = id;
    }

    /** The contract spelling: {@code pass}, {@code needs-review}, {@code fail}. */
    public String id() {
      return id;
    }

    /** The worse of two verdicts. */
    public Verdict worst(Verdict other) {
      return other.ordinal() > ordinal() ? other : this;
    }
  }

  /** What each piece of evidence is about. */
  public enum Point {
    /** {@code up} linted against the packet's current schema and workload. */
    LINT_UP("lint-up"),
    /** {@code down} linted as a rollback, against the schema {@code up} leaves. */
    LINT_DOWN("lint-down"),
    /** Every table, column, index, constraint and type the SQL names exists when it runs. */
    NAMES("names"),
    /** {@code up} applied on a real server loaded with the current schema reaches the target. */
    TARGET_REACHED("target-reached"),
    /** {@code down} applied after {@code up} restores the current schema. */
    CURRENT_RESTORED("current-restored"),
    /** The packet's invariants hold after {@code up}. */
    INVARIANTS("invariants"),
    /** The consumers the change breaks, and whether each acknowledged. */
    CONSUMERS("consumers");

    private final String id;

    Point(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /**
   * One point of the check.
   *
   * @param point what was checked
   * @param verdict its outcome
   * @param summary one sentence a reviewer reads first
   * @param items what was found, each located where that is possible
   */
  public record Evidence(Point point, Verdict verdict, String summary, List<Item> items) {
    public Evidence {
      items = List.copyOf(items);
    }
  }

  /**
   * One thing found.
   *
   * @param kind what it is: a rule id ({@code pg-add-column-volatile-default}), a schema
   *     difference kind ({@code missing-column}), {@code unknown-column}, {@code
   *     invariant-failed}, {@code consumer-unacknowledged}, ...
   * @param verdict what this item alone makes of the point
   * @param where {@code up:LINE:COLUMN}, {@code down:LINE:COLUMN}, an object such as {@code
   *     orders.email}, a consumer's service name, or an invariant id; null when nothing narrower
   *     than the point applies
   * @param message one sentence saying what is wrong or what holds
   */
  public record Item(String kind, Verdict verdict, String where, String message) {}

  /** The evidence for {@code point}, if the check produced it. */
  public java.util.Optional<Evidence> evidence(Point point) {
    return evidence.stream().filter(e -> e.point() == point).findFirst();
  }
}
