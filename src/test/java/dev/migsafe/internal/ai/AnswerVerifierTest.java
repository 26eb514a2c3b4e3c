package dev.migsafe.internal.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migsafe.Migsafe;
import dev.migsafe.api.AiPass;
import dev.migsafe.api.CheckRequest;
import dev.migsafe.api.MigrationCheck;
import dev.migsafe.api.MigrationCheck.Evidence;
import dev.migsafe.api.MigrationCheck.Item;
import dev.migsafe.api.MigrationCheck.Point;
import dev.migsafe.api.MigrationCheck.Verdict;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import dev.migsafe.testing.FakeModelServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verification of answers without a server: names, compatibility, queries and lock claims are
 * checked by migsafe's own model; the check_migration evidence is a stand-in here (the real
 * check runs in AiCheckMigrationTest) to pin how its located items reach the parts.
 */
class AnswerVerifierTest {
  static final Path PACKET = Path.of("src/test/resources/ai/packet.yaml");
  private static Plan plan;

  @BeforeAll
  static void plan() {
    plan = Migsafe.builder().build().plan(PACKET, new PlanOptions(null, null, null));
  }

  private static AnswerReview verify(AiPass pass, String fixture,
      Function<CheckRequest, MigrationCheck> checker) throws Exception {
    JsonNode answer = AnswerValidator.parse(pass, "answer",
        new ModelReply(FakeModelServer.fixture(fixture), "m", false));
    return AnswerVerifier.forPacket(PACKET, plan, checker, null).verify(pass, answer);
  }

  private static MigrationCheck unavailable(CheckRequest r) {
    throw new UnsupportedOperationException("not here");
  }

  @Test
  void aColumnThatDoesNotExistRefutesTheStepThatNamesIt() throws Exception {
    AnswerReview r = verify(AiPass.EXECUTION, "execution-unknown-column.json",
        AnswerVerifierTest::unavailable);

    assertThat(r.claims()).extracting(Claim::part, Claim::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("phases[0].steps[0]", ClaimStatus.VERIFIED),
        org.assertj.core.groups.Tuple.tuple("phases[1].steps[0]", ClaimStatus.REFUTED),
        org.assertj.core.groups.Tuple.tuple("phases[2].steps[0]", ClaimStatus.UNVERIFIED));
    assertThat(r.claims().get(1).facts()).extracting(Claim.Fact::text)
        .anyMatch(t -> t.contains("unknown-column at up:") && t.contains("column amount_cents of table orders does not exist"));
    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.check()).isNull();
    assertThat(r.checkNote()).contains("not available");
  }

  @Test
  void theChecksLocatedEvidenceRefutesTheStepItPointsInto() throws Exception {
    List<CheckRequest> asked = new ArrayList<>();
    AnswerReview r = verify(AiPass.EXECUTION, "execution-direct-rewrite.json", req -> {
      asked.add(req);
      return new MigrationCheck("orders-amount-bigint", "17.5", Verdict.FAIL, List.of(
          new Evidence(Point.LINT_UP, Verdict.FAIL, "up rewrites a hot table", List.of(
              new Item("pg-alter-column-type-rewrite", Verdict.FAIL, "up:2:1",
                  "rewrites orders under ACCESS EXCLUSIVE"))),
          new Evidence(Point.CONSUMERS, Verdict.NEEDS_REVIEW, "one consumer has not "
              + "acknowledged", List.of(new Item("consumer-unacknowledged",
                  Verdict.NEEDS_REVIEW, "billing-export", "has not acknowledged")))));
    });

    assertThat(asked).hasSize(1);
    assertThat(asked.get(0).up()).isEqualTo("-- phases[0].steps[0]\n"
        + "ALTER TABLE orders ALTER COLUMN amount TYPE bigint;\n");
    assertThat(asked.get(0).down()).contains("ALTER COLUMN amount TYPE integer;");
    assertThat(asked.get(0).packet()).isEqualTo(PACKET);
    Claim step = r.claims().get(0);
    assertThat(step.status()).isEqualTo(ClaimStatus.REFUTED);
    assertThat(step.facts()).extracting(Claim.Fact::text)
        .anyMatch(t -> t.contains("rewrites orders under ACCESS EXCLUSIVE"));
    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void anUnacknowledgedConsumerKeepsTheVerdictAtNeedsReviewEvenWhenEverythingChecksOut()
      throws Exception {
    AnswerReview r = verify(AiPass.EXECUTION, "execution-bad-rollback.json",
        req -> new MigrationCheck("orders-amount-bigint", "17.5", Verdict.PASS, List.of()));

    assertThat(r.claims()).allMatch(c -> c.status() == ClaimStatus.VERIFIED);
    assertThat(r.notes()).singleElement().asString().contains("billing-export")
        .contains("has not acknowledged");
    assertThat(r.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
  }

  @Test
  void lockAndRewriteClaimsAreHeldAgainstTheLockFacts() throws Exception {
    AnswerReview r = verify(AiPass.SAFETY, "safety-lock-claims.json",
        AnswerVerifierTest::unavailable);

    assertThat(r.claims()).extracting(Claim::part).containsExactly("rollbackRealistic",
        "challenges[0]", "challenges[1]", "challenges[2]");
    assertThat(r.claims().get(0).status()).isEqualTo(ClaimStatus.UNVERIFIED);
    Claim wrongLock = r.claims().get(1);
    assertThat(wrongLock.status()).isEqualTo(ClaimStatus.REFUTED);
    assertThat(wrongLock.facts()).extracting(Claim.Fact::text)
        .anyMatch(t -> t.contains("takes ACCESS EXCLUSIVE, not SHARE UPDATE EXCLUSIVE"))
        .anyMatch(t -> t.contains("rewrites the table, contrary to the claim"));
    Claim right = r.claims().get(2);
    assertThat(right.status()).isEqualTo(ClaimStatus.VERIFIED);
    assertThat(right.facts()).extracting(Claim.Fact::text)
        .anyMatch(t -> t.contains("billing-export is a consumer of the packet, affected by "
            + "c1, has not acknowledged"));
    Claim invented = r.claims().get(3);
    assertThat(invented.status()).isEqualTo(ClaimStatus.REFUTED);
    assertThat(invented.facts()).extracting(Claim.Fact::text)
        .contains("the packet has no change c7", "the packet has no consumer invoicing");
    assertThat(r.check()).isNull();
    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void validationQueriesAreCheckedForFormNamesAndTheirInvariant() throws Exception {
    AnswerReview r = verify(AiPass.VALIDATION, "validation-queries.json",
        AnswerVerifierTest::unavailable);

    assertThat(r.claims()).extracting(Claim::status).containsExactly(ClaimStatus.VERIFIED,
        ClaimStatus.REFUTED, ClaimStatus.REFUTED);
    assertThat(r.claims().get(1).facts()).extracting(Claim.Fact::text)
        .anyMatch(t -> t.contains("column orders.total does not exist"));
    assertThat(r.claims().get(2).facts()).extracting(Claim.Fact::text)
        .anyMatch(t -> t.contains("must be a SELECT"))
        .anyMatch(t -> t.contains("no invariant 'amounts-unchanged'"))
        .anyMatch(t -> t.contains("no value or range"));
  }

  @Test
  void aPhaseClaimedCompatibleThatDropsWhatAConsumerReadsIsRefuted() throws Exception {
    AnswerReview r = verify(AiPass.DESIGN, "design-compatibility.json",
        AnswerVerifierTest::unavailable);

    assertThat(r.claims()).extracting(Claim::status)
        .containsExactly(ClaimStatus.VERIFIED, ClaimStatus.REFUTED);
    assertThat(r.claims().get(1).facts()).extracting(Claim.Fact::text)
        .anyMatch(t -> t.contains("the old application works here, but after this phase its "
            + "consumers use orders.status"));
  }

  @Test
  void aTruncatedOrSchemaBreakingAnswerIsAFailureThatSaysWhy() {
    assertThatThrownBy(() -> AnswerValidator.parse(AiPass.EXECUTION, "answer",
        new ModelReply("{\"summary\": \"x\", \"phases\": [{\"name\"", "m", false)))
        .isInstanceOf(MigsafeException.class)
        .hasMessageStartingWith("answer:1:")
        .hasMessageContaining("ends before its JSON does");
    assertThatThrownBy(() -> AnswerValidator.parse(AiPass.EXECUTION, "answer",
        new ModelReply("{\"summary\": \"x\"", "m", true)))
        .hasMessageContaining("was cut off");
    assertThatThrownBy(() -> AnswerValidator.parse(AiPass.EXECUTION, "answer",
        new ModelReply("{\"summary\": \"x\", \"steps\": []}", "m", false)))
        .isInstanceOf(MigsafeException.class)
        .hasMessageContaining("does not follow the execution-pass schema")
        .hasMessageContaining("phases");
    assertThatThrownBy(() -> AnswerValidator.parse(AiPass.EXECUTION, "answer",
        new ModelReply("Sure! Here is the plan: ...", "m", false)))
        .hasMessageContaining("is not JSON");
    assertThatThrownBy(() -> AnswerValidator.parse(AiPass.EXECUTION, "answer",
        new ModelReply("{\"summary\": \"x\", \"phases\": []} {}", "m", false)))
        .hasMessageContaining("goes on after its JSON object ends");
    assertThatThrownBy(() -> AnswerValidator.parse(AiPass.EXECUTION, "answer",
        new ModelReply(" ", "m", false)))
        .hasMessageContaining("empty answer");
  }
}
