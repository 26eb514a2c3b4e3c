package dev.migsafe.internal.similar;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A query as the search engine sees it: the features to share and the words to find.
 *
 * @param features what the new migration does
 * @param terms analysed terms (see {@link TextAnalysis}) mapped to the words they came from
 * @param structural false for the text-only BM25 baseline, which ignores {@code features}
 */
public record SimilarityQuery(MigrationFeatures features, Map<String, String> terms,
    boolean structural) {

  public SimilarityQuery {
    // Insertion order is the order of the words in the query; explanations rely on it.
    terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
  }

  public SimilarityQuery textOnly() {
    return new SimilarityQuery(features, terms, false);
  }

  public boolean isEmpty() {
    return terms.isEmpty() && (!structural || features.isEmpty());
  }
}
