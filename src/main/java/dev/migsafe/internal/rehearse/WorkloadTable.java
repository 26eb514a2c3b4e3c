package dev.migsafe.internal.rehearse;

import java.util.List;

/**
 * A table the workload reads and writes.
 *
 * @param name the table, as the schema names it (quoted when put into SQL)
 * @param keyColumns a unique key (the primary key), or empty: then reads and writes take the
 *     same table locks without touching rows
 * @param rows rows in the rehearsal table (for the report: the keys queried are sampled from
 *     the table itself)
 * @param readsPerSecond the packet's {@code readsPerSecond}, 0 when absent
 * @param writesPerSecond the packet's {@code writesPerSecond}, 0 when absent; inserts run at
 *     this rate too
 * @param insert how a new row is inserted, or null when none can be built: no inserts then
 */
public record WorkloadTable(String name, List<String> keyColumns, long rows,
    double readsPerSecond, double writesPerSecond, InsertRow insert) {

  public WorkloadTable {
    keyColumns = List.copyOf(keyColumns);
  }

  /** A table the workload reads and writes but does not insert into. */
  public WorkloadTable(String name, List<String> keyColumns, long rows, double readsPerSecond,
      double writesPerSecond) {
    this(name, keyColumns, rows, readsPerSecond, writesPerSecond, null);
  }
}
