package dev.migsafe.api;

import java.util.List;

/**
 * What one statement does to the database.
 *
 * @param index 0-based position in its file
 * @param line 1-based line of its first character
 * @param column 1-based column of its first character
 * @param sql the statement's text without the terminating semicolon
 * @param parsed whether the statement was understood (by JSqlParser, or fully by migsafe's
 *     PostgreSQL statement reader where JSqlParser lacks the syntax)
 * @param parser {@code jsqlparser}, {@code postgresql-reader} or {@code keywords}: which reader
 *     understood it
 * @param kind the change kind of its first operation, e.g. {@code add-column}
 * @param locks the strongest lock per existing table it touches
 * @param rewritesTable whether a table's storage is rewritten
 * @param scansTable whether a whole table is read while the lock is held
 * @param failsOnNonEmptyTable whether it errors out when the table has rows
 */
public record StatementResult(
    int index,
    int line,
    int column,
    String sql,
    boolean parsed,
    String parser,
    String kind,
    List<TableLock> locks,
    boolean rewritesTable,
    boolean scansTable,
    boolean failsOnNonEmptyTable) {}
