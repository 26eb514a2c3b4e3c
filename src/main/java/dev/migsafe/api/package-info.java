/**
 * Public result and option types of migsafe. Everything here is stable API: records that the
 * {@link dev.migsafe.Migsafe} façade returns and renderers serialise. Nothing in this package
 * depends on {@code dev.migsafe.internal}.
 */
package dev.migsafe.api;
