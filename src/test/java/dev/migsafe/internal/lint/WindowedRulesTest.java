package dev.migsafe.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migsafe.api.FileResult;
import dev.migsafe.api.Finding;
import dev.migsafe.internal.rules.RuleBase;
import dev.migsafe.internal.rules.Windowing;
import dev.migsafe.rules.RuleCase;
import dev.migsafe.rules.RuleCaseFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lint fires the rules over windows of statements, transactions and a file session that keeps
 * only what its rules can match (FileRuleRun); these tests lint the rule fixtures both that way
 * and with every rule in one session over every fact, as lint did before, and require the same
 * findings, suppressed findings and order.
 */
class WindowedRulesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir
  Path dir;

  /** Every fixture case in windows of one statement, so that every case crosses windows. */
  @TestFactory
  Stream<DynamicTest> everyFixtureCaseInWindowsOfOneStatement() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (RuleCaseFile file : fixtures()) {
      for (RuleCase c : file.cases()) {
        tests.add(DynamicTest.dynamicTest(file.rule() + " › " + c.name(), () -> {
          Path tmp = Files.createTempDirectory(dir, "case");
          assertSame(c, tmp, new Windowing(1));
        }));
      }
    }
    assertThat(tests).as("fixture cases").hasSizeGreaterThan(100);
    return tests.stream();
  }

  /**
   * The SQL of every fixture case in one file, so that facts of one rule's cases meet another's
   * across many windows: plain, and wrapped in one transaction, with windows of 1, 7 and lint's
   * own size. Every rule of the rule base must have a finding in it, or the comparison proves
   * nothing for that rule.
   */
  @Test
  void allFixturesInOneFileInWindows() throws IOException {
    StringBuilder sql = new StringBuilder();
    for (RuleCaseFile file : fixtures()) {
      for (RuleCase c : file.cases()) {
        String text = c.sql().strip();
        sql.append(text).append(text.endsWith(";") ? "\n" : ";\n");
      }
    }
    Set<String> fired = new TreeSet<>();
    for (String tx : List.of("never", "always")) {
      RuleCase all = new RuleCase("all", sql.toString(), null, null, tx, null, List.of());
      for (Windowing w : List.of(new Windowing(1), new Windowing(7), Windowing.DEFAULT)) {
        Path tmp = Files.createTempDirectory(dir, "all");
        lint(all, tmp, w).findings().forEach(f -> fired.add(f.rule()));
        assertSame(all, tmp, w);
      }
    }
    // Rules whose fixtures need a schema, an old version or a Flyway file name do not fire in
    // a plain file of the newest version; the per-case test above covers them.
    assertThat(fired).as("rules with a finding in the file").hasSizeGreaterThan(40);
    assertThat(fired).contains("pg-create-table-without-primary-key",
        "pg-multiple-strong-locks-in-transaction", "pg-non-idempotent-ddl",
        "pg-prefer-bigint-primary-key", "pg-missing-statement-timeout");
  }

  /**
   * The rules that look back at an earlier statement, or list every statement of a scope, when
   * that statement is windows away: one lock-timeout finding listing all 60 statements, a
   * DROP COLUMN spared only for the column the file added, a primary key on an integer column
   * added 30 statements earlier reported at its ADD COLUMN clause.
   */
  @Test
  void earlierStatementsWindowsAway() throws IOException {
    StringBuilder sql = new StringBuilder();
    for (int i = 1; i <= 57; i++) {
      sql.append("ALTER TABLE t_").append(i % 5).append(" ADD COLUMN c_").append(i)
          .append(" int;\n");
    }
    sql.append("ALTER TABLE t_1 DROP COLUMN c_1;\n")
        .append("ALTER TABLE t_2 DROP COLUMN other;\n")
        .append("ALTER TABLE t_3 ADD PRIMARY KEY (c_28);\n");
    RuleCase c = new RuleCase("windows away", sql.toString(), null, null, null, null, List.of());
    Windowing seven = new Windowing(7);
    FileResult r = lint(c, Files.createTempDirectory(dir, "away"), seven);
    assertSame(c, Files.createTempDirectory(dir, "away"), seven);
    List<Finding> timeouts = r.findings().stream()
        .filter(f -> f.rule().equals("pg-missing-lock-timeout")).toList();
    assertThat(timeouts).hasSize(1);
    assertThat(timeouts.get(0).line()).isEqualTo(1);
    assertThat(timeouts.get(0).message()).startsWith("60 statements wait for locks")
        .contains("line 1 (ACCESS EXCLUSIVE on t_1)", "line 60 (ACCESS EXCLUSIVE on t_3)");
    assertThat(r.findings().stream().filter(f -> f.rule().equals("pg-drop-column"))
        .map(Finding::line)).containsExactly(59);
    assertThat(r.findings().stream().filter(f -> f.rule().equals("pg-prefer-bigint-primary-key"))
        .map(f -> f.line() + ":" + f.column())).containsExactly("28:17");
  }

  private void assertSame(RuleCase c, Path tmp, Windowing windowing) throws IOException {
    FileResult windows = lint(c, tmp, windowing);
    FileResult one = lint(c, tmp, Windowing.oneSession());
    assertThat(firstDifference(windows.findings(), one.findings()))
        .as("findings in %s, then in one session, from the first that differs", windowing)
        .isEmpty();
    assertThat(firstDifference(windows.suppressed(), one.suppressed()))
        .as("suppressed findings in %s, then in one session", windowing).isEmpty();
    assertThat(windows.findings()).hasSameSizeAs(one.findings());
    assertThat(windows.statements()).containsExactlyElementsOf(one.statements());
  }

  /** The two lists from the first element where they differ (a few of each), or none. */
  private static List<Object> firstDifference(List<?> a, List<?> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      if (i >= a.size() || i >= b.size() || !a.get(i).equals(b.get(i))) {
        return List.of(a.subList(i, Math.min(a.size(), i + 3)),
            b.subList(Math.min(i, b.size()), Math.min(b.size(), i + 3)));
      }
    }
    return List.of();
  }

  /** Lints a case as RuleFixtures does, through a Linter with the given windows. */
  private static FileResult lint(RuleCase c, Path tmp, Windowing windowing) throws IOException {
    RuleCase.Written written = c.write(tmp);
    List<FileResult> files = new Linter(RuleBase.shared(), written.options(), windowing)
        .lint(List.of(written.file())).files();
    assertThat(files).hasSize(1);
    return files.get(0);
  }

  /** Every rule fixture file, in path order. */
  static List<RuleCaseFile> fixtures() throws IOException {
    List<RuleCaseFile> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Path.of("rules"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".cases.yaml")).sorted().toList()) {
        out.add(YAML.readValue(p.toFile(), RuleCaseFile.class));
      }
    }
    return out;
  }
}
