package dev.migsafe.internal.sql;

/**
 * What the PostgreSQL reader read from one part of a statement, immutable, one record type per
 * statement family: each holds only the fields meaningful for its family. The rule base's fact,
 * {@link Operation}, is assembled from one of these and what the analyser knows from the schema.
 */
public sealed interface OperationRecord permits ColumnChange, ConstraintChange, IndexChange,
    TableChange, DataChange, ObjectChange, SessionStatement, GrantChange {

  /** Where it was read and its kind. */
  OperationHeader header();

  /** The table it changes, reads or locks (normalised, schema-qualified unless public), or null. */
  String table();
}
