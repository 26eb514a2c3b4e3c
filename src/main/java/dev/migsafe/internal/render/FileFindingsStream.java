package dev.migsafe.internal.render;

import dev.migsafe.api.Finding;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.SuppressedFinding;
import java.util.List;

/**
 * A streamed format that shows findings only: statements are counted for the summary and
 * dropped, and each file is handed over once it has been judged.
 */
abstract class FileFindingsStream implements LintStream {
  private final LintTally tally = new LintTally();
  private String path;
  private boolean rollback;
  private boolean inTransaction;

  /** A file has been judged. */
  abstract void file(String path, boolean rollback, boolean inTransaction,
      List<Finding> findings, List<SuppressedFinding> suppressed);

  @Override
  public final void fileStarted(String path, boolean rollback, boolean inTransaction) {
    tally.file();
    this.path = path;
    this.rollback = rollback;
    this.inTransaction = inTransaction;
  }

  @Override
  public final void statement(StatementResult statement) {
    tally.statement(statement);
  }

  @Override
  public final void fileFinished(List<Finding> findings, List<SuppressedFinding> suppressed) {
    tally.findings(findings);
    file(path, rollback, inTransaction, findings, suppressed);
  }

  @Override
  public final LintTally tally() {
    return tally;
  }
}
