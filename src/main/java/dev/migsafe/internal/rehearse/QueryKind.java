package dev.migsafe.internal.rehearse;

/** What a workload query does to its table. */
public enum QueryKind {
  /** A read by key: ACCESS SHARE on the table. */
  READ,
  /** An update by key that changes nothing: ROW EXCLUSIVE on the table and a row lock. */
  WRITE,
  /**
   * A new row as the old application writes it, naming only the columns of the current schema
   * ({@link InsertRow}): ROW EXCLUSIVE, and every trigger and constraint the playbook added.
   */
  INSERT
}
