package dev.migsafe.similar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Catalog;
import dev.migsafe.api.SimilarMigration;
import dev.migsafe.api.SimilarQuery;
import dev.migsafe.internal.catalog.CatalogLoader;
import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.catalog.LoadedCatalog;
import dev.migsafe.internal.similar.CatalogIndex;
import dev.migsafe.internal.similar.SimilarMigrationSearch;
import dev.migsafe.internal.similar.SimilarMigrations;
import dev.migsafe.internal.similar.SimilarityQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Search quality on the labelled queries of {@code src/test/resources/search-eval}: recall@5
 * and nDCG@5 of the structural + text ranking against a text-only BM25 baseline over the same
 * index. Writes the table to {@code target/search-quality.md} (copied into
 * docs/search-quality.md) and fails if the structural ranking stops beating the baseline or
 * falls below the recorded figures.
 */
class SearchQualityTest {
  static final Path EVAL = Path.of("src/test/resources/search-eval");
  static final int K = 5;

  record Labelled(String id, SimilarQuery query, Map<String, Integer> relevant) {}

  record Scores(double recall, double ndcg, boolean firstRight) {}

  @Test
  void structuralRankingBeatsTextOnlyBm25() throws IOException {
    LoadedCatalog loaded = CatalogLoader.load(new CatalogLocation(Path.of("catalog")));
    Catalog catalog = loaded.catalog();
    List<Labelled> queries = queries();
    assertThat(queries).hasSizeGreaterThanOrEqualTo(20);
    StringBuilder table = new StringBuilder(
        "| query | recall@5 structural | nDCG@5 structural | recall@5 text-only | nDCG@5 "
            + "text-only |\n|---|---|---|---|---|\n");
    double[] sum = new double[4];
    int[] first = new int[2];
    try (SimilarMigrationSearch search = CatalogIndex.open(loaded, null).search()) {
      for (Labelled l : queries) {
        assertThat(l.relevant().keySet()).as(l.id())
            .allMatch(id -> catalog.migration(id).isPresent());
        SimilarityQuery q = SimilarMigrations.read(l.query(), catalog);
        Scores s = score(SimilarMigrations.rank(search, catalog, q, K), l.relevant());
        Scores t = score(SimilarMigrations.rank(search, catalog, q.textOnly(), K), l.relevant());
        sum[0] += s.recall();
        sum[1] += s.ndcg();
        sum[2] += t.recall();
        sum[3] += t.ndcg();
        first[0] += s.firstRight() ? 1 : 0;
        first[1] += t.firstRight() ? 1 : 0;
        table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", l.id(),
            s.recall(), s.ndcg(), t.recall(), t.ndcg()));
      }
    }
    int n = queries.size();
    table.append(String.format(Locale.ROOT, "| **mean of %d** | **%.3f** | **%.3f** | **%.3f** "
        + "| **%.3f** |%n", n, sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n));
    table.append(String.format(Locale.ROOT, "%nA record labelled 2 ranked first: structural %d "
        + "of %d, text-only %d of %d.%n", first[0], n, first[1], n));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/search-quality.md"), table.toString());
    System.out.print(table);
    assertThat(sum[1] / n).as("nDCG@5 structural vs text-only").isGreaterThan(sum[3] / n);
    assertThat(sum[0] / n).as("recall@5 structural vs text-only").isGreaterThanOrEqualTo(sum[2] / n);
    // The figures in docs/search-quality.md, with a little room for catalog growth.
    assertThat(sum[1] / n).as("nDCG@5 structural").isGreaterThanOrEqualTo(0.80);
    assertThat(sum[0] / n).as("recall@5 structural").isGreaterThanOrEqualTo(0.85);
  }

  /** Recall@k over the labelled records; nDCG@k with gains 2^grade - 1. */
  static Scores score(List<SimilarMigration> ranked, Map<String, Integer> relevant) {
    double dcg = 0;
    int found = 0;
    for (int i = 0; i < ranked.size() && i < K; i++) {
      Integer g = relevant.get(ranked.get(i).id());
      if (g != null) {
        found++;
        dcg += (Math.pow(2, g) - 1) / log2(i + 2);
      }
    }
    List<Integer> ideal = new ArrayList<>(relevant.values());
    ideal.sort(Comparator.reverseOrder());
    double idcg = 0;
    for (int i = 0; i < ideal.size() && i < K; i++) {
      idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
    }
    boolean firstRight = !ranked.isEmpty() && relevant.getOrDefault(ranked.get(0).id(), 0) == 2;
    return new Scores((double) found / Math.min(K, relevant.size()), dcg / idcg, firstRight);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @SuppressWarnings("unchecked")
  static List<Labelled> queries() throws IOException {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Map<String, Object>> raw = yaml.load(Files.readString(EVAL.resolve("queries.yaml")));
    List<Labelled> out = new ArrayList<>();
    for (Map<String, Object> q : raw) {
      SimilarQuery query = new SimilarQuery((String) q.get("text"), (String) q.get("sql"),
          q.get("packet") == null ? null : EVAL.resolve((String) q.get("packet")), null,
          (String) q.get("engineVersion"));
      out.add(new Labelled((String) q.get("id"), query,
          (Map<String, Integer>) q.get("relevant")));
    }
    return out;
  }
}
