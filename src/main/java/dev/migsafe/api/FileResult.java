package dev.migsafe.api;

import java.util.List;

/**
 * The analysis of one migration file.
 *
 * @param path the path as given on the command line (or {@code -} for standard input)
 * @param rollback whether the file is a down/undo migration, judged as a rollback
 * @param inTransaction whether the migration tool runs the whole file inside one transaction
 */
public record FileResult(
    String path,
    boolean rollback,
    boolean inTransaction,
    List<StatementResult> statements,
    List<Finding> findings) {}
