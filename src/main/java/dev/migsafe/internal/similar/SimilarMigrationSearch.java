package dev.migsafe.internal.similar;

import java.io.Closeable;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The seam between migsafe and a search engine. The catalog (YAML in git) stays the source of
 * truth; an implementation holds a derived copy that it brings up to date through {@link
 * #apply} and ranks with {@link #search}. {@link LuceneMigrationSearch} keeps it in a local
 * folder; an organisation-wide catalog can implement these three methods over OpenSearch or
 * Elasticsearch (docs/scaling.md) without touching anything else.
 */
public interface SimilarMigrationSearch extends Closeable {

  /** The id and content hash of every document held, to compare with the catalog. */
  Map<String, String> indexedHashes();

  /** Adds or replaces {@code upserts} and removes {@code deletes}, durably, all or nothing. */
  void apply(Collection<MigrationDocument> upserts, Collection<String> deletes);

  /**
   * The best {@code limit} documents for the query, best first; ties broken by id so that the
   * order is the same on every run.
   */
  List<SearchHit> search(SimilarityQuery query, int limit);

  @Override
  void close();
}
