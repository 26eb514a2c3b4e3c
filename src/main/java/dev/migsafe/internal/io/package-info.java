/** File output that never leaves a half-written file behind. */
package dev.migsafe.internal.io;
