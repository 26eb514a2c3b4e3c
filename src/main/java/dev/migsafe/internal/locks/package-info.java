/**
 * What each PostgreSQL statement form locks, rewrites and scans, per major version. The source
 * is the manual ("Explicit Locking", the ALTER TABLE reference page) and {@code
 * AlterTableGetLockLevel} in PostgreSQL's {@code tablecmds.c}; every fact is checked against a
 * real server by {@code PgLockOracleTest}. For MySQL, {@link
 * dev.migsafe.internal.locks.MySqlDdlFacts} gives InnoDB's online-DDL algorithm instead, from
 * the MySQL reference manual; no MySQL server checks it here.
 */
package dev.migsafe.internal.locks;
