package dev.migsafe.internal.rehearse;

/**
 * How the workload inserts into one table: as the application before the playbook does, naming
 * only the columns of the current schema. A playbook whose new column depends on a dual-write
 * trigger then meets rows that the trigger must fill; without it they stay NULL or out of step,
 * which the after-backfill and after-cutover validations catch.
 *
 * @param sql one row, its number the only (bigint) parameter; serial and identity keys are left
 *     to their defaults
 * @param firstRow the number of the first row to insert: past the rows already there, so unique
 *     values stay unique
 */
public record InsertRow(String sql, long firstRow) {}
