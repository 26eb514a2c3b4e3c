package dev.migsafe.internal.sql;

import java.util.List;

/**
 * What the PostgreSQL statement reader made of one statement.
 *
 * @param kind the statement's kind (the first operation's kind, or e.g. {@code begin})
 * @param operations the typed operations, in order
 * @param recognized whether every clause of the statement was understood
 * @param syntaxError where PostgreSQL's grammar rejects the statement, or null when the reader
 *     found no such place (which does not prove the statement valid: the reader checks the
 *     whole grammar of the clauses it reads fully, and only the start of the others)
 */
public record StatementRead(
    String kind, List<Operation> operations, boolean recognized, SyntaxError syntaxError) {}
