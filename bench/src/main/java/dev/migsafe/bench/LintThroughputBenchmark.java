package dev.migsafe.bench;

import dev.migsafe.Migsafe;
import dev.migsafe.api.LintResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Statements per second through {@link Migsafe#lint(String, String)}, in process, on a
 * realistic mix ({@link MigrationMix}). One invocation lints a batch of migrations that holds
 * exactly {@value #STATEMENTS} statements, so the score is statements per second. Each
 * migration is linted on its own, as the CLI lints one file: split, parse, replay the schema,
 * derive lock facts, fire the rule base, apply suppressions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// C2 needs 15-20 s on two cores to compile JSqlParser's parser before the score settles.
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class LintThroughputBenchmark {
  static final int STATEMENTS = 1000;

  private Migsafe migsafe;
  private List<MigrationMix.Migration> batch;

  @Setup
  public void setUp() {
    migsafe = Migsafe.builder().build();
    batch = new MigrationMix(42).withStatements(STATEMENTS);
    int total = batch.stream().mapToInt(MigrationMix.Migration::statements).sum();
    if (total != STATEMENTS) {
      throw new IllegalStateException("batch holds " + total + " statements");
    }
    // Every statement must be read as a statement: the count in the score must be what
    // migsafe counts.
    int linted = 0;
    for (MigrationMix.Migration m : batch) {
      linted += migsafe.lint(m.fileName(), m.sql()).files().get(0).statements().size();
    }
    if (linted != STATEMENTS) {
      throw new IllegalStateException("migsafe read " + linted + " statements, not " + STATEMENTS);
    }
  }

  /** With the JVM's default collector (G1 on this machine). */
  @Benchmark
  @OperationsPerInvocation(STATEMENTS)
  public void lintMix(Blackhole bh) {
    lintBatch(bh);
  }

  /**
   * With the serial collector, as the launcher runs the CLI. JSqlParser allocates about 30 KB
   * per parser, so on two cores G1's concurrent work competes with the linting thread.
   */
  @Benchmark
  @OperationsPerInvocation(STATEMENTS)
  @Fork(value = 2, jvmArgsAppend = "-XX:+UseSerialGC")
  public void lintMixSerialGc(Blackhole bh) {
    lintBatch(bh);
  }

  private void lintBatch(Blackhole bh) {
    for (MigrationMix.Migration m : batch) {
      LintResult r = migsafe.lint(m.fileName(), m.sql());
      bh.consume(r);
    }
  }
}
