package dev.migsafe.internal.similar;

import dev.migsafe.api.PastMigration;
import dev.migsafe.internal.catalog.LoadedCatalog;
import dev.migsafe.internal.io.ExclusiveFileLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings a catalog's search index up to date before a search: records whose file hash changed
 * are re-described and replaced, new ones added, removed (or now malformed) ones deleted. Only
 * changed records are analysed again, so a search after {@code outcome record} re-reads one
 * record, not the catalog. Updates are serialised across processes by a lock file beside the
 * index; when no folder can be written, the index is built in memory for this run.
 */
public final class CatalogIndex {
  /** What the update did, for tests and {@code --verbose} reporting. */
  public record Sync(Path folder, int added, int replaced, int removed, String rebuildReason) {}

  private final SimilarMigrationSearch search;
  private final Sync sync;

  private CatalogIndex(SimilarMigrationSearch search, Sync sync) {
    this.search = search;
    this.sync = sync;
  }

  public static CatalogIndex open(LoadedCatalog catalog) {
    return open(catalog, IndexLocation.of(catalog.location()));
  }

  /** With an explicit index folder; null builds it in memory. */
  @SuppressWarnings("try") // the lock is held for the block, never referenced in it
  public static CatalogIndex open(LoadedCatalog catalog, Path folder) {
    if (folder != null) {
      try (ExclusiveFileLock lock = ExclusiveFileLock.acquire(IndexLocation.lockFile(folder))) {
        LuceneMigrationSearch lucene = LuceneMigrationSearch.open(folder);
        try {
          return new CatalogIndex(lucene, update(lucene, catalog, folder,
              lucene.rebuildReason()));
        } catch (RuntimeException e) {
          lucene.close();
          throw e;
        }
      } catch (IOException | UncheckedIOException e) {
        // The folder is not usable after all (full disk, read-only mount): search in memory.
      }
    }
    LuceneMigrationSearch memory = LuceneMigrationSearch.inMemory();
    return new CatalogIndex(memory, update(memory, catalog, null, "in memory"));
  }

  public SimilarMigrationSearch search() {
    return search;
  }

  public Sync sync() {
    return sync;
  }

  static Sync update(SimilarMigrationSearch search, LoadedCatalog catalog, Path folder,
      String rebuildReason) {
    Map<String, String> indexed = search.indexedHashes();
    Map<String, String> current = catalog.migrationHashes();
    List<MigrationDocument> upserts = new ArrayList<>();
    int added = 0;
    for (PastMigration m : catalog.catalog().migrations()) {
      String hash = current.get(m.id());
      String had = indexed.get(m.id());
      if (!hash.equals(had)) {
        upserts.add(MigrationDocument.of(m, hash));
        added += had == null ? 1 : 0;
      }
    }
    Set<String> deletes = new HashSet<>(indexed.keySet());
    deletes.removeAll(current.keySet());
    search.apply(upserts, deletes);
    return new Sync(folder, added, upserts.size() - added, deletes.size(), rebuildReason);
  }
}
