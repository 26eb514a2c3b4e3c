package dev.migsafe.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.Migsafe;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintListener;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.SuppressedFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming entry point hands over the same results as {@link Migsafe#lint(List)}, in the
 * order a writer needs them: a file's statements one by one before the file's findings.
 */
class LintListenerTest {
  @TempDir Path dir;

  /** Every call as text, so that two runs compare as two lists. */
  private static final class Recorder implements LintListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void fileStarted(String path, boolean rollback, boolean inTransaction) {
      events.add("file " + path + " rollback=" + rollback + " tx=" + inTransaction);
    }

    @Override
    public void statement(StatementResult statement) {
      events.add("statement " + statement);
    }

    @Override
    public void fileFinished(List<Finding> findings, List<SuppressedFinding> suppressed) {
      events.add("findings " + findings + " suppressed " + suppressed);
    }
  }

  @Test
  void streamedEventsAreTheWholeResultInFileOrder() throws IOException {
    Files.writeString(dir.resolve("V1__a.sql"), """
        CREATE TABLE a (id int PRIMARY KEY);
        ALTER TABLE a ADD COLUMN t uuid DEFAULT gen_random_uuid();
        """);
    Files.writeString(dir.resolve("V2__b.sql"), """
        ALTER TABLE a ADD COLUMN n int NOT NULL;
        """);
    Migsafe migsafe = Migsafe.builder().build();
    Recorder streamed = new Recorder();
    migsafe.lint(List.of(dir), streamed);
    LintResult whole = migsafe.lint(List.of(dir));
    Recorder replayed = new Recorder();
    whole.replay(replayed);

    assertThat(streamed.events).isEqualTo(replayed.events);
    assertThat(streamed.events).hasSize(2 + 3 + 2);
    assertThat(streamed.events.get(0)).startsWith("file ").contains("V1__a.sql");
    assertThat(streamed.events.get(1)).startsWith("statement ");
    assertThat(streamed.events.get(3)).startsWith("findings ")
        .contains("pg-prefer-bigint-primary-key");
    assertThat(streamed.events.get(4)).startsWith("file ").contains("V2__b.sql");
  }

  @Test
  void scriptTextStreamsLikeTheWholeResult() {
    String sql = "ALTER TABLE a ADD COLUMN n int NOT NULL;\nSELECT 1;\n";
    Migsafe migsafe = Migsafe.builder().build();
    Recorder streamed = new Recorder();
    migsafe.lint("-", sql, streamed);
    Recorder replayed = new Recorder();
    migsafe.lint("-", sql).replay(replayed);
    assertThat(streamed.events).isEqualTo(replayed.events).hasSize(4);
  }
}
