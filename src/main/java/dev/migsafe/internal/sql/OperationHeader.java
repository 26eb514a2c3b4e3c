package dev.migsafe.internal.sql;

/**
 * What every operation read from a statement carries, whatever its family: where it was read
 * and what it does.
 *
 * @param statementIndex 0-based index of the statement in its file
 * @param line the statement's first line, 1-based
 * @param column the statement's first column, 1-based
 * @param clause the clause the operation was read from, or null when it is the whole statement
 * @param kind the reader's name for what it does, kebab-case ({@code add-column}), as DRL
 *     compares it; kept as written because rarer forms ({@code alter-sequence}) have no
 *     {@link OperationKind} of their own
 * @param operationKind the kind as an enum, looked up once
 */
public record OperationHeader(int statementIndex, int line, int column, SourceSpan clause,
    String kind, OperationKind operationKind) {

  /** A header whose enum kind is looked up from {@code kind}. */
  public static OperationHeader of(String kind, int statementIndex, int line, int column,
      SourceSpan clause) {
    return new OperationHeader(statementIndex, line, column, clause, kind, OperationKind.of(kind));
  }
}
