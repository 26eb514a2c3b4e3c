package dev.migsafe.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A past migration that resembles the query, with what happened to it.
 *
 * @param score the search engine's score: higher is more similar, comparable only within one
 *     result list (its scale depends on the query and the catalog)
 * @param status the outcome status: success, incident, rolled-back, aborted
 * @param outcome the outcome in one line: status, incidents, rollback, overrun, hotfixes
 * @param lesson the first paragraph of the recorded lessons, or empty
 * @param reasons why it matched, one short phrase each (shared change kinds, same table, same
 *     lock, words in common)
 * @param strength how close the match is, in terms that mean the same in every answer
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
    List<String> reasons,
    MatchStrength strength) {

  public SimilarMigration {
    reasons = List.copyOf(reasons);
    java.util.Objects.requireNonNull(strength, "strength");
  }

  /** A match without a strength, as before {@code strength} existed: weak, claiming nothing. */
  public SimilarMigration(String id, double score, String title, String team, LocalDate date,
      String dialect, String engineVersion, String status, String outcome, String lesson,
      List<String> reasons) {
    this(id, score, title, team, date, dialect, engineVersion, status, outcome, lesson, reasons,
        MatchStrength.WEAK);
  }

  /** The reasons in one line. */
  public String why() {
    return String.join("; ", reasons);
  }
}
