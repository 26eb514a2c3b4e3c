package dev.migsafe.api;

import java.util.List;

/**
 * The answer to a {@link SimilarQuery}: matches best first, and the catalog files skipped
 * because they are malformed (they could not be searched).
 *
 * @param catalogSource whose history the matches come from: {@link CatalogSource#SAMPLE} means
 *     migsafe's sample records, which output must never present as the team's
 * @param warnings the catalog's warnings ({@link Catalog#warnings()}): records searched, but
 *     to be written differently
 */
public record SimilarResult(List<SimilarMigration> results, List<SkippedRecord> skipped,
    CatalogSource catalogSource, List<String> warnings) {
  public SimilarResult {
    results = List.copyOf(results);
    skipped = List.copyOf(skipped);
    java.util.Objects.requireNonNull(catalogSource, "catalogSource");
    warnings = List.copyOf(warnings);
  }

  /** An answer without warnings, as before {@code warnings} existed. */
  public SimilarResult(List<SimilarMigration> results, List<SkippedRecord> skipped,
      CatalogSource catalogSource) {
    this(results, skipped, catalogSource, List.of());
  }

  /** An answer from a catalog the caller chose, as before {@code catalogSource} existed. */
  public SimilarResult(List<SimilarMigration> results, List<SkippedRecord> skipped) {
    this(results, skipped, CatalogSource.EXPLICIT);
  }
}
