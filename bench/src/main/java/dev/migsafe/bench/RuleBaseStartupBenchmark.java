package dev.migsafe.bench;

import dev.migsafe.internal.rules.RuleBase;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What making the rule base costs once, cold, in a fresh JVM (one shot per fork, as the CLI
 * pays it at every start): loading the executable model generated at build time, against
 * compiling the DRL at run time, which the CLI did before.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class RuleBaseStartupBenchmark {

  @Benchmark
  public RuleBase executableModel() {
    RuleBase rb = RuleBase.fromBuildModel();
    if (rb == null) {
      throw new IllegalStateException("no executable model in the jar");
    }
    return rb;
  }

  @Benchmark
  public RuleBase drlCompiledAtStart() {
    return RuleBase.load(RuleBase.drlResources());
  }
}
