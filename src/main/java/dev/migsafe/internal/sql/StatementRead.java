package dev.migsafe.internal.sql;

import java.util.List;

/**
 * What the PostgreSQL statement reader made of one statement.
 *
 * @param kind the statement's kind (the first operation's kind, or e.g. {@code begin})
 * @param operations the typed operations, in order
 * @param recognized whether every clause of the statement was understood
 */
public record StatementRead(String kind, List<Operation> operations, boolean recognized) {}
