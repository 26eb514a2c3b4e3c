package dev.migsafe.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Finding;
import dev.migsafe.api.LintOptions;
import dev.migsafe.internal.lint.Linter;
import dev.migsafe.internal.rules.RuleBase;
import dev.migsafe.internal.rules.RuleModelGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule base the CLI uses is the executable model generated at build time, and it behaves
 * exactly like the DRL compiled at run time: same rules, same metadata, same findings on every
 * rule case.
 */
class RuleBaseTest {

  @Test
  void sharedRuleBaseIsTheModelGeneratedByTheBuild() {
    assertThat(RuleBase.shared().origin())
        .as("no up-to-date executable model in target/classes; run mvn process-classes")
        .isEqualTo(RuleBase.Origin.EXECUTABLE_MODEL);
  }

  @Test
  void modelAndCompiledDrlAgreeOnEveryRuleCase() {
    RuleBase model = RuleBase.fromBuildModel();
    RuleBase drl = RuleBase.load(RuleBase.drlResources());
    assertThat(model).isNotNull();
    assertThat(drl.origin()).isEqualTo(RuleBase.Origin.DRL);
    assertThat(model.rules()).isEqualTo(drl.rules());

    List<String> differences = new ArrayList<>();
    for (Path file : RuleFixtures.files(".cases.yaml")) {
      RuleCaseFile cases = RuleFixtures.read(file);
      for (RuleCase c : cases.cases()) {
        LintOptions options = c.options();
        List<Finding> fromModel = new Linter(model, options).lintText("case.sql", c.sql())
            .files().get(0).findings();
        List<Finding> fromDrl = new Linter(drl, options).lintText("case.sql", c.sql())
            .files().get(0).findings();
        if (!fromModel.equals(fromDrl)) {
          differences.add(cases.rule() + " › " + c.name() + ": model " + fromModel + ", DRL "
              + fromDrl);
        }
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void generatorPicksUpEveryDrlFileAndReportsErrors(@TempDir Path classes) throws IOException {
    Path rules = classes.resolve("migsafe/rules/postgresql");
    Files.createDirectories(rules);
    Files.writeString(rules.resolve("pg-example.drl"), """
        package dev.migsafe.rules.example;
        import dev.migsafe.internal.sql.Operation;
        global dev.migsafe.internal.rules.FindingSink findings;
        rule "pg-example"
          @severity("low")
        when
          $op : Operation(kind == "add-column")
        then
          findings.report(kcontext, $op, "m", "w", "s");
        end
        """);
    assertThat(RuleModelGenerator.generate(classes)).isEmpty();
    String index = Files.readString(classes.resolve("migsafe/rule-model.properties"));
    assertThat(index).contains("models=dev.migsafe.rules.example.Rules");

    Files.writeString(rules.resolve("pg-broken.drl"), """
        package dev.migsafe.rules.example;
        rule "pg-broken"
        when
          NoSuchFact()
        then
        end
        """);
    assertThat(RuleModelGenerator.generate(classes))
        .anySatisfy(e -> assertThat(e).contains("pg-broken.drl"));
    assertThat(classes.resolve("migsafe/rule-model.properties")).doesNotExist();
  }
}
