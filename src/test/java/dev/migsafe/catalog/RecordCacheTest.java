package dev.migsafe.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migsafe.api.SkippedRecord;
import dev.migsafe.internal.catalog.CatalogLoader;
import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.catalog.LoadedCatalog;
import dev.migsafe.internal.catalog.PastMigrationFolder;
import dev.migsafe.internal.catalog.RecordCache;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parsed-record cache: a warm load gives exactly what a cold one gives, malformed records
 * included, and never a record older than its file.
 */
class RecordCacheTest {
  @TempDir Path dir;
  private Path cacheFile;

  /** Record files the catalog holds: 41 good ones, 1 malformed. */
  private static final int FILES = 42;
  /** A run some time after the files were written: their entries are trusted. */
  private static final Clock LATER = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));

  private static final String BAD = """
      apiVersion: migsafe/v1
      kind: PastMigration
      id: bad
      title: Missing its team and outcome
      dialect: postgresql
      date: 2026-03-14
      changes: [add-column]
      """;

  @BeforeEach
  void catalog() throws IOException {
    write("good.yaml", CatalogLoaderTest.GOOD);
    write("bad.yaml", BAD);
    for (int i = 0; i < 40; i++) {
      write("m-" + i + ".yaml", CatalogLoaderTest.GOOD.replace("id: good", "id: m-" + i)
          .replace("team: team-a", "team: team-" + (i % 3)));
    }
    cacheFile = dir.resolve(".migsafe").resolve(RecordCache.FOLDER).resolve(RecordCache.FILE);
  }

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve("migrations").resolve(name);
    Files.createDirectories(f.getParent());
    return Files.writeString(f, text);
  }

  private PastMigrationFolder.Read read(Clock clock) {
    return read(new CatalogLocation(dir), clock);
  }

  private PastMigrationFolder.Read read(CatalogLocation location, Clock clock) {
    Path folder = location.root().resolve(".migsafe").resolve(RecordCache.FOLDER);
    return PastMigrationFolder.read(location, RecordCache.open(folder), clock);
  }

  @Test
  void aWarmLoadServesEveryRecordFromTheCacheAndEqualsTheColdOne() {
    PastMigrationFolder.Read cold = read(LATER);
    assertThat(cold.use()).isEqualTo(new PastMigrationFolder.Use(0, 0, FILES, true));
    PastMigrationFolder.Read warm = read(LATER);
    assertThat(warm.use()).isEqualTo(new PastMigrationFolder.Use(FILES, 0, 0, false));
    assertThat(warm.migrations()).hasSize(FILES - 1).isEqualTo(cold.migrations());
    assertThat(warm.hashes()).isEqualTo(cold.hashes());
    assertThat(warm.skipped()).isEqualTo(cold.skipped());
  }

  @Test
  void loadingThroughTheCacheGivesTheSameCatalog() {
    LoadedCatalog parsed = CatalogLoader.load(new CatalogLocation(dir));
    assertThat(cacheFile).exists();
    read(LATER); // entries the next load trusts
    LoadedCatalog cached = CatalogLoader.load(new CatalogLocation(dir));
    assertThat(cached).isEqualTo(parsed);
    assertThat(cached.migrationHashes()).isEqualTo(parsed.migrationHashes());
  }

  @Test
  void aMalformedRecordIsStillSkippedOnAWarmRunWithItsProblemsUnderTheNameGiven() {
    List<SkippedRecord> cold = read(LATER).skipped();
    assertThat(cold).singleElement().satisfies(s -> {
      assertThat(s.file()).endsWith("bad.yaml");
      assertThat(s.problems()).anySatisfy(p -> assertThat(p).contains("team: is required"));
    });
    PastMigrationFolder.Read warm = read(LATER);
    assertThat(warm.use().cached()).isEqualTo(FILES);
    assertThat(warm.skipped()).isEqualTo(cold);

    // The same catalog named another way: problems carry the name of this run.
    CatalogLocation other = new CatalogLocation(dir.resolve("."));
    PastMigrationFolder.Read renamed = read(other, LATER);
    assertThat(renamed.use().cached()).isEqualTo(FILES);
    SkippedRecord s = renamed.skipped().get(0);
    assertThat(s.file()).isEqualTo(other.display(other.root().resolve("migrations/bad.yaml")));
    assertThat(s.problems()).allSatisfy(p -> assertThat(p).startsWith(s.file() + ":"));
    assertThat(s.problems()).hasSameSizeAs(cold.get(0).problems());
  }

  @Test
  void anEditOfTheSameSizeIsReadAgain() throws IOException {
    read(LATER);
    Path f = write("good.yaml", CatalogLoaderTest.GOOD.replace("team-a", "team-b"));
    Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(5)));
    PastMigrationFolder.Read warm = read(LATER);
    assertThat(warm.use()).isEqualTo(new PastMigrationFolder.Use(FILES - 1, 0, 1, true));
    assertThat(team(warm, "good")).isEqualTo("team-b");
  }

  @Test
  void anEditThatKeepsSizeAndModificationTimeIsReadAgain() throws IOException,
      InterruptedException {
    // Only the inode's change time tells: tar, cp -p and touch -r restore mtime, not ctime.
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"));
    FileTime old = FileTime.from(Instant.parse("2026-01-05T10:00:00Z"));
    Path f = dir.resolve("migrations/good.yaml");
    Files.setLastModifiedTime(f, old);
    read(LATER);
    Thread.sleep(20); // a later change time even on a file system with coarse timestamps
    Files.writeString(f, CatalogLoaderTest.GOOD.replace("team-a", "team-c"));
    Files.setLastModifiedTime(f, old);
    PastMigrationFolder.Read warm = read(LATER);
    assertThat(warm.use().parsed()).isEqualTo(1);
    assertThat(team(warm, "good")).isEqualTo("team-c");
  }

  @Test
  void filesChangedJustBeforeAScanAreHashedAgainByTheNextOne() {
    // Written a moment before the scan: a later write in the same clock tick would keep
    // their stamp, so the entries this scan makes are not trusted on their stamp alone.
    read(Clock.fixed(Instant.now(), ZoneOffset.UTC));
    PastMigrationFolder.Read next = read(LATER);
    assertThat(next.use()).isEqualTo(new PastMigrationFolder.Use(0, FILES, 0, true));
    assertThat(read(LATER).use()).isEqualTo(new PastMigrationFolder.Use(FILES, 0, 0, false));
  }

  @Test
  void aTouchedFileIsHashedNotParsedAndCachedWithItsNewStamp() throws IOException {
    read(LATER);
    Path f = dir.resolve("migrations/m-3.yaml");
    Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));
    assertThat(read(LATER).use()).isEqualTo(new PastMigrationFolder.Use(FILES - 1, 1, 0,
        true));
    assertThat(read(LATER).use()).isEqualTo(new PastMigrationFolder.Use(FILES, 0, 0, false));
  }

  @Test
  void aDeletedRecordLeavesTheCatalogAndTheCache() throws IOException {
    read(LATER);
    Files.delete(dir.resolve("migrations/m-7.yaml"));
    PastMigrationFolder.Read after = read(LATER);
    assertThat(after.migrations()).noneMatch(m -> m.id().equals("m-7"));
    assertThat(after.use()).isEqualTo(new PastMigrationFolder.Use(FILES - 1, 0, 0, true));
    assertThat(read(LATER).use().written()).isFalse();
  }

  @Test
  void aCorruptCacheIsIgnoredAndRebuilt() throws IOException {
    PastMigrationFolder.Read cold = read(LATER);
    byte[] b = Files.readAllBytes(cacheFile);
    b[b.length / 2] ^= 0x5a;
    Files.write(cacheFile, b);
    assertRebuilt(cold);
  }

  @Test
  void aTruncatedCacheIsIgnoredAndRebuilt() throws IOException {
    PastMigrationFolder.Read cold = read(LATER);
    byte[] b = Files.readAllBytes(cacheFile);
    Files.write(cacheFile, Arrays.copyOf(b, b.length / 3));
    assertRebuilt(cold);
    Files.write(cacheFile, new byte[0]);
    assertRebuilt(cold);
  }

  @Test
  void aCacheOfAnotherFormatIsRebuilt() throws IOException {
    PastMigrationFolder.Read cold = read(LATER);
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(cacheFile));
    b.putInt(4, b.getInt(4) + 1); // the format, after the magic number
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, b.capacity() - 4);
    b.putInt(b.capacity() - 4, (int) crc.getValue()); // intact, only another format
    Files.write(cacheFile, b.array());
    assertRebuilt(cold);
  }

  private void assertRebuilt(PastMigrationFolder.Read cold) {
    PastMigrationFolder.Read rebuilt = read(LATER);
    assertThat(rebuilt.use()).isEqualTo(new PastMigrationFolder.Use(0, 0, FILES, true));
    assertThat(rebuilt.migrations()).isEqualTo(cold.migrations());
    assertThat(rebuilt.skipped()).isEqualTo(cold.skipped());
    assertThat(read(LATER).use().cached()).isEqualTo(FILES);
  }

  @Test
  void twoConcurrentWritersLeaveAWholeCache() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        write("good.yaml", CatalogLoaderTest.GOOD.replace("title: A good one",
            "title: Round " + round));
        Files.deleteIfExists(cacheFile);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PastMigrationFolder.Read>> runs = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          runs.add(pool.submit(() -> {
            start.await();
            return read(LATER);
          }));
        }
        start.countDown();
        for (Future<PastMigrationFolder.Read> r : runs) {
          assertThat(r.get().use().parsed()).isEqualTo(FILES);
        }
        PastMigrationFolder.Read after = read(LATER);
        assertThat(after.use()).isEqualTo(new PastMigrationFolder.Use(FILES, 0, 0, false));
        assertThat(after.migrations()).extracting(m -> m.title())
            .contains("Round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
    try (var s = Files.list(cacheFile.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly(RecordCache.FILE);
    }
  }

  private static String team(PastMigrationFolder.Read read, String id) {
    return read.migrations().stream().filter(m -> m.id().equals(id)).findFirst()
        .orElseThrow().team();
  }
}
