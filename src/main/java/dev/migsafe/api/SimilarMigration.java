package dev.migsafe.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A past migration that resembles the query, with what happened to it.
 *
 * @param score higher is more similar; comparable only within one result list
 * @param status the outcome status: success, incident, rolled-back, aborted
 * @param outcome the outcome in one line: status, incidents, rollback, overrun, hotfixes
 * @param lesson the first paragraph of the recorded lessons, or empty
 * @param reasons why it matched, one short phrase each (shared change kinds, same table, same
 *     lock, words in common)
 */
public record SimilarMigration(
    String id,
    double score,
    String title,
    String team,
    LocalDate date,
    String dialect,
    String engineVersion,
    String status,
    String outcome,
    String lesson,
    List<String> reasons) {

  public SimilarMigration {
    reasons = List.copyOf(reasons);
  }

  /** The reasons in one line. */
  public String why() {
    return String.join("; ", reasons);
  }
}
