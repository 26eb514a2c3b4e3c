/**
 * The {@code drift} check: a live database's schema against the expected DDL, built on an
 * embedded server of the live server's major version. Internal: may change without notice.
 */
package dev.migsafe.internal.drift;
