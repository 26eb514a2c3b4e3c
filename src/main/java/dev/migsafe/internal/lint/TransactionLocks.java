package dev.migsafe.internal.lint;

import dev.migsafe.api.LockMode;
import dev.migsafe.internal.sql.Operation;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The tables that earlier statements of the current transaction locked, which PostgreSQL holds
 * until the transaction ends, for pg-multiple-strong-locks-in-transaction and
 * pg-work-under-access-exclusive: {@link FileAnalyzer} writes them on each statement's fact, so
 * those rules judge one statement, where each gathered every earlier statement of the
 * transaction, quadratic in a migration the tool wraps in one transaction (issue 15: memory).
 * The sets are shared between statements until one adds a table.
 */
final class TransactionLocks {
  private int transaction = -1;
  private SortedSet<String> writeLocked = Collections.emptySortedSet();
  private SortedSet<String> accessExclusive = Collections.emptySortedSet();

  /** Moves to the statement's transaction (-1 outside one); a new one starts with no locks. */
  void enter(int transactionId) {
    if (transactionId != transaction) {
      transaction = transactionId;
      writeLocked = Collections.emptySortedSet();
      accessExclusive = Collections.emptySortedSet();
    }
  }

  /** Tables locked against writes (SHARE or stronger) that may hold data, by name. */
  SortedSet<String> writeLocked() {
    return writeLocked;
  }

  /** Tables under ACCESS EXCLUSIVE that may hold data, by name. */
  SortedSet<String> accessExclusive() {
    return accessExclusive;
  }

  /** Takes in the locks of a statement of the transaction, after its fact was made. */
  void record(List<Operation> operations) {
    if (transaction == -1) {
      return;
    }
    for (Operation op : operations) {
      if (op.isTableExisting() && op.getLockMode() != null && op.getLockMode().blocksWrites()) {
        writeLocked = with(writeLocked, op.getTable());
      }
      if (op.isRefTableExisting() && op.getRefLockMode() != null
          && op.getRefLockMode().blocksWrites()) {
        writeLocked = with(writeLocked, op.getRefTable());
      }
      if (op.isTableExisting() && op.getLockMode() == LockMode.ACCESS_EXCLUSIVE) {
        accessExclusive = with(accessExclusive, op.getTable());
      }
    }
  }

  private static SortedSet<String> with(SortedSet<String> tables, String table) {
    if (table == null || tables.contains(table)) {
      return tables;
    }
    TreeSet<String> more = new TreeSet<>(tables);
    more.add(table);
    return Collections.unmodifiableSortedSet(more);
  }
}
