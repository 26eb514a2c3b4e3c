package dev.migsafe.api;

import java.nio.file.Path;

/**
 * Options of a rehearsal.
 *
 * @param scale synthetic rows per table at most (fewer when the packet's row count is smaller)
 * @param data the team's own sample data (a SQL file) instead of synthetic rows, or null
 * @param pgBinaries the embedded server's binaries jar, or null to find it in the local Maven
 *     repository, the user cache or Maven Central
 * @param workload whether a background workload runs during the steps
 * @param throughputModel the plan's throughput model, or null
 * @param recipes the team's own recipes replacing shipped ones of the same id, or null
 * @param jdbcUrl a staging server to rehearse on in a scratch database, or null for an embedded
 *     server; the password comes from {@code PGPASSWORD} or a console prompt, never from here
 * @param user the staging server's user, or null
 */
public record RehearseOptions(long scale, Path data, Path pgBinaries, boolean workload,
    Path throughputModel, Path recipes, String jdbcUrl, String user) {
  public static final long DEFAULT_SCALE = 100_000;

  public static RehearseOptions defaults() {
    return new RehearseOptions(DEFAULT_SCALE, null, null, true, null, null, null, null);
  }

  public RehearseOptions withScale(long rows) {
    return new RehearseOptions(rows, data, pgBinaries, workload, throughputModel, recipes,
        jdbcUrl, user);
  }

  public RehearseOptions withData(Path file) {
    return new RehearseOptions(scale, file, pgBinaries, workload, throughputModel, recipes,
        jdbcUrl, user);
  }
}
