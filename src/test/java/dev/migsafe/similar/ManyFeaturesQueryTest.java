package dev.migsafe.similar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.similar.LuceneMigrationSearch;
import dev.migsafe.internal.similar.MigrationDocument;
import dev.migsafe.internal.similar.MigrationFeatures;
import dev.migsafe.internal.similar.SearchHit;
import dev.migsafe.internal.similar.SimilarityQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A query with more feature values than Lucene takes clauses (1,024): it runs, values that no
 * record has change no score, and values past the bound still find their records.
 */
class ManyFeaturesQueryTest {
  LuceneMigrationSearch search;

  @BeforeEach
  void indexThreeRecords() {
    search = LuceneMigrationSearch.inMemory();
    search.apply(List.of(
        record("wide", names("t", 3_000)),
        record("two", Set.of("t5", "t2500")),
        record("other", Set.of("invoices"))), List.of());
  }

  @AfterEach
  void close() {
    search.close();
  }

  @Test
  void aQueryWithThousandsOfValuesInEveryFeatureRuns() {
    // A record that has them all, so that none is left out as unknown to the index.
    MigrationFeatures f = new MigrationFeatures(names("change", 3_000), names("statement", 3_000),
        names("lock", 3_000), "ACCESS EXCLUSIVE", names("fact", 3_000), names("t", 3_000),
        "100k-1m", "postgresql", "postgresql-16");
    Map<String, String> words = new LinkedHashMap<>();
    names("w", 500).forEach(w -> words.put(w, w));
    search.apply(List.of(new MigrationDocument("everything", "hash", f, "everything", "",
        String.join(" ", words.keySet()), "")), List.of());
    List<SearchHit> hits = search.search(new SimilarityQuery(f, words, true), 5);
    assertThat(hits).extracting(SearchHit::id).containsExactly("everything", "wide", "two");
  }

  @Test
  void tablesNoRecordHasChangeNoScore() {
    Set<String> many = new TreeSet<>(names("unknown", 3_000));
    many.addAll(Set.of("t5", "t2500"));
    assertThat(scores(many)).isEqualTo(scores(Set.of("t5", "t2500")))
        .containsEntry("two", 2 * 2.5 + 1.5);
  }

  @Test
  void tablesPastTheBoundCountOnceTogether() {
    // All 3,000 are indexed; t5 and t2500 come after the first 128 in name order.
    Map<String, Double> scores = scores(names("t", 3_000));
    assertThat(scores.keySet()).containsExactly("wide", "two");
    assertThat(scores.get("wide")).isEqualTo(129 * 2.5 + 1.5);
    assertThat(scores.get("two")).isEqualTo(2.5 + 1.5);
  }

  private Map<String, Double> scores(Set<String> tables) {
    MigrationFeatures f = new MigrationFeatures(Set.of(), Set.of(), Set.of(), null, Set.of(),
        tables, null, "postgresql", null);
    return search.search(new SimilarityQuery(f, Map.of(), true), 5).stream()
        .collect(Collectors.toMap(SearchHit::id, SearchHit::score, (a, b) -> a,
            LinkedHashMap::new));
  }

  private static MigrationDocument record(String id, Set<String> tables) {
    MigrationFeatures f = new MigrationFeatures(Set.of("add-column"), Set.of(), Set.of(), null,
        Set.of(), tables, null, "postgresql", null);
    return new MigrationDocument(id, "hash-" + id, f, id, "", "", "");
  }

  private static Set<String> names(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + i)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
