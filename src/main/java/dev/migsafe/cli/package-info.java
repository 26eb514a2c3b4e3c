/** The {@code migsafe} command line: thin picocli commands over the {@link dev.migsafe.Migsafe} façade. */
package dev.migsafe.cli;
