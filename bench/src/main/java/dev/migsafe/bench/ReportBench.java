package dev.migsafe.bench;

import dev.migsafe.api.Catalog;
import dev.migsafe.api.ReliabilityReport;
import dev.migsafe.api.ReportPeriod;
import dev.migsafe.api.ReportQuery;
import dev.migsafe.internal.catalog.CatalogLoader;
import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.catalog.FileStamp;
import dev.migsafe.internal.catalog.PastMigrationFolder;
import dev.migsafe.internal.catalog.RecordCache;
import dev.migsafe.internal.render.ReportJsonRenderer;
import dev.migsafe.internal.report.ReliabilityReporter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code report} at organisation scale: 100,000 synthetic past migrations over seven years and
 * 50 teams (fixed seed). Measures loading the catalog cold (every YAML file parsed, the record
 * cache written) and warm (from the record cache), computing the figures of a quarter with its
 * trend and team breakdown, and rendering the JSON. Target (issue 5): a whole-process report
 * over 100,000 records in under 3 s, measured by {@code bench/report-100k.sh} with the
 * generator below (docs/performance.md, "Report").
 */
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ReportBench {
  static final int RECORDS = 100_000;
  static final ReportQuery QUERY = ReportQuery.of(ReportPeriod.quarter("2026-Q3"));

  /** The synthetic catalog on disk and loaded. */
  @State(Scope.Benchmark)
  public static class OnDisk {
    @Param({"100000"})
    int records;
    Path dir;
    Catalog catalog;
    ReliabilityReport report;

    @Setup(Level.Trial)
    public void make() throws IOException {
      dir = Files.createTempDirectory("migsafe-report-bench");
      generate(dir, records);
      catalog = CatalogLoader.load(new CatalogLocation(dir)).catalog();
      report = ReliabilityReporter.report(catalog, QUERY);
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
      try (var s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Before each cold load: no record cache, as on the first run over a catalog. */
  @State(Scope.Benchmark)
  public static class NoCache {
    @Setup(Level.Iteration)
    public void removeCache(OnDisk s) throws IOException {
      Files.deleteIfExists(s.dir.resolve(".migsafe").resolve(RecordCache.FOLDER)
          .resolve(RecordCache.FILE));
    }
  }

  /**
   * Reading, parsing and validating every YAML record on all cores, then writing the record
   * cache: the first run over a catalog.
   */
  @Benchmark
  public Catalog loadCatalogCold(OnDisk s, NoCache none) {
    return CatalogLoader.load(new CatalogLocation(s.dir)).catalog();
  }

  /**
   * Every record from the record cache: one stat per file and the cache file read. The first
   * warm-up iterations re-hash files younger than the cache's racy window.
   */
  @Benchmark
  public Catalog loadCatalogWarm(OnDisk s) {
    return CatalogLoader.load(new CatalogLocation(s.dir)).catalog();
  }

  /** The figures of the quarter, its trend and its teams, from records already loaded. */
  @Benchmark
  @Warmup(iterations = 5)
  @Measurement(iterations = 10)
  public ReliabilityReport computeReport(OnDisk s) {
    return ReliabilityReporter.report(s.catalog, QUERY);
  }

  /** The JSON document, with every id behind every figure. */
  @Benchmark
  @Warmup(iterations = 5)
  @Measurement(iterations = 10)
  public String renderJson(OnDisk s) {
    return ReportJsonRenderer.render(s.report);
  }

  /** {@code generate DIR N}: writes N records to DIR/migrations (for whole-process timing). */
  public static void main(String[] args) throws IOException {
    if (args.length == 3 && args[0].equals("generate")) {
      generate(Path.of(args[1]), Integer.parseInt(args[2]));
    } else if (args.length == 2 && args[0].equals("phases")) {
      phases(Path.of(args[1]));
    } else {
      throw new IllegalArgumentException("usage: ReportBench generate DIR N | phases DIR");
    }
  }

  /**
   * {@code phases DIR}: where a report's time goes, in one JVM: listing and stat-ing the
   * files, reading their bytes alone, loading without a record cache (parsing every file),
   * loading from the cache, computing, rendering. Run 1 is the coldest (class loading, JIT).
   */
  static void phases(Path dir) throws IOException {
    CatalogLocation location = new CatalogLocation(dir);
    Path cache = dir.resolve(".migsafe").resolve(RecordCache.FOLDER);
    // A minute later: files just generated are trusted on their stamp, as they would be.
    Clock later = Clock.offset(Clock.systemUTC(), java.time.Duration.ofMinutes(1));
    for (int run = 1; run <= 3; run++) {
      long t0 = System.nanoTime();
      List<Path> files = location.entries(CatalogLocation.MIGRATIONS);
      files.forEach(FileStamp::of);
      long t1 = System.nanoTime();
      long bytes = 0;
      for (Path p : files) {
        bytes += Files.readAllBytes(p).length;
      }
      long t2 = System.nanoTime();
      PastMigrationFolder.Read parsed = PastMigrationFolder.read(location, RecordCache.none(),
          later);
      long t3 = System.nanoTime();
      Files.deleteIfExists(cache.resolve(RecordCache.FILE));
      PastMigrationFolder.read(location, RecordCache.open(cache), later);
      long t4 = System.nanoTime();
      PastMigrationFolder.Read cached = PastMigrationFolder.read(location,
          RecordCache.open(cache), later);
      long t5 = System.nanoTime();
      Catalog catalog = CatalogLoader.load(location).catalog();
      long t5b = System.nanoTime();
      ReliabilityReport report = ReliabilityReporter.report(catalog, QUERY);
      long t6 = System.nanoTime();
      String json = ReportJsonRenderer.render(report);
      long t7 = System.nanoTime();
      System.out.printf("run %d: %d records (%d MB): list+stat %d ms, read bytes %d ms, "
          + "parse all %d ms, parse all and write cache %d ms, from cache %d ms (%s), "
          + "compute %d ms, render json %d ms (%d KB)%n", run, parsed.migrations().size(),
          bytes >> 20, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4),
          cached.use(), ms(t6 - t5b), ms(t7 - t6), json.length() >> 10);
    }
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  /** N records, dated 2020 to 2026, 50 teams, with every field the figures read. */
  static void generate(Path dir, int n) throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Random random = new Random(5);
    String[] statuses = {"success", "success", "success", "success", "incident", "rolled-back",
        "aborted"};
    for (int i = 0; i < n; i++) {
      int year = 2020 + i % 7;
      int month = 1 + random.nextInt(12);
      int day = 1 + random.nextInt(28);
      String id = String.format("%04d-%02d-team-%02d-%06d", year, month, i % 50, i);
      String status = statuses[random.nextInt(statuses.length)];
      int planned = 10 + random.nextInt(230);
      boolean tested = random.nextInt(3) > 0;
      StringBuilder y = new StringBuilder(700);
      y.append("apiVersion: migsafe/v1\nkind: PastMigration\nid: ").append(id)
          .append("\ntitle: Synthetic migration ").append(i).append(" on table_")
          .append(i % 997).append("\nteam: team-").append(i % 50)
          .append("\ndialect: postgresql\nengineVersion: \"15\"\ndate: ")
          .append(String.format("%04d-%02d-%02d", year, month, day))
          .append("\nsummary: |\n  Added a column to table_").append(i % 997)
          .append(" and backfilled it in batches.\ntables: [table_").append(i % 997)
          .append("]\nchanges: [add-column, backfill]\nplannedWindow: PT").append(planned)
          .append("M\n");
      if (random.nextInt(10) > 0) {
        y.append("actualDuration: PT").append(planned / 2 + random.nextInt(planned * 2))
            .append("M\n");
      }
      y.append("rollback:\n  planned: true\n  tested: ").append(tested)
          .append("\n  executed: ").append(status.equals("rolled-back")).append('\n');
      y.append("outcome:\n  status: ").append(status).append("\n  incidents:");
      int incidents = status.equals("incident") ? 1 + random.nextInt(3) : 0;
      if (incidents == 0) {
        y.append(" []\n");
      } else {
        y.append('\n');
        for (int k = 0; k < incidents; k++) {
          y.append("    - {severity: sev").append(2 + random.nextInt(3))
              .append(", cause: lock-contention, minutes: ").append(1 + random.nextInt(60))
              .append(", description: writes queued behind the lock}\n");
        }
      }
      y.append("  integrityDefects: ").append(random.nextInt(20) == 0 ? 1 : 0).append('\n');
      if (random.nextInt(8) == 0) {
        y.append("  hotfixes:\n    - {cause: ").append(random.nextBoolean() ? "schema-drift"
            : "missing-index").append(", date: ")
            .append(String.format("%04d-%02d-%02d", year, month, day))
            .append(", description: replica differed}\n");
      }
      try (Writer w = Files.newBufferedWriter(migrations.resolve(id + ".yaml"),
          StandardCharsets.UTF_8)) {
        w.write(y.toString());
      }
    }
  }
}
