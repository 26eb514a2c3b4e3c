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
 * @param allowPrivilegedRole rehearse on staging even as a role that is a superuser, has
 *     CREATEROLE or may run programs or touch files on the server (docs/security.md)
 */
public record RehearseOptions(long scale, Path data, Path pgBinaries, boolean workload,
    Path throughputModel, Path recipes, String jdbcUrl, String user,
    boolean allowPrivilegedRole) {
  public static final long DEFAULT_SCALE = 100_000;
  /**
   * The most synthetic rows per table: about 1 GB of a narrow table. More is a load test,
   * not a rehearsal, and would fill a CI machine's disk; bring such data with {@code --data}.
   */
  public static final long MAX_SCALE = 5_000_000;

  /** Options without the privileged-role override, as before it existed. */
  public RehearseOptions(long scale, Path data, Path pgBinaries, boolean workload,
      Path throughputModel, Path recipes, String jdbcUrl, String user) {
    this(scale, data, pgBinaries, workload, throughputModel, recipes, jdbcUrl, user, false);
  }

  public static RehearseOptions defaults() {
    return new RehearseOptions(DEFAULT_SCALE, null, null, true, null, null, null, null, false);
  }

  public RehearseOptions withScale(long rows) {
    return new RehearseOptions(rows, data, pgBinaries, workload, throughputModel, recipes,
        jdbcUrl, user, allowPrivilegedRole);
  }

  public RehearseOptions withData(Path file) {
    return new RehearseOptions(scale, file, pgBinaries, workload, throughputModel, recipes,
        jdbcUrl, user, allowPrivilegedRole);
  }
}
