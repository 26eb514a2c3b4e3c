package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Change;
import dev.migsafe.internal.plan.PlanChange;
import dev.migsafe.internal.plan.PlanKnowledgeBase;
import dev.migsafe.internal.plan.TreeDefinition;
import dev.migsafe.internal.plan.TreeLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decision trees compiled to DRL are decided by Drools from the answers given. */
class TreeCompilerTest {
  private static final String TREE = """
      id: sample
      title: A sample tree
      appliesTo: [rename-column, drop-column]
      root:
        question: Has the point of no return been passed?
        fact: pointOfNoReturnPassed
        yes:
          question: Do the invariants hold?
          fact: invariantsHold
          yes: {outcome: proceed, steps: [Keep watching.]}
          no: {outcome: forward-fix, timeBound: PT30M, steps: [Repair the data.]}
        no:
          question: Is the lock wait above the limit?
          fact: lockWaitAboveLimit
          yes: {outcome: halt, timeBound: PT1M, steps: [Cancel the statement.]}
          no: {outcome: rollback, timeBound: PT5M, steps: [$rollback]}
      """;

  private static PlanKnowledgeBase kb() {
    List<String> problems = new ArrayList<>();
    TreeDefinition t = TreeLibrary.parse("sample.yaml", TREE, problems);
    assertThat(problems).isEmpty();
    return PlanKnowledgeBase.build(TreeLibrary.of(Map.of("sample", t)));
  }

  @Test
  void answersWalkTheTreeToItsOutcome() {
    PlanKnowledgeBase kb = kb();
    assertThat(kb.decide("sample", Map.of("pointOfNoReturnPassed", true,
        "invariantsHold", false)).outcome()).isEqualTo("forward-fix");
    assertThat(kb.decide("sample", Map.of("pointOfNoReturnPassed", true,
        "invariantsHold", true)).outcome()).isEqualTo("proceed");
    assertThat(kb.decide("sample", Map.of("pointOfNoReturnPassed", false,
        "lockWaitAboveLimit", false)).outcome()).isEqualTo("rollback");
  }

  @Test
  void anUnansweredQuestionStopsTheWalk() {
    TreeDefinition.TreeNode stop = kb().decide("sample", Map.of("pointOfNoReturnPassed", false));
    assertThat(stop.isOutcome()).isFalse();
    assertThat(stop.fact()).isEqualTo("lockWaitAboveLimit");
  }

  @Test
  void treesAttachToTheKindsTheyGuard() {
    PlanKnowledgeBase kb = kb();
    PlanChange rename = new PlanChange(Change.of("rename-column", "orders").withId("c1"), 17,
        0, 0, 0, false, false, false);
    PlanChange index = new PlanChange(Change.of("add-index", "orders").withId("c2"), 17,
        0, 0, 0, false, false, false);
    kb.select(List.of(rename, index));
    assertThat(rename.getTrees()).containsExactly("sample");
    assertThat(index.getTrees()).isEmpty();
  }

  @Test
  void aRollbackAfterThePointOfNoReturnIsRefused() {
    List<String> problems = new ArrayList<>();
    TreeLibrary.parse("bad.yaml", """
        id: bad
        title: Bad
        appliesTo: [drop-column]
        root:
          question: Passed?
          fact: pointOfNoReturnPassed
          yes: {outcome: rollback, steps: [undo]}
          no: {outcome: proceed, steps: [go]}
        """, problems);
    assertThat(problems).singleElement().asString()
        .contains("bad.yaml:7:18: root.yes.outcome: a rollback cannot follow the point of no return");
  }

  @Test
  void unknownFactsAndOutcomesAreReported() {
    List<String> problems = new ArrayList<>();
    TreeLibrary.parse("odd.yaml", """
        id: odd
        title: Odd
        appliesTo: [drop-column]
        root:
          question: Is it raining?
          fact: raining
          yes: {outcome: panic, steps: [run]}
          no: {outcome: proceed, steps: [go], timeBound: 5 minutes}
        """, problems);
    assertThat(String.join("\n", problems)).contains("root.fact: 'raining' is not one of")
        .contains("root.yes.outcome: 'panic' is not one of")
        .contains("root.no.timeBound: '5 minutes' is not an ISO-8601 duration");
  }
}
