package dev.migsafe.bench;

import dev.migsafe.api.Catalog;
import dev.migsafe.api.ReliabilityReport;
import dev.migsafe.api.ReportPeriod;
import dev.migsafe.api.ReportQuery;
import dev.migsafe.internal.catalog.CatalogLoader;
import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.render.ReportJsonRenderer;
import dev.migsafe.internal.report.ReliabilityReporter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * 50 teams (fixed seed). Measures loading the YAML catalog, computing the figures of a quarter
 * with its trend and team breakdown, and rendering the JSON. Target (issue 5): a whole-process
 * report over 100,000 records in under 3 s; the whole-process figure is taken with the
 * generator below and a shell loop (docs/performance.md, "Report").
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar:target/migsafe.jar dev.migsafe.bench.ReportBench \
 *     generate /tmp/catalog-100k 100000
 * </pre>
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

  /** Reading and validating every YAML record: the part that grows with the catalog. */
  @Benchmark
  public Catalog loadCatalog(OnDisk s) {
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
   * {@code phases DIR}: one cold run, then where a report's time goes: reading the files'
   * bytes alone, loading (reading, parsing and validating the YAML), computing, rendering.
   */
  static void phases(Path dir) throws IOException {
    for (int run = 1; run <= 3; run++) {
      long t0 = System.nanoTime();
      long bytes = 0;
      for (Path p : new CatalogLocation(dir).files(CatalogLocation.MIGRATIONS)) {
        bytes += Files.readAllBytes(p).length;
      }
      long t1 = System.nanoTime();
      Catalog catalog = CatalogLoader.load(new CatalogLocation(dir)).catalog();
      long t2 = System.nanoTime();
      ReliabilityReport report = ReliabilityReporter.report(catalog, QUERY);
      long t3 = System.nanoTime();
      String json = ReportJsonRenderer.render(report);
      long t4 = System.nanoTime();
      System.out.printf("run %d: %d records (%d MB): list+read bytes %d ms, load YAML %d ms,"
          + " compute %d ms, render json %d ms (%d KB)%n", run, catalog.migrations().size(),
          bytes >> 20, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3),
          json.length() >> 10);
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
