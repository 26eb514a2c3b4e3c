package dev.migsafe.internal.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where data derived from a catalog lives (the search index, the parsed-record cache): {@code
 * .migsafe/NAME} inside a writable catalog directory (git ignores {@code .migsafe/}), else the
 * user's cache directory, keyed by catalog, for the catalog shipped in the jar and for
 * read-only directories. Everything there can be deleted; it is rebuilt from the YAML.
 */
public final class DerivedFolder {
  /** Overrides the cache directory (tests, CI caches); else XDG_CACHE_HOME, else ~/.cache. */
  public static final String CACHE_PROPERTY = "migsafe.cache.dir";

  private DerivedFolder() {}

  /** The folder {@code name} for the catalog, created; null when nothing can be written. */
  public static Path of(CatalogLocation catalog, String name) {
    if (!catalog.isShipped()) {
      Path beside = catalog.root().resolve(".migsafe").resolve(name);
      if (Files.isWritable(catalog.root()) && writable(beside)) {
        return beside;
      }
    }
    Path cache = cacheDir();
    if (cache == null) {
      return null;
    }
    String key = catalog.isShipped() ? "shipped"
        : "dir-" + ContentHash.of(catalog.root().toAbsolutePath().normalize().toString())
            .substring(0, 16);
    Path dir = cache.resolve(name).resolve(key);
    return writable(dir) ? dir : null;
  }

  /** The lock file that serialises updates of the folder, beside it. */
  public static Path lockFile(Path folder) {
    return folder.resolveSibling(folder.getFileName() + ".lock");
  }

  static Path cacheDir() {
    String override = System.getProperty(CACHE_PROPERTY);
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "migsafe");
    }
    String home = System.getProperty("user.home");
    return home == null || home.isBlank() ? null : Path.of(home, ".cache", "migsafe");
  }

  private static boolean writable(Path dir) {
    try {
      Files.createDirectories(dir);
      return Files.isWritable(dir);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }
}
