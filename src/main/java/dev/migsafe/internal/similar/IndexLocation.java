package dev.migsafe.internal.similar;

import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.catalog.DerivedFolder;
import java.nio.file.Path;

/**
 * Where a catalog's index lives: {@code .migsafe/index} inside a writable catalog directory
 * (git ignores {@code .migsafe/}), else the user's cache directory, keyed by catalog, for the
 * catalog shipped in the jar and for read-only directories ({@link DerivedFolder}).
 */
public final class IndexLocation {
  /** Overrides the cache directory (tests, CI caches); else XDG_CACHE_HOME, else ~/.cache. */
  public static final String CACHE_PROPERTY = DerivedFolder.CACHE_PROPERTY;

  private IndexLocation() {}

  /** The folder for the index, or null when nothing can be written (index in memory). */
  public static Path of(CatalogLocation catalog) {
    return DerivedFolder.of(catalog, "index");
  }

  /** The lock file that serialises index updates for the folder. */
  public static Path lockFile(Path indexDir) {
    return DerivedFolder.lockFile(indexDir);
  }
}
