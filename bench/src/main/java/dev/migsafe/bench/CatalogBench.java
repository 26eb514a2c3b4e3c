package dev.migsafe.bench;

import dev.migsafe.api.PastMigration;
import dev.migsafe.internal.similar.LuceneMigrationSearch;
import dev.migsafe.internal.similar.MigrationDocument;
import dev.migsafe.internal.similar.SearchHit;
import dev.migsafe.internal.similar.SimilarityQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The catalog index at organisation scale: 100,000 synthetic records indexed into a fresh
 * on-disk index, 1,000 mixed queries against it, the index opened (with its checksum
 * verification), and for comparison the cost of describing records from their SQL. Targets
 * (issue 4): indexing at least 20,000 records/s, query p50 at most 5 ms and p99 at most 25 ms,
 * opening at most 200 ms.
 */
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class CatalogBench {
  static final int RECORDS = 100_000;
  static final int QUERIES = 1_000;

  /** The records, described, ready to index. */
  @State(Scope.Benchmark)
  public static class Records {
    List<MigrationDocument> documents;
    SyntheticCatalog catalog;

    @Setup(Level.Trial)
    public void make() {
      catalog = new SyntheticCatalog();
      documents = catalog.documents(RECORDS);
    }
  }

  /** A built index of the records and the queries to run against it. */
  @State(Scope.Benchmark)
  public static class Built {
    Path home;
    LuceneMigrationSearch search;
    List<SimilarityQuery> queries;
    int next;

    @Setup(Level.Trial)
    public void build(Records records) throws IOException {
      home = Files.createTempDirectory("migsafe-bench-index");
      try (LuceneMigrationSearch s = LuceneMigrationSearch.open(home)) {
        s.apply(records.documents, List.of());
      }
      search = LuceneMigrationSearch.open(home);
      queries = records.catalog.queries(QUERIES);
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
      search.close();
      delete(home);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public int index100kRecords(Records records) throws IOException {
    Path dir = Files.createTempDirectory("migsafe-bench-build");
    try (LuceneMigrationSearch s = LuceneMigrationSearch.open(dir)) {
      s.apply(records.documents, List.of());
      return s.size();
    } finally {
      delete(dir);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2, time = 5)
  @Measurement(iterations = 3, time = 10)
  public List<SearchHit> query(Built built) {
    SimilarityQuery q = built.queries.get(built.next++ % QUERIES);
    return built.search.search(q, 5);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 10)
  public int openIndex(Built built) throws IOException {
    try (LuceneMigrationSearch s = LuceneMigrationSearch.open(built.home)) {
      return s.size();
    }
  }

  /** Describing records from their SQL with the lint analysis, 2,000 records per shot. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 3)
  public int describe2kRecordsFromSql(Records records) {
    int n = 0;
    for (PastMigration m : records.catalog.recordsWithSql(2_000)) {
      n += MigrationDocument.of(m, "h").features().changes().size();
    }
    return n;
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
