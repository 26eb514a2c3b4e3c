package dev.migsafe.bench;

import dev.migsafe.Migsafe;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
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
 * One {@link Migsafe#plan} of the 60-change packet that {@code bench/plan-packet.sh} writes (10
 * large, hot tables: a rename, a type change, NOT NULL, a widened varchar, a new column with a
 * default and an index each), in a warm JVM: what a long-lived caller (an MCP server, a CI
 * service) pays per plan, next to the whole-process figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanBenchmark {
  private Migsafe migsafe;
  private Path packet;
  private PlanOptions options;

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("migsafe-plan-bench");
    Files.createDirectories(dir.resolve("schema"));
    StringBuilder current = new StringBuilder();
    StringBuilder target = new StringBuilder();
    StringBuilder renames = new StringBuilder();
    StringBuilder tables = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      current.append("CREATE TABLE t").append(i).append(" (id bigint PRIMARY KEY, a text, "
          + "b integer, c varchar(20), d text, e integer);\n");
      target.append("CREATE TABLE t").append(i).append(" (id bigint PRIMARY KEY, a text NOT "
          + "NULL, b bigint, c varchar(40), d2 text, e integer, f text DEFAULT 'x');\n")
          .append("CREATE INDEX t").append(i).append("_e_idx ON t").append(i).append(" (e);\n");
      renames.append("  - {table: t").append(i).append(", from: d, to: d2}\n");
      tables.append("  t").append(i).append(": {rows: 5000000, sizeGb: 4, writesPerSecond: 200}\n");
    }
    Files.writeString(dir.resolve("schema/current.sql"), current);
    Files.writeString(dir.resolve("schema/target.sql"), target);
    Files.writeString(dir.resolve("packet.yaml"), "apiVersion: migsafe/v1\nkind: MigrationPacket\n"
        + "id: sixty-changes\nowner: team-bench\ndialect: postgresql\nengineVersion: \"16\"\n"
        + "schema: {current: schema/current.sql, target: schema/target.sql}\nrenames:\n"
        + renames + "tables:\n" + tables);
    packet = dir.resolve("packet.yaml");
    migsafe = Migsafe.builder().build();
    options = new PlanOptions(LocalDateTime.parse("2026-12-07T09:00"), null);
    Plan p = migsafe.plan(packet, options);
    if (p.changes().size() != 60) {
      throw new IllegalStateException("the packet gives " + p.changes().size() + " changes");
    }
  }

  @Benchmark
  public Plan plan() {
    return migsafe.plan(packet, options);
  }
}
