package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RulesCommandTest {

  @Test
  void listsEveryRuleWithSeverityAndSummary() {
    CliRunner.Run r = CliRunner.run("rules");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).containsPattern("pg-add-column-volatile-default\\s+high\\s+Adding a column");
  }

  @Test
  void explainPrintsHeaderAndDoc() {
    CliRunner.Run r = CliRunner.run("rules", "explain", "pg-add-column-volatile-default");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("# pg-add-column-volatile-default")
        .contains("severity: high").contains("## Safer alternative");
  }

  @Test
  void explainUnknownRuleIsBadInput() {
    CliRunner.Run r = CliRunner.run("rules", "explain", "no-such-rule");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("'no-such-rule' is not a rule id");
  }

  @Test
  void helpListsExitCodes() {
    CliRunner.Run r = CliRunner.run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Exit codes:").contains("bad input or usage");
  }
}
