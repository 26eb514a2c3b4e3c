package dev.migsafe.api;

import java.util.List;

/**
 * Receives a lint run as it happens, file by file and statement by statement, so that a caller
 * can write results out as they come instead of holding a whole {@link LintResult}: a file of
 * 500,000 statements has as many statement results, and most output formats need them only
 * once. For each file, in migration order: {@link #fileStarted}, then {@link #statement} for
 * every statement in order, then {@link #fileFinished} with the file's findings, which are known
 * only once the rule base has judged the whole file.
 *
 * <p>The calls come one at a time and in that order, but a lint of several files makes them
 * from a thread of its own, which judges one file while the next is read; everything the
 * listener was handed has been handed when the lint call returns.
 */
public interface LintListener {
  /**
   * A file begins.
   *
   * @param path the path as given (or {@code -} for standard input)
   * @param rollback whether the file is a down/undo migration
   * @param inTransaction whether the migration tool runs the whole file in one transaction
   */
  void fileStarted(String path, boolean rollback, boolean inTransaction);

  /** The next statement of the current file. */
  void statement(StatementResult statement);

  /**
   * The current file is judged.
   *
   * @param findings sorted by line, column, severity and rule, as in {@link FileResult}
   * @param suppressed findings an ignore comment with a reason accepted
   */
  void fileFinished(List<Finding> findings, List<SuppressedFinding> suppressed);
}
