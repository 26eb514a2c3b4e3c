/** The lint pipeline: finding migration files, ordering them, analysing each statement, suppressions. */
package dev.migsafe.internal.lint;
