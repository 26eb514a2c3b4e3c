package dev.migsafe.internal.lint;

import dev.migsafe.api.FileResult;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintListener;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.SuppressedFinding;
import java.util.ArrayList;
import java.util.List;

/** Gathers a streamed lint run back into the {@link LintResult} the non-streaming API returns. */
final class LintResultCollector implements LintListener {
  private final List<FileResult> files = new ArrayList<>();
  private String path;
  private boolean rollback;
  private boolean inTransaction;
  private List<StatementResult> statements = new ArrayList<>();

  @Override
  public void fileStarted(String path, boolean rollback, boolean inTransaction) {
    this.path = path;
    this.rollback = rollback;
    this.inTransaction = inTransaction;
    this.statements = new ArrayList<>();
  }

  @Override
  public void statement(StatementResult statement) {
    statements.add(statement);
  }

  @Override
  public void fileFinished(List<Finding> findings, List<SuppressedFinding> suppressed) {
    files.add(new FileResult(path, rollback, inTransaction, List.copyOf(statements),
        List.copyOf(findings), List.copyOf(suppressed)));
  }

  List<FileResult> files() {
    return files;
  }

  LintResult result(int engineVersion) {
    return new LintResult("postgresql", engineVersion, List.copyOf(files));
  }
}
