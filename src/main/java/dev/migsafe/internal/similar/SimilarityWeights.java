package dev.migsafe.internal.similar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * How a {@link SimilarityQuery} becomes one Lucene query, and so how much each kind of
 * resemblance counts. Structural features add a fixed weight each (sharing a change kind is
 * sharing a risk, however often the word occurs); words add their BM25 score per field. A record
 * must share at least one change, table, lock, fact or word: dialect, engine and size alone only
 * reorder what matched, or every PostgreSQL record would match every PostgreSQL query.
 *
 * <p>The weights were chosen on the labelled set in {@code src/test/resources/search-eval}
 * (docs/search-quality.md); change them only with that evaluation.
 */
final class SimilarityWeights {
  static final float CHANGE = 3.0f;
  static final float TABLE = 2.5f;
  static final float STATEMENT = 0.5f;
  static final float LOCK = 0.75f;
  static final float STRONGEST_LOCK = 1.0f;
  static final float FACT = 1.25f;
  static final float SIZE = 1.0f;
  static final float DIALECT = 1.5f;
  static final float ENGINE = 0.5f;

  /** Text fields and their boosts: a word in the title says more than one in the SQL. */
  static final Map<String, Float> TEXT_FIELDS = Map.of(
      LuceneFields.TITLE, 1.5f, LuceneFields.SUMMARY, 1.0f, LuceneFields.LESSONS, 0.8f,
      LuceneFields.SQL, 0.6f);

  /** How much the other fields of a word add to its best field. */
  static final float TIE_BREAKER = 0.2f;

  private SimilarityWeights() {}

  static Query query(SimilarityQuery q) {
    List<Query> strong = new ArrayList<>();
    List<Query> weak = new ArrayList<>();
    MigrationFeatures f = q.features();
    if (q.structural()) {
      f.changes().forEach(v -> strong.add(constant(LuceneFields.CHANGE, v, CHANGE)));
      f.tables().forEach(v -> strong.add(constant(LuceneFields.TABLE, v, TABLE)));
      f.statements().forEach(v -> strong.add(constant(LuceneFields.STATEMENT, v, STATEMENT)));
      f.locks().forEach(v -> strong.add(constant(LuceneFields.LOCK, v, LOCK)));
      if (f.strongestLock() != null) {
        strong.add(constant(LuceneFields.STRONGEST, f.strongestLock(), STRONGEST_LOCK));
      }
      f.facts().forEach(v -> strong.add(constant(LuceneFields.FACT, v, FACT)));
      SizeClass size = SizeClass.parse(f.sizeClass());
      if (size != null) {
        weak.add(constant(LuceneFields.SIZE, size.term(), SIZE));
        for (SizeClass n : size.neighbours()) {
          weak.add(constant(LuceneFields.SIZE, n.term(), SIZE / 2));
        }
      }
      if (f.dialect() != null) {
        weak.add(constant(LuceneFields.DIALECT, f.dialect(), DIALECT));
      }
      if (f.engine() != null) {
        weak.add(constant(LuceneFields.ENGINE, f.engine(), ENGINE));
      }
    }
    // Per word, the best field counts (plus a little of the others): a rare word that appears
    // in title, summary, lessons and SQL of one record must not outweigh a shared change.
    q.terms().keySet().stream().sorted().forEach(t -> {
      List<Query> fields = new ArrayList<>();
      TEXT_FIELDS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
          fields.add(new BoostQuery(new TermQuery(new Term(e.getKey(), t)), e.getValue())));
      strong.add(new DisjunctionMaxQuery(fields, TIE_BREAKER));
    });
    if (strong.isEmpty() && weak.isEmpty()) {
      return new MatchNoDocsQuery("nothing to look for");
    }
    if (strong.isEmpty()) {
      return any(weak);
    }
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    top.add(any(strong), Occur.MUST);
    weak.forEach(w -> top.add(w, Occur.SHOULD));
    return top.build();
  }

  private static Query any(List<Query> queries) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    queries.forEach(q -> b.add(q, Occur.SHOULD));
    return b.build();
  }

  private static Query constant(String field, String value, float weight) {
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, value))), weight);
  }
}
