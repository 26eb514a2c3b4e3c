package dev.migsafe.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of every {@code rules/**}{@code /<id>.cases.yaml} as its own test, named
 * {@code <id> › <case>}. A case lists every finding of its rule it must produce (line and
 * severity); a missing or an extra finding fails it. {@code -Dmigsafe.rule=ID} narrows the run
 * to one rule.
 */
class RuleCasesTest {

  @TestFactory
  Stream<DynamicTest> everyRuleCase() {
    String only = System.getProperty("migsafe.rule");
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : RuleFixtures.files(".cases.yaml")) {
      RuleCaseFile cases = RuleFixtures.read(file);
      if (only != null && !only.isBlank() && !only.equals(cases.rule())) {
        continue;
      }
      for (RuleCase c : cases.cases()) {
        tests.add(DynamicTest.dynamicTest(cases.rule() + " › " + c.name(),
            () -> check(cases.rule(), c)));
      }
    }
    assertThat(tests).as("rule cases found").isNotEmpty();
    return tests.stream();
  }

  private static void check(String rule, RuleCase c) {
    List<Finding> found = RuleFixtures.run(rule, c);
    List<RuleCase.Expected> expect = c.expect() == null ? List.of() : c.expect();
    boolean columns = !expect.isEmpty() && expect.stream().allMatch(e -> e.column() != null);
    List<String> actual = found.stream()
        .map(f -> f.line() + ":" + (columns ? f.column() + ":" : "") + f.severity().id())
        .sorted().toList();
    List<String> expected = expect.stream()
        .map(e -> e.line() + ":" + (columns ? e.column() + ":" : "") + e.severity())
        .sorted().toList();
    assertThat(actual)
        .as("findings of %s (line[:column]:severity); messages: %s", rule,
            found.stream().map(Finding::message).toList())
        .isEqualTo(expected);
  }
}
