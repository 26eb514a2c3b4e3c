/**
 * The catalog (catalog-v1.md): strict loading of past migrations and validation templates from
 * a directory or from the copy shipped in migsafe's jar, safe rendering of template SQL, and the
 * locked, atomic writer behind {@code outcome record}. The YAML files are the source of truth;
 * everything derived from them (the search index) can be rebuilt.
 */
package dev.migsafe.internal.catalog;
