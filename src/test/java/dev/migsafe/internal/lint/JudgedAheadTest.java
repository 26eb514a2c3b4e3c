package dev.migsafe.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migsafe.api.Finding;
import dev.migsafe.api.LintListener;
import dev.migsafe.api.LintOptions;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.SuppressedFinding;
import dev.migsafe.internal.rules.RuleBase;
import dev.migsafe.rules.RuleCase;
import dev.migsafe.rules.RuleCaseFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lint of several files analyses each file while the rule base judges the one before, on a
 * thread of its own (JudgingThread). These lint one folder both that way and file by file on
 * one thread, and require the same result; and check the order, the thread and the errors the
 * listener sees.
 */
class JudgedAheadTest {
  @TempDir
  Path dir;

  /**
   * Every rule fixture case as one migration of a Flyway folder, each followed by an undo
   * migration of the same SQL, so that later files see the schema earlier ones left.
   */
  @Test
  void judgingAheadChangesNothing() throws IOException {
    int n = 0;
    for (RuleCaseFile file : WindowedRulesTest.fixtures()) {
      for (RuleCase c : file.cases()) {
        n++;
        Files.writeString(dir.resolve("V" + n + "__case.sql"), c.sql());
        if (n % 3 == 0) {
          Files.writeString(dir.resolve("U" + n + "__case.sql"), c.sql());
        }
      }
    }
    Linter linter = new Linter(RuleBase.shared(), LintOptions.defaults());
    LintResultCollector ahead = new LintResultCollector();
    linter.lint(List.of(dir), ahead, Linter.HANDED_OVER_CHARS);
    LintResultCollector inline = new LintResultCollector();
    linter.lint(List.of(dir), inline, -1);
    LintResult a = ahead.result(LintOptions.defaults().engineVersion());
    LintResult b = inline.result(LintOptions.defaults().engineVersion());

    assertThat(a.files()).hasSize(n + n / 3);
    Set<String> fired = new TreeSet<>();
    a.files().forEach(f -> f.findings().forEach(x -> fired.add(x.rule())));
    assertThat(fired).as("rules with a finding").hasSizeGreaterThan(35);
    for (int i = 0; i < a.files().size(); i++) {
      assertThat(a.files().get(i)).as(a.files().get(i).path()).isEqualTo(b.files().get(i));
    }
    assertThat(a).isEqualTo(b);
  }

  @Test
  void theListenerHearsEachFileWholeAndInOrderFromOneThread() throws IOException {
    for (int i = 1; i <= 40; i++) {
      Files.writeString(dir.resolve("V" + i + "__m.sql"),
          "ALTER TABLE t" + i + " ADD COLUMN c int;\nSELECT 1;\n");
    }
    List<String> events = new ArrayList<>();
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    new Linter(RuleBase.shared(), LintOptions.defaults()).lint(List.of(dir), new LintListener() {
      @Override
      public void fileStarted(String path, boolean rollback, boolean inTransaction) {
        threads.add(Thread.currentThread());
        events.add("start " + Path.of(path).getFileName());
      }

      @Override
      public void statement(StatementResult statement) {
        threads.add(Thread.currentThread());
        events.add("statement " + statement.line());
      }

      @Override
      public void fileFinished(List<Finding> findings, List<SuppressedFinding> suppressed) {
        threads.add(Thread.currentThread());
        events.add("end");
      }
    });
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      expected.addAll(List.of("start V" + i + "__m.sql", "statement 1", "statement 2", "end"));
    }
    assertThat(events).containsExactlyElementsOf(expected);
    assertThat(threads).hasSize(1).doesNotContain(Thread.currentThread());
  }

  /** What the listener throws ends the lint with that exception, and nothing after is heard. */
  @Test
  void aFailureWhileJudgingIsThrownAsItWas() throws IOException {
    for (int i = 1; i <= 40; i++) {
      Files.writeString(dir.resolve("V" + i + "__m.sql"), "SELECT " + i + ";\n");
    }
    IllegalStateException boom = new IllegalStateException("boom");
    List<String> started = new ArrayList<>();
    assertThatThrownBy(() -> new Linter(RuleBase.shared(), LintOptions.defaults())
        .lint(List.of(dir), new Quiet() {
          @Override
          public void fileStarted(String path, boolean rollback, boolean inTransaction) {
            started.add(path);
            if (started.size() == 3) {
              throw boom;
            }
          }
        })).isSameAs(boom);
    assertThat(started).hasSize(3);
  }

  /** A file that cannot be read ends the lint after every file before it has been judged. */
  @Test
  void aBadFileComesAfterTheFilesBeforeIt() throws IOException {
    for (int i = 1; i <= 20; i++) {
      Files.writeString(dir.resolve("V" + i + "__m.sql"), "SELECT " + i + ";\n");
    }
    Files.write(dir.resolve("V21__binary.sql"), new byte[] {'S', 0, 1, 2});
    Files.writeString(dir.resolve("V22__m.sql"), "SELECT 22;\n");
    List<String> finished = new ArrayList<>();
    List<String> current = new ArrayList<>();
    assertThatThrownBy(() -> new Linter(RuleBase.shared(), LintOptions.defaults())
        .lint(List.of(dir), new Quiet() {
          @Override
          public void fileStarted(String path, boolean rollback, boolean inTransaction) {
            current.add(path);
          }

          @Override
          public void fileFinished(List<Finding> findings, List<SuppressedFinding> suppressed) {
            finished.add(current.remove(0));
          }
        })).isInstanceOf(MigsafeException.class).hasMessageContaining("binary file");
    assertThat(finished).hasSize(20);
    assertThat(finished.get(19)).endsWith("V20__m.sql");
  }

  private static class Quiet implements LintListener {
    @Override
    public void fileStarted(String path, boolean rollback, boolean inTransaction) {}

    @Override
    public void statement(StatementResult statement) {}

    @Override
    public void fileFinished(List<Finding> findings, List<SuppressedFinding> suppressed) {}
  }
}
