/**
 * Finding past migrations like a new one. Each catalog record is described by structural
 * features (change kinds, lock modes, rewrite and scan facts from the {@code lint} analysis of
 * its SQL, tables, table size class, dialect, engine version) and by its words; a query gets the
 * same description from SQL, a packet or free text. {@link
 * dev.migsafe.internal.similar.SimilarMigrationSearch} is the one seam to the search engine:
 * Lucene here, a distributed engine for an organisation's catalog (docs/scaling.md).
 */
package dev.migsafe.internal.similar;
