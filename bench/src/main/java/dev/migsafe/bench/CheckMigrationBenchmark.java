package dev.migsafe.bench;

import dev.migsafe.Migsafe;
import dev.migsafe.api.CheckRequest;
import dev.migsafe.api.MigrationCheck;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link Migsafe#checkMigration} of a one-step column rename proposed for the shipped
 * example {@code examples/plan-rename-column} (PostgreSQL 15), in a warm JVM, as the MCP
 * server's {@code check_migration} answers it: lint of up and down, the names, an embedded
 * server started, loaded with the current schema and 200 rows per table, up, the target built
 * and compared, down and its comparison, the invariants, and the server stopped again.
 * Run from the repository root: {@code bench/jmh CheckMigrationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class CheckMigrationBenchmark {
  private Migsafe migsafe;
  private CheckRequest request;

  @Setup
  public void setUp() {
    migsafe = Migsafe.builder().build();
    request = new CheckRequest(Path.of("examples/plan-rename-column/packet.yaml"),
        "SET lock_timeout = '2s';\n"
            + "ALTER TABLE payments RENAME COLUMN psp_reference TO provider_reference;\n",
        "SET lock_timeout = '2s';\n"
            + "ALTER TABLE payments RENAME COLUMN provider_reference TO psp_reference;\n");
  }

  @Benchmark
  public MigrationCheck check() {
    return migsafe.checkMigration(request, line -> { });
  }
}
