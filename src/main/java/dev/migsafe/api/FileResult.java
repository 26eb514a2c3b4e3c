package dev.migsafe.api;

import java.util.List;

/**
 * The analysis of one migration file.
 *
 * @param path the path as given on the command line (or {@code -} for standard input)
 * @param rollback whether the file is a down/undo migration, judged as a rollback
 * @param inTransaction whether the migration tool runs the whole file inside one transaction
 * @param suppressed findings that an ignore comment with a reason accepted; they do not count
 *     toward the exit code
 */
public record FileResult(
    String path,
    boolean rollback,
    boolean inTransaction,
    List<StatementResult> statements,
    List<Finding> findings,
    List<SuppressedFinding> suppressed) {

  /** A file result without suppressed findings, as before they were kept. */
  public FileResult(String path, boolean rollback, boolean inTransaction,
      List<StatementResult> statements, List<Finding> findings) {
    this(path, rollback, inTransaction, statements, findings, List.of());
  }
}
