package dev.migsafe.internal.sql;

import java.util.List;

/**
 * What the PostgreSQL statement reader made of one statement.
 *
 * @param kind the statement's kind (the first operation's kind, or e.g. {@code begin})
 * @param records what the reader read of each operation, in order
 * @param recognized whether every clause of the statement was understood
 * @param syntaxError where PostgreSQL's grammar rejects the statement, or null when the reader
 *     found no such place (which does not prove the statement valid: the reader checks the
 *     whole grammar of the clauses it reads fully, and only the start of the others)
 */
public record StatementRead(
    String kind, List<OperationRecord> records, boolean recognized, SyntaxError syntaxError) {

  /**
   * The rule base's facts for the records, in order: new ones on each call, because the
   * analyser completes them with what the schema says.
   */
  public List<Operation> operations() {
    List<Operation> out = new java.util.ArrayList<>(records.size());
    for (OperationRecord r : records) {
      out.add(new Operation(r));
    }
    return out;
  }
}
