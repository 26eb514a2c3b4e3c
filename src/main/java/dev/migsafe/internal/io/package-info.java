/**
 * File output that never leaves a half-written file behind and never puts a file where a
 * device, FIFO or directory was.
 */
package dev.migsafe.internal.io;
