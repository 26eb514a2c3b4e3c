/**
 * Real PostgreSQL servers for migsafe's own use: the pinned server binaries per major version
 * and where to find them, an embedded server that never outlives the run, connections to
 * staging or live servers that keep the password secret, and a {@code pg_catalog} snapshot of one
 * schema that two servers can be compared by. Internal: may change without notice.
 */
package dev.migsafe.internal.pg;
