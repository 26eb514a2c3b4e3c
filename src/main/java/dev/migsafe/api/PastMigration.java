package dev.migsafe.api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One past migration of the catalog ({@code kind: PastMigration}, docs/catalog.md): what ran, on
 * which tables, and what happened. Optional fields are null (or empty collections) when absent.
 *
 * @param id {@code [a-z0-9][a-z0-9._-]{0,79}}, equal to the file name without {@code .yaml}
 * @param engineVersion the server's version as written, e.g. {@code "14"} or {@code "8.0"}
 * @param date the day it started in production; decides its quarter in reports
 * @param tables tables it touched
 * @param changes change kinds, the vocabulary of {@code plan}'s {@code changes[].kind}
 * @param sql the statements as they ran, or null
 * @param tableRows rows per table at the time, in the order the record lists them
 * @param plannedWindow the window it was planned for, or null
 * @param actualDuration how long it really took, or null
 * @param rollback what existed to undo it, or null when not recorded
 */
public record PastMigration(
    String id,
    String title,
    String team,
    String dialect,
    String engineVersion,
    LocalDate date,
    String summary,
    List<String> tables,
    List<String> changes,
    String sql,
    Map<String, Long> tableRows,
    Duration plannedWindow,
    Duration actualDuration,
    Rollback rollback,
    Outcome outcome,
    String lessons) {

  public PastMigration {
    tables = tables == null ? List.of() : List.copyOf(tables);
    changes = changes == null ? List.of() : List.copyOf(changes);
    tableRows = tableRows == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(tableRows));
  }

  /** True when both durations are known and the migration took longer than planned. */
  public boolean overran() {
    return plannedWindow != null && actualDuration != null
        && actualDuration.compareTo(plannedWindow) > 0;
  }

  /**
   * What existed to undo the migration.
   *
   * @param planned a rollback or forward-fix plan existed before it ran
   * @param tested that plan was rehearsed before production
   * @param executed it had to be used
   */
  public record Rollback(boolean planned, boolean tested, boolean executed) {}

  /**
   * What happened.
   *
   * @param status {@code success}, {@code incident}, {@code rolled-back} or {@code aborted}
   * @param incidents each production incident the migration caused
   * @param integrityDefects data-integrity defects found afterwards
   * @param hotfixes emergency fixes shipped because of it
   */
  public record Outcome(String status, List<Incident> incidents, int integrityDefects,
      List<Hotfix> hotfixes) {
    public Outcome {
      incidents = incidents == null ? List.of() : List.copyOf(incidents);
      hotfixes = hotfixes == null ? List.of() : List.copyOf(hotfixes);
    }
  }

  /**
   * A production incident.
   *
   * @param severity e.g. {@code sev2}
   * @param cause a free word, e.g. {@code lock-contention}
   * @param minutes how long it lasted
   */
  public record Incident(String severity, String cause, int minutes, String description) {}

  /**
   * An emergency fix; {@code cause: schema-drift} counts in the reliability report.
   */
  public record Hotfix(String cause, LocalDate date, String description) {}
}
