package dev.migsafe.internal.catalog;

import dev.migsafe.api.PastMigration;
import dev.migsafe.api.SkippedRecord;
import dev.migsafe.internal.yaml.Problems;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Reads {@code migrations/} of a catalog: a file unchanged since the last run comes from the
 * {@link RecordCache} without being opened, the others are read, hashed and (if their bytes
 * changed) parsed, on every core. Results keep the files' name order whatever thread read
 * them. Parsing YAML is nearly all the cost of loading a large catalog: 100,000 records take
 * some 10 s of CPU to parse and well under a second to read from the cache.
 */
public final class PastMigrationFolder {
  /** Files per task: large enough to amortise scheduling, small enough to balance two cores. */
  private static final int CHUNK = 256;

  /**
   * The past migrations and the malformed files, both in file-name order.
   *
   * @param hashes the SHA-256 of each record's file by id, in file order
   * @param warnings about records that were read, {@code FILE:LINE:COLUMN: path: message}
   */
  public record Read(List<PastMigration> migrations, Map<String, String> hashes,
      List<SkippedRecord> skipped, List<String> warnings, Use use) {}

  /**
   * How each file was read, for tests and benchmarks.
   *
   * @param cached served from the cache without opening the file
   * @param rehashed read and hashed, same bytes as cached, not parsed
   * @param parsed read and parsed
   * @param written whether the cache was rewritten
   */
  public record Use(int cached, int rehashed, int parsed, boolean written) {}

  private enum How { CACHED, REHASHED, PARSED, UNCACHEABLE }

  private record FileRead(String name, PastMigration migration, String hash,
      SkippedRecord skipped, RecordCache.Entry entry, How how, List<String> warnings) {
    FileRead(String name, PastMigration migration, String hash, SkippedRecord skipped,
        RecordCache.Entry entry, How how) {
      this(name, migration, hash, skipped, entry, how, List.of());
    }
  }

  private PastMigrationFolder() {}

  /** With the cache beside the catalog's search index (none for the shipped catalog). */
  public static Read read(CatalogLocation location) {
    return read(location, location.isShipped() ? RecordCache.none()
        : RecordCache.open(DerivedFolder.of(location, RecordCache.FOLDER)), Clock.systemUTC());
  }

  /**
   * With the given cache. {@code clock} says when the run starts; an entry it writes is
   * trusted next time only if its file is older than that (tests run "later" with it).
   */
  public static Read read(CatalogLocation location, RecordCache cache, Clock clock) {
    // Before listing: a file changed after this may have been read before its last write.
    long scanStart = nanos(clock.instant());
    List<Path> files = location.entries(CatalogLocation.MIGRATIONS);
    FileRead[] reads = new FileRead[files.size()];
    IntStream.range(0, (files.size() + CHUNK - 1) / CHUNK).parallel().forEach(c -> {
      for (int i = c * CHUNK; i < Math.min(files.size(), (c + 1) * CHUNK); i++) {
        reads[i] = read(location, files.get(i), cache);
      }
    });
    List<PastMigration> migrations = new ArrayList<>(reads.length);
    Map<String, String> hashes = new LinkedHashMap<>(reads.length * 4 / 3 + 1);
    List<SkippedRecord> skipped = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int[] count = new int[How.values().length];
    int cacheable = 0;
    for (FileRead r : reads) {
      if (r == null) {
        continue; // not a regular file
      }
      count[r.how().ordinal()]++;
      cacheable += r.entry() == null ? 0 : 1;
      warnings.addAll(r.warnings());
      if (r.migration() != null) {
        migrations.add(r.migration());
        hashes.put(r.migration().id(), r.hash());
      } else {
        skipped.add(r.skipped());
      }
    }
    int cached = count[How.CACHED.ordinal()];
    // Unchanged when every entry was used as it is and nothing else is to be kept.
    boolean write = cache.writable() && (cached != cache.size() || cached != cacheable);
    if (write) {
      Map<String, RecordCache.Entry> entries = new LinkedHashMap<>(cacheable * 4 / 3 + 1);
      for (FileRead r : reads) {
        if (r != null && r.entry() != null) {
          entries.put(r.name(), r.entry());
        }
      }
      cache.write(entries, scanStart);
    }
    return new Read(migrations, hashes, skipped, warnings, new Use(cached,
        count[How.REHASHED.ordinal()], count[How.PARSED.ordinal()] + count[How.UNCACHEABLE
        .ordinal()], write));
  }

  private static FileRead read(CatalogLocation location, Path file, RecordCache cache) {
    FileStamp stamp = FileStamp.of(file);
    if (stamp == null) {
      return null;
    }
    String name = file.getFileName().toString();
    String display = location.display(file);
    RecordCache.Entry entry = cache.unchanged(name, stamp);
    if (entry != null) {
      FileRead hit = fromCache(name, display, entry, How.CACHED);
      if (hit != null) {
        return hit;
      }
    }
    Problems problems = new Problems(display);
    byte[] bytes = CatalogLoader.bytes(file, problems);
    if (bytes == null) {
      // Not cached: a name or size problem is found without parsing, and an unreadable file
      // may be readable next time.
      return new FileRead(name, null, null, new SkippedRecord(display, problems.lines()), null,
          How.UNCACHEABLE);
    }
    byte[] hash = ContentHash.digest(bytes);
    entry = cache.sameContent(name, hash);
    if (entry != null) {
      FileRead same = fromCache(name, display, entry.withStamp(stamp), How.REHASHED);
      if (same != null) {
        return same;
      }
    }
    Object value = CatalogLoader.parse(bytes, file, PastMigrationReader.KIND, problems);
    RecordCache.Parse parse;
    if (value == null || !problems.isEmpty()) {
      List<String> lines = problems.lines();
      parse = new RecordCache.Parse(null, lines.stream()
          .map(l -> l.substring(display.length())).toList());
    } else {
      parse = new RecordCache.Parse((PastMigration) value, null);
    }
    List<String> warnings = problems.warningLines();
    if (!warnings.isEmpty()) {
      // Not cached, so that the warning is shown on every run until the record is fixed.
      FileRead r = result(name, display, parse, ContentHash.hex(hash), null, How.UNCACHEABLE);
      return new FileRead(r.name(), r.migration(), r.hash(), r.skipped(), null, r.how(),
          warnings);
    }
    entry = cache.writable() ? RecordCache.entry(stamp, hash, parse) : null;
    return result(name, display, parse, ContentHash.hex(hash), entry, How.PARSED);
  }

  /** The cached parse, or null when the entry does not decode (then the file is parsed). */
  private static FileRead fromCache(String name, String display, RecordCache.Entry entry,
      How how) {
    RecordCache.Parse parse;
    try {
      parse = RecordCache.parse(entry);
    } catch (RuntimeException e) {
      return null;
    }
    return result(name, display, parse, ContentHash.hex(entry.hash()), entry, how);
  }

  private static FileRead result(String name, String display, RecordCache.Parse parse,
      String hash, RecordCache.Entry entry, How how) {
    if (parse.migration() != null) {
      return new FileRead(name, parse.migration(), hash, null, entry, how);
    }
    List<String> lines = parse.problems().stream().map(p -> display + p).toList();
    return new FileRead(name, null, null, new SkippedRecord(display, lines), entry, how);
  }

  private static long nanos(Instant t) {
    return ChronoUnit.NANOS.between(Instant.EPOCH, t);
  }
}
