/**
 * The quarterly reliability report: the figures of catalog-v1.md computed from past
 * migrations. Internal: may change without notice.
 */
package dev.migsafe.internal.report;
