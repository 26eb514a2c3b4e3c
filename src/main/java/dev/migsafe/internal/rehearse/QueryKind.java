package dev.migsafe.internal.rehearse;

/** What a workload query does to its table. */
public enum QueryKind {
  /** A read by key: ACCESS SHARE on the table. */
  READ,
  /** An update by key that changes nothing: ROW EXCLUSIVE on the table and a row lock. */
  WRITE
}
