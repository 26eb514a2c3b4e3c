/**
 * {@code surfaces}: the places in code repositories that read or write a table or column, found
 * in the SQL of string literals (tree-sitter grammars) and {@code .sql} files. Internal: may
 * change without notice.
 */
package dev.migsafe.internal.surfaces;
