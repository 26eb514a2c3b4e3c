package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.plan.TreeDefinition;
import dev.migsafe.internal.plan.TreeLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decision trees are loaded strictly and walked from the answers given. */
class DecisionTreeTest {
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

  private static TreeDefinition sample() {
    List<String> problems = new ArrayList<>();
    TreeDefinition t = TreeLibrary.parse("sample.yaml", TREE, problems);
    assertThat(problems).isEmpty();
    return t;
  }

  @Test
  void answersWalkTheTreeToItsOutcome() {
    TreeDefinition t = sample();
    assertThat(t.decide(Map.of("pointOfNoReturnPassed", true, "invariantsHold", false))
        .outcome()).isEqualTo("forward-fix");
    assertThat(t.decide(Map.of("pointOfNoReturnPassed", true, "invariantsHold", true))
        .outcome()).isEqualTo("proceed");
    assertThat(t.decide(Map.of("pointOfNoReturnPassed", false, "lockWaitAboveLimit", false))
        .outcome()).isEqualTo("rollback");
    assertThat(t.decide(Map.of("pointOfNoReturnPassed", false, "lockWaitAboveLimit", true))
        .outcome()).isEqualTo("halt");
  }

  @Test
  void anUnansweredQuestionStopsTheWalk() {
    TreeDefinition.TreeNode stop = sample().decide(Map.of("pointOfNoReturnPassed", false));
    assertThat(stop.isOutcome()).isFalse();
    assertThat(stop.fact()).isEqualTo("lockWaitAboveLimit");
    assertThat(sample().decide(Map.of()).fact()).isEqualTo("pointOfNoReturnPassed");
  }

  @Test
  void treesGuardTheKindsTheyApplyTo() {
    TreeLibrary library = TreeLibrary.of(Map.of("sample", sample()));
    assertThat(library.guarding("rename-column")).containsExactly("sample");
    assertThat(library.guarding("drop-column")).containsExactly("sample");
    assertThat(library.guarding("add-index")).isEmpty();
    assertThat(TreeLibrary.shared().guarding("change-type")).containsExactly(
        "column-type-swap", "in-place-type-change", "primary-key-type-swap");
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

  @Test
  void appliesToNamesChangeKinds() {
    List<String> problems = new ArrayList<>();
    TreeLibrary.parse("typo.yaml", TREE.replace("id: sample", "id: typo")
        .replace("[rename-column, drop-column]", "[rename-column, drop-colum]"), problems);
    assertThat(problems).singleElement().asString()
        .startsWith("typo.yaml:3:28: appliesTo[1]: 'drop-colum' is not a change kind (add-check,");
  }
}
