package dev.migsafe.api;

import java.util.List;
import java.util.Set;

/**
 * A validation query template of the catalog ({@code kind: ValidationTemplate}, docs/catalog.md).
 * {@code {{name}}} in {@link #sql} is a placeholder for an identifier, always inserted as a
 * quoted identifier; {@code {{'name'}}} is the same value inserted as a quoted string literal,
 * for comparisons with catalog tables such as {@code information_schema.columns}.
 *
 * @param appliesTo the change kinds it checks
 * @param phase {@code before}, {@code after-backfill}, {@code after-cutover} or {@code always}
 * @param expect the result the query must return
 * @param dialects the dialects its SQL is written for; empty means every dialect
 * @param checks what it proves, or null when it is none of the {@link CheckKind}s
 * @param columnTypes the types its placeholders need; empty means any type
 */
public record ValidationTemplate(
    String id,
    List<String> appliesTo,
    String phase,
    String description,
    String sql,
    long expect,
    List<String> dialects,
    CheckKind checks,
    List<TypeRule> columnTypes) {

  public ValidationTemplate {
    appliesTo = List.copyOf(appliesTo);
    dialects = dialects == null ? List.of() : List.copyOf(dialects);
    columnTypes = columnTypes == null ? List.of() : List.copyOf(columnTypes);
  }

  /** A template without a kind or type rules, as before {@code checks} and {@code columnTypes}. */
  public ValidationTemplate(String id, List<String> appliesTo, String phase, String description,
      String sql, long expect, List<String> dialects) {
    this(id, appliesTo, phase, description, sql, expect, dialects, null, List.of());
  }

  /** Whether the template's SQL is written for the dialect. */
  public boolean supports(String dialect) {
    return dialects.isEmpty() || dialects.contains(dialect);
  }

  /**
   * The types one placeholder may stand for, from {@code columnTypes:}: a column placeholder
   * ({@code column}, {@code newColumn}, ...) names a column whose type, at the moment the
   * validation runs, must be in one of {@code categories} or be one of {@code types}; the key
   * {@code dataType} constrains the change's target type the same way.
   *
   * @param types exact types in canonical spelling, e.g. {@code integer}, {@code smallint}
   */
  public record TypeRule(String placeholder, Set<TypeCategory> categories, Set<String> types) {
    public TypeRule {
      categories = Set.copyOf(categories);
      types = Set.copyOf(types);
    }
  }
}
