/**
 * migsafe's implementation. Nothing under {@code dev.migsafe.internal} is public API: it may
 * change in any release. Library users call {@link dev.migsafe.Migsafe} and the records in
 * {@code dev.migsafe.api}.
 */
package dev.migsafe.internal;
