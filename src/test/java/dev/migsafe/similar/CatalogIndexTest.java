package dev.migsafe.similar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.SimilarMigration;
import dev.migsafe.api.SimilarQuery;
import dev.migsafe.internal.catalog.CatalogLoader;
import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.catalog.LoadedCatalog;
import dev.migsafe.internal.similar.CatalogIndex;
import dev.migsafe.internal.similar.IndexLocation;
import dev.migsafe.internal.similar.LuceneMigrationSearch;
import dev.migsafe.internal.similar.SimilarMigrations;
import dev.migsafe.internal.similar.SimilarityQuery;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index is derived and disposable: it follows the catalog incrementally, gives the same
 * scores as a fresh build, and a corrupt, partial or foreign index is replaced, never used.
 */
class CatalogIndexTest {
  @TempDir Path dir;
  Path catalog;
  Path index;

  static final List<String> SOME = List.of("2026-03-orders-currency",
      "2026-01-payments-transactions-merchant-not-null", "2026-08-payments-payouts-not-null-check",
      "2025-10-payments-refunds-amount-bigint", "2026-05-orders-customer-email-copy",
      "2026-01-orders-order-items-fk-direct", "2025-11-logistics-shipments-status-enum");

  @BeforeEach
  void copySomeRecords() throws IOException {
    catalog = dir.resolve("catalog");
    Files.createDirectories(catalog.resolve("migrations"));
    for (String id : SOME) {
      Files.copy(Path.of("catalog/migrations", id + ".yaml"),
          catalog.resolve("migrations").resolve(id + ".yaml"));
    }
    index = IndexLocation.of(new CatalogLocation(catalog));
  }

  private LoadedCatalog load() {
    return CatalogLoader.load(new CatalogLocation(catalog));
  }

  private CatalogIndex.Sync sync() {
    CatalogIndex i = CatalogIndex.open(load());
    i.search().close();
    return i.sync();
  }

  private List<String> ranking(Path folder, String text) {
    LoadedCatalog c = load();
    CatalogIndex i = CatalogIndex.open(c, folder);
    try {
      SimilarityQuery q = SimilarMigrations.read(SimilarQuery.text(text), c.catalog());
      return SimilarMigrations.rank(i.search(), c.catalog(), q, 10).stream()
          .map(m -> m.id() + " " + m.score()).toList();
    } finally {
      i.search().close();
    }
  }

  @Test
  void theIndexLivesBesideAWritableCatalogAndFollowsItIncrementally() throws IOException {
    assertThat(index).isEqualTo(catalog.resolve(".migsafe/index"));
    assertThat(sync()).isEqualTo(new CatalogIndex.Sync(index, SOME.size(), 0, 0, "no index yet"));
    assertThat(sync()).isEqualTo(new CatalogIndex.Sync(index, 0, 0, 0, null));

    Path currency = catalog.resolve("migrations/2026-03-orders-currency.yaml");
    Files.writeString(currency, Files.readString(currency).replace("Orders get a currency column",
        "Orders get a currency"));
    Files.delete(catalog.resolve("migrations/2025-11-logistics-shipments-status-enum.yaml"));
    Path broken = catalog.resolve("migrations/2026-01-orders-order-items-fk-direct.yaml");
    Files.writeString(broken, Files.readString(broken).replace("team: team-orders", "team: [x"));
    assertThat(sync()).isEqualTo(new CatalogIndex.Sync(index, 0, 1, 2, null));
  }

  @Test
  void anIncrementallyUpdatedIndexScoresLikeAFreshOne() throws IOException {
    sync();
    Path refunds = catalog.resolve("migrations/2025-10-payments-refunds-amount-bigint.yaml");
    Files.writeString(refunds, Files.readString(refunds).replace("KRW", "KRW and JPY"));
    Files.delete(catalog.resolve("migrations/2026-05-orders-customer-email-copy.yaml"));
    sync();
    for (String q : List.of("set not null on a big table", "int to bigint on refunds",
        "foreign key on order items")) {
      assertThat(ranking(index, q)).as(q).isEqualTo(ranking(null, q)).isNotEmpty();
    }
  }

  @Test
  void aCorruptIndexIsReplacedByANewGeneration() throws IOException {
    sync();
    Path g1 = index.resolve("g1");
    Path biggest;
    try (Stream<Path> s = Files.list(g1)) {
      biggest = s.filter(p -> !p.getFileName().toString().equals("write.lock"))
          .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(biggest.toFile(), "rw")) {
      long at = f.length() / 2;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0xff);
    }
    CatalogIndex.Sync s = sync();
    assertThat(s.rebuildReason()).startsWith("unusable index");
    assertThat(s.added()).isEqualTo(SOME.size());
    assertThat(Files.readString(index.resolve("CURRENT")).strip()).isEqualTo("g2");
    assertThat(g1).doesNotExist();
    assertThat(ranking(index, "set not null")).isEqualTo(ranking(null, "set not null"));
  }

  @Test
  void aPartialIndexIsReplacedAndAKilledWritersLeftoversAreIgnored() throws IOException {
    sync();
    Path g1 = index.resolve("g1");
    // What a killed writer leaves: an orphan segment file, an unfinished commit, a stale lock.
    Files.write(g1.resolve("_zz.cfs"), new byte[] {1, 2, 3});
    Files.write(g1.resolve("pending_segments_9"), new byte[] {4, 5});
    Files.write(g1.resolve("write.lock"), new byte[0]);
    assertThat(sync().rebuildReason()).isNull();
    assertThat(ranking(index, "bigint")).isEqualTo(ranking(null, "bigint"));

    // A copy that lost its commit point is not an index.
    try (Stream<Path> s = Files.list(g1)) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
        Files.delete(p);
      }
    }
    CatalogIndex.Sync s = sync();
    assertThat(s.rebuildReason()).startsWith("unusable index");
    assertThat(s.added()).isEqualTo(SOME.size());
  }

  @Test
  void aCurrentPointerOutsideTheIndexOrAnOlderFormatStartsAFreshGeneration() throws IOException {
    sync();
    Files.writeString(index.resolve("CURRENT"), "../../etc\n");
    assertThat(sync().rebuildReason()).isEqualTo("no index yet");
    assertThat(Files.readString(index.resolve("CURRENT")).strip()).isEqualTo("g2");
  }

  @Test
  void theShippedCatalogIndexesIntoTheCacheDirectory() {
    String old = System.getProperty(IndexLocation.CACHE_PROPERTY);
    System.setProperty(IndexLocation.CACHE_PROPERTY, dir.resolve("cache").toString());
    try {
      assertThat(IndexLocation.of(CatalogLocation.shipped()))
          .isEqualTo(dir.resolve("cache/index/shipped"));
    } finally {
      if (old == null) {
        System.clearProperty(IndexLocation.CACHE_PROPERTY);
      } else {
        System.setProperty(IndexLocation.CACHE_PROPERTY, old);
      }
    }
  }

  @Test
  void anInMemoryIndexWorksWhenNothingCanBeWritten() {
    LoadedCatalog c = load();
    CatalogIndex i = CatalogIndex.open(c, null);
    try {
      assertThat(i.sync().rebuildReason()).isEqualTo("in memory");
      assertThat(((LuceneMigrationSearch) i.search()).size()).isEqualTo(SOME.size());
      List<SimilarMigration> hits = SimilarMigrations.rank(i.search(), c.catalog(),
          SimilarMigrations.read(SimilarQuery.text("set not null"), c.catalog()), 3);
      assertThat(hits).isNotEmpty();
    } finally {
      i.search().close();
    }
  }
}
