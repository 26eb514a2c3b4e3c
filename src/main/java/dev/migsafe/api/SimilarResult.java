package dev.migsafe.api;

import java.util.List;

/**
 * The answer to a {@link SimilarQuery}: matches best first, and the catalog files skipped
 * because they are malformed (they could not be searched).
 */
public record SimilarResult(List<SimilarMigration> results, List<SkippedRecord> skipped) {
  public SimilarResult {
    results = List.copyOf(results);
    skipped = List.copyOf(skipped);
  }
}
