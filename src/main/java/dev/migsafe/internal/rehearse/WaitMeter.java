package dev.migsafe.internal.rehearse;

/** The longest time any background workload query waited during an interval. */
@FunctionalInterface
interface WaitMeter {
  WaitMeter NONE = (from, to) -> 0;

  long maxWaitMillis(long fromNanos, long toNanos);
}
