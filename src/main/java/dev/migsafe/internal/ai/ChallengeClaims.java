package dev.migsafe.internal.ai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migsafe.api.FileResult;
import dev.migsafe.api.LintOptions;
import dev.migsafe.api.LockMode;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.Plan;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.TableLock;
import dev.migsafe.internal.ai.Claim.Fact;
import dev.migsafe.internal.check.NameCheck;
import dev.migsafe.internal.lint.Linter;
import dev.migsafe.internal.rules.RuleBase;
import dev.migsafe.internal.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The safety pass's challenges, held against migsafe's facts: a named change must exist; a
 * lock or rewrite claimed for a statement is compared with the lock facts {@code lint} computes
 * for it on the packet's current schema (or, without a statement, with the change's direct
 * statement in the plan); a named consumer must be one of the packet's. The prose of a
 * challenge is the model's judgement and is shown, not graded.
 */
final class ChallengeClaims {
  private final MigrationPacket packet;
  private final Plan plan;
  private final Schema current;

  ChallengeClaims(MigrationPacket packet, Plan plan, Schema current) {
    this.packet = packet;
    this.plan = plan;
    this.current = current;
  }

  void safety(JsonNode answer, List<Claim> claims) {
    claims.add(rollback(answer.path("rollbackRealistic").asBoolean()));
    JsonNode challenges = answer.path("challenges");
    for (int i = 0; i < challenges.size(); i++) {
      JsonNode ch = challenges.get(i);
      List<Fact> facts = new ArrayList<>();
      String changeId = AnswerVerifier.blankToNull(ch.path("changeId"));
      String sql = AnswerVerifier.blankToNull(ch.path("sql"));
      LockMode lock = ch.path("lock").isNull() ? null : LockMode.parse(ch.path("lock").asText());
      Boolean rewrites = ch.path("rewritesTable").isNull() ? null
          : ch.path("rewritesTable").asBoolean();
      Optional<Plan.Rationale> direct = Optional.empty();
      if (changeId != null) {
        direct = plan.rationale().stream().filter(r -> r.changeId().equals(changeId))
            .findFirst();
        boolean known = plan.changes().stream().anyMatch(c -> changeId.equals(c.id()));
        facts.add(known ? new Fact(ClaimStatus.VERIFIED, "the packet has change " + changeId)
            : new Fact(ClaimStatus.REFUTED, "the packet has no change " + changeId));
      }
      if (sql != null) {
        statement(facts, sql, lock, rewrites);
      } else if (direct.isPresent() && (lock != null || rewrites != null)) {
        judge(facts, "the direct statement of " + changeId, direct.get().lock(),
            direct.get().rewritesTable(), lock, rewrites);
      }
      String service = AnswerVerifier.blankToNull(ch.path("service"));
      if (service != null) {
        facts.add(consumer(service));
      }
      if (facts.isEmpty()) {
        facts.add(new Fact(ClaimStatus.UNVERIFIED, "names no change, statement, lock or "
            + "consumer migsafe can check: the model's judgement"));
      }
      claims.add(new Claim("challenges[" + i + "]", ch.path("severity").asText() + " "
          + ch.path("kind").asText() + ": " + ch.path("claim").asText() + " Evidence: "
          + ch.path("evidence").asText(), sql, null, facts));
    }
  }

  /** The model's word on rollback realism beside the playbook's points of no return. */
  private Claim rollback(boolean realistic) {
    List<String> oneWay = plan.phases().stream().flatMap(p -> p.steps().stream())
        .filter(Plan.Step::pointOfNoReturn).map(s -> s.id() + " " + s.title()).toList();
    String facts = oneWay.isEmpty() ? "migsafe's playbook has no point of no return"
        : "migsafe's playbook cannot be rolled back past " + String.join("; ", oneWay);
    return new Claim("rollbackRealistic", "rollback is " + (realistic ? "" : "not ")
        + "realistic", null, null, List.of(new Fact(ClaimStatus.UNVERIFIED,
            "the model's judgement; " + facts)));
  }

  private void statement(List<Fact> facts, String sql, LockMode lock, Boolean rewrites) {
    List<dev.migsafe.api.MigrationCheck.Item> unknown =
        NameCheck.unknownNames("statement", sql, current);
    if (unknown.isEmpty()) {
      facts.add(new Fact(ClaimStatus.VERIFIED, "every table and column its statement names "
          + "exists"));
    }
    unknown.forEach(u -> facts.add(new Fact(ClaimStatus.REFUTED, u.kind() + " at "
        + u.where() + ": " + u.message())));
    int version = Integer.parseInt(packet.engineVersion());
    FileResult lint = new Linter(RuleBase.shared(), LintOptions.defaults()
        .withEngineVersion(version)).lintText("challenge", sql, current.copy());
    LockMode strongest = null;
    boolean rewritesAny = false;
    for (StatementResult s : lint.statements()) {
      for (TableLock l : s.locks()) {
        strongest = strongest == null ? l.mode() : LockMode.strongest(strongest, l.mode());
      }
      rewritesAny |= s.rewritesTable();
    }
    judge(facts, "the statement, on PostgreSQL " + version + ",", strongest, rewritesAny,
        lock, rewrites);
  }

  private static void judge(List<Fact> facts, String what, LockMode actual,
      boolean actualRewrites, LockMode claimed, Boolean claimedRewrites) {
    if (claimed != null) {
      String takes = actual == null ? "takes no table lock" : "takes " + actual.sqlName();
      facts.add(claimed == actual
          ? new Fact(ClaimStatus.VERIFIED, what + " " + takes + ", as claimed")
          : new Fact(ClaimStatus.REFUTED, what + " " + takes + ", not "
              + claimed.sqlName()));
    }
    if (claimedRewrites != null) {
      String does = actualRewrites ? "rewrites the table" : "does not rewrite the table";
      facts.add(claimedRewrites == actualRewrites
          ? new Fact(ClaimStatus.VERIFIED, what + " " + does + ", as claimed")
          : new Fact(ClaimStatus.REFUTED, what + " " + does + ", contrary to the claim"));
    }
  }

  private Fact consumer(String service) {
    Optional<MigrationPacket.Consumer> c = packet.consumers().stream()
        .filter(x -> x.service().equals(service)).findFirst();
    if (c.isEmpty()) {
      return new Fact(ClaimStatus.REFUTED, "the packet has no consumer " + service);
    }
    List<String> affected = plan.consumers().stream().filter(x -> x.service().equals(service))
        .flatMap(x -> x.affectedBy().stream()).toList();
    return new Fact(ClaimStatus.VERIFIED, service + " is a consumer of the packet, "
        + (affected.isEmpty() ? "affected by no change" : "affected by "
            + String.join(", ", affected)) + ", "
        + (c.get().acknowledged() ? "acknowledged" : "has not acknowledged"));
  }
}
