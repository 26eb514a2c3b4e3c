package dev.migsafe.api;

import java.util.List;

/**
 * A validation query template of the catalog ({@code kind: ValidationTemplate}, catalog-v1.md).
 * {@code {{name}}} in {@link #sql} is a placeholder for an identifier, always inserted as a
 * quoted identifier; {@code {{'name'}}} is the same value inserted as a quoted string literal,
 * for comparisons with catalog tables such as {@code information_schema.columns}.
 *
 * @param appliesTo the change kinds it checks
 * @param phase {@code before}, {@code after-backfill}, {@code after-cutover} or {@code always}
 * @param expect the result the query must return
 * @param dialects the dialects its SQL is written for; empty means every dialect
 */
public record ValidationTemplate(
    String id,
    List<String> appliesTo,
    String phase,
    String description,
    String sql,
    long expect,
    List<String> dialects) {

  public ValidationTemplate {
    appliesTo = List.copyOf(appliesTo);
    dialects = dialects == null ? List.of() : List.copyOf(dialects);
  }

  /** Whether the template's SQL is written for the dialect. */
  public boolean supports(String dialect) {
    return dialects.isEmpty() || dialects.contains(dialect);
  }
}
