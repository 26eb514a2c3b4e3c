package dev.migsafe.internal.rehearse;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to rehearse.
 *
 * @param scale rows per table at most (the packet's row count when smaller)
 * @param dataFile the team's own sample data instead of synthetic rows, or null
 * @param maxPause the longest pause between backfill batches: the packet's pause is for
 *     production, where batches take longer
 * @param workload whether to run the background workload at all
 */
public record RehearsalOptions(long scale, Path dataFile, Duration maxPause, boolean workload) {
  public static RehearsalOptions defaults() {
    return new RehearsalOptions(dev.migsafe.api.RehearseOptions.DEFAULT_SCALE, null,
        Duration.ofMillis(50), true);
  }
}
