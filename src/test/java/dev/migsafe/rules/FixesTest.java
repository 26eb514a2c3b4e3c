package dev.migsafe.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.FileResult;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.StatementResult;
import dev.migsafe.internal.rules.RuleBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fixes findings offer are exact: every rule case is linted, each fix it offers is put in
 * place of its statement, and the case is linted again. The rewritten migration must still be
 * SQL PostgreSQL accepts (no syntax error, nothing unparsed) and the rule must fire fewer
 * times than before.
 */
class FixesTest {
  private static final Set<String> UNREADABLE = Set.of("syntax-error", "unparsed-statement");

  @TestFactory
  List<DynamicTest> everyFixClearsItsFinding() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : RuleFixtures.files(".cases.yaml")) {
      String rule = file.getFileName().toString().replace(".cases.yaml", "");
      for (RuleCase c : RuleFixtures.read(file).cases()) {
        LintResult before = RuleFixtures.run(c);
        for (FileResult f : before.files()) {
          for (Finding x : f.findings()) {
            if (x.fix() != null && x.rule().equals(rule)) {
              tests.add(DynamicTest.dynamicTest(rule + " › " + c.name() + " › line " + x.line(),
                  () -> fixClears(rule, c, f, x)));
            }
          }
        }
      }
    }
    return tests;
  }

  /** The rules that offer a fix have a case that shows it, and name a known rewrite. */
  @Test
  void everyFixNamedByARuleIsExercisedByItsCases() {
    List<String> withFix = new ArrayList<>();
    RuleBase.shared().kieBase().getKiePackages().forEach(p -> p.getRules().forEach(r -> {
      if (r.getMetaData().containsKey("fix")) {
        withFix.add(r.getName());
      }
    }));
    assertThat(withFix).hasSizeGreaterThanOrEqualTo(10);
    List<String> unexercised = new ArrayList<>();
    for (String rule : withFix) {
      boolean offered = RuleFixtures.read(RuleFixtures.RULES.resolve("postgresql")
              .resolve(rule + ".cases.yaml")).cases().stream()
          .flatMap(c -> RuleFixtures.run(rule, c).stream()).anyMatch(x -> x.fix() != null);
      if (!offered) {
        unexercised.add(rule);
      }
    }
    assertThat(unexercised).as("rules with @fix whose cases never produce a fix").isEmpty();
  }

  private static void fixClears(String rule, RuleCase c, FileResult f, Finding x) {
    StatementResult st = f.statements().stream()
        .filter(s -> s.index() == x.statementIndex()).findFirst().orElseThrow();
    String sql = c.sql();
    int at = offset(sql, st.line(), st.column());
    assertThat(sql.startsWith(st.sql(), at)).as("statement text at its position").isTrue();
    int end = at + st.sql().length();
    int semicolon = sql.indexOf(';', end);
    end = semicolon >= 0 && sql.substring(end, semicolon).isBlank() ? semicolon + 1 : end;
    String fixed = sql.substring(0, at) + x.fix().sql() + sql.substring(end);
    RuleCase rewritten = new RuleCase(c.name(), fixed, c.file(), c.engineVersion(),
        c.transaction(), c.schema(), c.expect());
    LintResult after = RuleFixtures.run(rewritten);
    List<Finding> all = after.files().stream().flatMap(r -> r.findings().stream()).toList();
    assertThat(all).as("findings after the fix:\n" + fixed)
        .noneMatch(y -> UNREADABLE.contains(y.rule()));
    long beforeCount = f.findings().stream().filter(y -> y.rule().equals(rule)).count();
    long afterCount = all.stream().filter(y -> y.rule().equals(rule)).count();
    assertThat(afterCount).as(rule + " after the fix:\n" + fixed).isLessThan(beforeCount);
  }

  private static int offset(String text, int line, int column) {
    int at = 0;
    for (int n = 1; n < line; n++) {
      at = text.indexOf('\n', at) + 1;
    }
    return at + column - 1;
  }
}
