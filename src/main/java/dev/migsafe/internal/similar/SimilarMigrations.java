package dev.migsafe.internal.similar;

import dev.migsafe.api.Catalog;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.PastMigration;
import dev.migsafe.api.SimilarMigration;
import dev.migsafe.api.SimilarQuery;
import dev.migsafe.api.SimilarResult;
import dev.migsafe.internal.catalog.LoadedCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code similar}: reads the query, brings the catalog's index up to date, searches, and
 * returns each match with its outcome, lesson and reasons.
 */
public final class SimilarMigrations {
  public static final int MAX_LIMIT = 100;

  private SimilarMigrations() {}

  public static SimilarResult find(LoadedCatalog catalog, SimilarQuery query, int limit) {
    if (query.isEmpty()) {
      throw MigsafeException.badInput("nothing to search for: give a text, --sql FILE or "
          + "--packet FILE");
    }
    return search(catalog, QueryReader.read(query, knownTables(catalog.catalog())), limit);
  }

  /** The past migrations most like a loaded packet: what {@code plan} lists. */
  public static SimilarResult find(LoadedCatalog catalog, MigrationPacket packet, int limit) {
    return search(catalog, QueryReader.read(new SimilarQuery(null, null, null, null, null),
        packet, knownTables(catalog.catalog())), limit);
  }

  private static SimilarResult search(LoadedCatalog catalog, SimilarityQuery q, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw MigsafeException.badInput("--limit " + limit + " is not between 1 and " + MAX_LIMIT);
    }
    CatalogIndex index = CatalogIndex.open(catalog);
    try {
      return new SimilarResult(rank(index.search(), catalog.catalog(), q, limit),
          catalog.catalog().skipped(), catalog.location().source(),
          catalog.catalog().warnings());
    } finally {
      index.search().close();
    }
  }

  /** Ranks with a given engine; the evaluation compares rankings through this. */
  public static List<SimilarMigration> rank(SimilarMigrationSearch search, Catalog catalog,
      SimilarityQuery q, int limit) {
    Map<String, PastMigration> byId = new HashMap<>();
    catalog.migrations().forEach(m -> byId.put(m.id(), m));
    List<SimilarMigration> out = new ArrayList<>();
    for (SearchHit hit : search.search(q, limit)) {
      PastMigration m = byId.get(hit.id());
      if (m == null) {
        continue; // the index is never the source of truth
      }
      out.add(new SimilarMigration(m.id(), Math.round(hit.score() * 100) / 100.0, m.title(),
          m.team(), m.date(), m.dialect(), m.engineVersion(), m.outcome().status(),
          OutcomeSummary.of(m), OutcomeSummary.lesson(m),
          MatchExplainer.reasons(q, hit.features(), m),
          MatchExplainer.strength(q, hit.features(), m)));
    }
    return out;
  }

  /** Reads a query as the search sees it, for tools that rank with their own engine. */
  public static SimilarityQuery read(SimilarQuery query, Catalog catalog) {
    return QueryReader.read(query, knownTables(catalog));
  }

  static Set<String> knownTables(Catalog catalog) {
    Set<String> out = new HashSet<>();
    catalog.migrations().forEach(m -> m.tables().forEach(t -> out.add(SqlFeatures.normalise(t))));
    return out;
  }
}
