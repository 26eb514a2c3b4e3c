package dev.migsafe.internal.ai;

import java.util.List;

/**
 * One part of a model's answer (a step, a phase, a query, a challenge) with migsafe's
 * verdict on it. {@code title}, {@code sql} and {@code rollbackSql} are the model's text,
 * untrusted: renderers escape them, and nothing runs them outside a check's scratch server.
 *
 * @param part where in the answer, as a JSON path: {@code phases[1].steps[0]}
 * @param title the model's one-line account of it (its {@code why}, {@code claim}, ...)
 * @param sql its SQL, or null
 * @param rollbackSql its rollback SQL, or null
 * @param facts each check made on it and its outcome
 */
public record Claim(String part, String title, String sql, String rollbackSql, List<Fact> facts) {
  public Claim {
    facts = List.copyOf(facts);
  }

  /**
   * One check on a claim.
   *
   * @param status what this check alone makes of the claim
   * @param text what was checked and found, in migsafe's words
   */
  public record Fact(ClaimStatus status, String text) {}

  /** Refuted if a fact refutes it; verified only when there were facts and all verify it. */
  public ClaimStatus status() {
    if (facts.isEmpty()) {
      return ClaimStatus.UNVERIFIED;
    }
    ClaimStatus s = ClaimStatus.VERIFIED;
    for (Fact f : facts) {
      s = s.worst(f.status());
    }
    return s;
  }
}
