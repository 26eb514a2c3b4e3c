package dev.migsafe.internal.catalog;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.PastMigration;
import dev.migsafe.internal.io.AtomicFiles;
import dev.migsafe.internal.io.ExclusiveFileLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The parsed past-migration records of one catalog directory, as the last run read them, so
 * that a run parses only the files that changed since (docs/performance.md, "Report").
 *
 * <p>Each entry is keyed by file name and carries the file's {@link FileStamp} and the SHA-256
 * of its bytes. An entry is used without reading the file only when the stamp is unchanged and
 * the file last changed well before the run that wrote the entry started: a file rewritten
 * within one tick of the file system's clock keeps its stamp, so entries younger than {@link
 * #RACY_NANOS} are read and hashed again, as git does for "racily clean" index entries. When
 * the stamp differs the content hash decides: same bytes (a fresh checkout, {@code touch}), the
 * entry is reused; different bytes, the file is parsed again. Malformed records are cached
 * with their problems, so a warm run lists them under {@code skipped} exactly as a cold one.
 *
 * <p>The file is one blob: a header (format, the identity of the parsing code, when the scan
 * started), the entries, and a CRC-32 of everything before it. A damaged, truncated or
 * foreign file, another format or a cache made by other parsing code is ignored and replaced;
 * the cache is only ever an optimisation. Writes are atomic and serialised by a lock file.
 */
public final class RecordCache {
  /** The folder under {@code .migsafe/} (or the user cache) that holds the cache. */
  public static final String FOLDER = "records";
  /** The cache file in that folder. */
  public static final String FILE = "past-migrations.bin";
  /** Raise when the layout changes; a file of another format is rebuilt. */
  static final int FORMAT = 1;
  private static final int MAGIC = 0x4d534352; // "MSCR"
  /** Coarser than any file system's timestamps (FAT keeps two seconds). */
  static final long RACY_NANOS = 2_000_000_000L;
  private static final int HASH_BYTES = 32;
  private static final byte MIGRATION = 0;
  private static final byte PROBLEMS = 1;
  private static final RecordCache NONE = new RecordCache(null, Map.of(), Long.MIN_VALUE);

  /**
   * One file as a run read it: its stamp, the SHA-256 of its bytes, and the bytes of its parse
   * result at {@code data[from, to)}.
   */
  public record Entry(FileStamp stamp, byte[] hash, byte[] data, int from, int to) {
    Entry withStamp(FileStamp now) {
      return new Entry(now, hash, data, from, to);
    }
  }

  /**
   * What a record file parses to: the past migration, or the problems that kept it out (each
   * {@code :LINE:COLUMN: path: message}, without the file name, which depends on how the
   * catalog was named on the command line).
   */
  public record Parse(PastMigration migration, List<String> problems) {}

  private final Path folder;
  private final Map<String, Entry> entries;
  private final long scanStartNanos;

  private RecordCache(Path folder, Map<String, Entry> entries, long scanStartNanos) {
    this.folder = folder;
    this.entries = entries;
    this.scanStartNanos = scanStartNanos;
  }

  /** A cache that holds nothing and writes nothing (the shipped catalog). */
  public static RecordCache none() {
    return NONE;
  }

  /** The cache in {@code folder}; empty when there is none yet or it cannot be used. */
  public static RecordCache open(Path folder) {
    String identity = ParserIdentity.current();
    if (folder == null || identity == null) {
      return NONE;
    }
    try {
      return read(folder, Files.readAllBytes(folder.resolve(FILE)), identity);
    } catch (NoSuchFileException e) {
      return new RecordCache(folder, Map.of(), Long.MIN_VALUE);
    } catch (IOException | RuntimeException e) {
      // Damaged, truncated, another format or other code: start again, it is only a cache.
      return new RecordCache(folder, Map.of(), Long.MIN_VALUE);
    }
  }

  private static RecordCache read(Path folder, byte[] b, String identity) {
    if (b.length < 4 || crc(b, b.length - 4) != new CacheBytes.In(b, b.length - 4, b.length)
        .readInt()) {
      throw new IllegalStateException("checksum");
    }
    CacheBytes.In in = new CacheBytes.In(b, 0, b.length - 4);
    if (in.readInt() != MAGIC || in.readInt() != FORMAT || !identity.equals(in.readString())) {
      throw new IllegalStateException("another format or parser");
    }
    long scanStart = in.readLong();
    int n = in.readInt();
    Map<String, Entry> entries = new HashMap<>(Math.max(16, Math.min(n, 1 << 20) * 4 / 3 + 1));
    for (int i = 0; i < n; i++) {
      String name = in.readString();
      FileStamp stamp = new FileStamp(in.readLong(), in.readLong(), in.readLong());
      byte[] hash = in.readBytes(HASH_BYTES);
      int length = in.readInt();
      int from = in.position();
      in.skip(length);
      entries.put(name, new Entry(stamp, hash, b, from, from + length));
    }
    if (!in.atEnd()) {
      throw new IllegalStateException("trailing bytes");
    }
    return new RecordCache(folder, entries, scanStart);
  }

  /** Whether a run may write this cache. */
  public boolean writable() {
    return folder != null;
  }

  public int size() {
    return entries.size();
  }

  /**
   * The entry of a file that has certainly not changed since it was cached: same stamp, and
   * last changed at least {@link #RACY_NANOS} before that run began. Null otherwise.
   */
  public Entry unchanged(String name, FileStamp now) {
    Entry e = entries.get(name);
    if (e == null || !e.stamp().equals(now)
        || e.stamp().lastChangeNanos() >= scanStartNanos - RACY_NANOS) {
      return null;
    }
    return e;
  }

  /** The entry of a file whose bytes hash to {@code hash}, or null. */
  public Entry sameContent(String name, byte[] hash) {
    Entry e = entries.get(name);
    return e != null && Arrays.equals(e.hash(), hash) ? e : null;
  }

  /** A new entry for what a file parsed to. */
  public static Entry entry(FileStamp stamp, byte[] hash, Parse parse) {
    CacheBytes.Out out = new CacheBytes.Out();
    if (parse.migration() != null) {
      out.writeByte(MIGRATION);
      PastMigrationCodec.write(parse.migration(), out);
    } else {
      out.writeByte(PROBLEMS).writeInt(parse.problems().size());
      parse.problems().forEach(out::writeString);
    }
    byte[] data = out.toByteArray();
    return new Entry(stamp, hash, data, 0, data.length);
  }

  /** What the entry holds; a {@link RuntimeException} when its bytes do not decode. */
  public static Parse parse(Entry e) {
    CacheBytes.In in = new CacheBytes.In(e.data(), e.from(), e.to());
    Parse p;
    if (in.readByte() == MIGRATION) {
      p = new Parse(PastMigrationCodec.read(in), null);
    } else {
      int n = in.readInt();
      String[] problems = new String[n];
      for (int i = 0; i < n; i++) {
        problems[i] = in.readString();
      }
      p = new Parse(null, List.of(problems));
    }
    if (!in.atEnd()) {
      throw new IllegalStateException("entry longer than its record");
    }
    return p;
  }

  /**
   * Replaces the cache with {@code entries} (file name to entry, in file order), as read by a
   * run that started listing at {@code scanStartNanos}. Failing to write is not an error: the
   * next run parses again.
   */
  @SuppressWarnings("try") // the lock is held for the block, never referenced in it
  public void write(Map<String, Entry> entries, long scanStartNanos) {
    if (folder == null) {
      return;
    }
    String identity = ParserIdentity.current();
    CacheBytes.Out out = new CacheBytes.Out();
    out.writeInt(MAGIC).writeInt(FORMAT).writeString(identity).writeLong(scanStartNanos)
        .writeInt(entries.size());
    for (Map.Entry<String, Entry> me : entries.entrySet()) {
      Entry e = me.getValue();
      out.writeString(me.getKey()).writeLong(e.stamp().size())
          .writeLong(e.stamp().modifiedNanos()).writeLong(e.stamp().changedNanos())
          .writeBytes(e.hash()).writeInt(e.to() - e.from())
          .writeBytes(e.data(), e.from(), e.to() - e.from());
    }
    out.writeInt(crc(out.array(), out.size()));
    try (ExclusiveFileLock lock = ExclusiveFileLock.acquire(DerivedFolder.lockFile(folder))) {
      AtomicFiles.write(folder.resolve(FILE), out.toByteArray());
    } catch (IOException | UncheckedIOException | MigsafeException e) {
      // A full disk or a read-only mount: the catalog is still read correctly, only slower.
    }
  }

  private static int crc(byte[] b, int length) {
    CRC32 crc = new CRC32();
    crc.update(b, 0, length);
    return (int) crc.getValue();
  }

  /**
   * Who parsed the records: the jar (or class folders) of the catalog reader, by path, size
   * and modification time. A cache made by another build is rebuilt, since a new migsafe may
   * accept or refuse records differently; a release and a rebuilt snapshot both change it.
   */
  static final class ParserIdentity {
    private static final String CURRENT = compute();

    private ParserIdentity() {}

    /** Null when the code's location cannot be known: then nothing is cached. */
    static String current() {
      return CURRENT;
    }

    private static String compute() {
      URL url = PastMigrationReader.class.getResource("PastMigrationReader.class");
      if (url == null) {
        return null;
      }
      try {
        if (url.getProtocol().equals("jar")) {
          String s = url.getPath();
          Path jar = Path.of(URI.create(s.substring(0, s.indexOf("!/"))));
          return FORMAT + " " + jar + " " + Files.size(jar) + " "
              + Files.getLastModifiedTime(jar).toMillis();
        }
        if (url.getProtocol().equals("file")) {
          // Class folders (tests, an IDE): the newest class of the code that reads records.
          Path catalog = Path.of(url.toURI()).getParent();
          long newest = Math.max(newest(catalog), newest(catalog.resolveSibling("yaml")));
          return FORMAT + " " + catalog + " " + newest;
        }
      } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
        return null;
      }
      return null;
    }

    private static long newest(Path dir) throws IOException {
      long newest = 0;
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.class")) {
        for (Path p : s) {
          newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
        }
      }
      return newest;
    }
  }
}
