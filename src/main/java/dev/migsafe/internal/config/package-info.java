/** The {@code .migsafe.yaml} project configuration. */
package dev.migsafe.internal.config;
