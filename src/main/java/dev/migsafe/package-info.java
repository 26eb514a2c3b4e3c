/**
 * migsafe: makes database migrations safe. {@link dev.migsafe.Migsafe} is the façade; result
 * types live in {@code dev.migsafe.api}; everything under {@code dev.migsafe.internal} may change.
 */
package dev.migsafe;
