package dev.migsafe.internal.model;

import dev.migsafe.api.LockMode;

/**
 * What one operation does to the tables it touches on a given server version, as the lock
 * oracle checks it on real PostgreSQL: the strongest lock on its table and on the table it
 * references, and whether it rewrites or reads its whole table, or fails on one with rows.
 * Computed once per operation (by {@code PgLockFacts}) and read by the rules, the plan and the
 * report; the facts come from the server's source and manual, never from a rule.
 *
 * @param lock the strongest lock on the operation's table, or null when it locks none
 * @param refLock the strongest lock on the table it references (a foreign key's, a partition's
 *     parent), or null
 * @param rewritesTable whether it writes a new copy of the table (and its indexes)
 * @param scansTable whether it reads every row while holding its lock
 * @param failsOnNonEmptyTable whether it fails outright when the table has a row (a NOT NULL
 *     column added without a default)
 */
public record LockFacts(LockMode lock, LockMode refLock, boolean rewritesTable,
    boolean scansTable, boolean failsOnNonEmptyTable) {

  /** An operation no fact has been computed for, or one that touches no table. */
  public static final LockFacts NONE = new LockFacts(null, null, false, false, false);
}
