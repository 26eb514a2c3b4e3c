/** The schema as it stands between statements, and how each operation changes it. */
package dev.migsafe.internal.schema;
