package dev.migsafe.api;

/**
 * Whether the migration tool runs each file inside one transaction. Flyway and Prisma do by
 * default; golang-migrate, dbmate with {@code transaction:false} and psql scripts do not.
 */
public enum TransactionMode {
  /** Decide from the file layout: Flyway {@code V*__*.sql} and Prisma wrap, others do not. */
  AUTO,
  /** Every file runs in one transaction. */
  ALWAYS,
  /** Files run statement by statement, outside any implicit transaction. */
  NEVER
}
