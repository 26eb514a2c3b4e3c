package dev.migsafe.internal.similar;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * How much each kind of resemblance counts. Structural features add a fixed weight each
 * (sharing a change kind is sharing a risk, however often the word occurs); words add their
 * BM25 score. A record must share at least one change, table, lock, fact or word; dialect,
 * engine and size ({@link #weakBoost}) only reorder what matched, or every PostgreSQL record
 * would match every PostgreSQL query.
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
  /** A word of the query found in the record's text (title, summary, lessons, SQL). */
  static final float TEXT = 1.0f;
  /** Added when the title has the word too: titles name what the migration was. */
  static final float TITLE_BONUS = 0.5f;

  /**
   * Values of one feature (tables, statement kinds, ...) that get a clause each. Lucene refuses
   * a query of more than {@code IndexSearcher.getMaxClauseCount()} clauses (1,024 unless a
   * program raises it for the whole JVM), and a migration may touch thousands of tables. Past
   * this many values, those that no record has are left out (their clauses match nothing, so
   * no score changes); if more than this many remain, those after the first {@value} share one
   * clause that adds the feature's weight once for any of them. So a query has at most 5 × 129
   * feature clauses, 6 single ones (strongest lock, three sizes, dialect, engine) and
   * 2 × {@value #MAX_WORDS} for words: 779. Queries within the bound, all of the labelled set
   * among them, are exactly what they were without it.
   */
  static final int MAX_CLAUSES_PER_FEATURE = 128;
  /** Words of the query scored, as {@link QueryReader#MAX_TERMS} keeps. */
  static final int MAX_WORDS = QueryReader.MAX_TERMS;

  private SimilarityWeights() {}

  /**
   * All clauses as one flat disjunction. Lucene scores a flat disjunction with MaxScore and
   * skips the records that cannot reach the top, which keeps a query on 100,000 records in
   * milliseconds (docs/performance.md); a required group of "strong" clauses nested inside
   * would not. A record that matches only the weak clauses (dialect, engine, size) is therefore
   * found too, and dropped afterwards: its score is exactly its {@link #weakBoost}.
   *
   * @param indexed whether any record has a term; asked only for a feature with more than
   *     {@link #MAX_CLAUSES_PER_FEATURE} values
   */
  static Query query(SimilarityQuery q, Predicate<Term> indexed) {
    List<Query> clauses = new ArrayList<>();
    MigrationFeatures f = q.features();
    if (q.structural()) {
      feature(clauses, LuceneFields.CHANGE, f.changes(), CHANGE, indexed);
      feature(clauses, LuceneFields.TABLE, f.tables(), TABLE, indexed);
      feature(clauses, LuceneFields.STATEMENT, f.statements(), STATEMENT, indexed);
      feature(clauses, LuceneFields.LOCK, f.locks(), LOCK, indexed);
      if (f.strongestLock() != null) {
        clauses.add(constant(LuceneFields.STRONGEST, f.strongestLock(), STRONGEST_LOCK));
      }
      feature(clauses, LuceneFields.FACT, f.facts(), FACT, indexed);
      SizeClass size = SizeClass.parse(f.sizeClass());
      if (size != null) {
        clauses.add(constant(LuceneFields.SIZE, size.term(), SIZE));
        for (SizeClass n : size.neighbours()) {
          clauses.add(constant(LuceneFields.SIZE, n.term(), SIZE / 2));
        }
      }
      if (f.dialect() != null) {
        clauses.add(constant(LuceneFields.DIALECT, f.dialect(), DIALECT));
      }
      if (f.engine() != null) {
        clauses.add(constant(LuceneFields.ENGINE, f.engine(), ENGINE));
      }
    }
    // A word is scored once over the record's whole text (BM25 saturates a word repeated in
    // title, summary, lessons and SQL instead of adding it up four times), plus a bonus when
    // the title has it.
    q.terms().keySet().stream().limit(MAX_WORDS).sorted().forEach(t -> {
      clauses.add(new BoostQuery(new TermQuery(new Term(LuceneFields.TEXT, t)), TEXT));
      clauses.add(new BoostQuery(new TermQuery(new Term(LuceneFields.TITLE, t)), TITLE_BONUS));
    });
    if (clauses.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    clauses.forEach(c -> b.add(c, Occur.SHOULD));
    return b.build();
  }

  /**
   * Whether a record scored {@code score} for more than its weak boost: it shares a change,
   * table, lock, fact or word. The margin absorbs float rounding, and words so common that
   * their BM25 weight is below it say nothing anyway.
   */
  static boolean sharesMoreThanWeakFeatures(SimilarityQuery q, MigrationFeatures record,
      float score) {
    return score - weakBoost(q, record) > 1e-3f;
  }

  /** What the same dialect, engine and size class add to a record's score. */
  static float weakBoost(SimilarityQuery q, MigrationFeatures record) {
    if (!q.structural()) {
      return 0f;
    }
    MigrationFeatures f = q.features();
    float boost = 0f;
    SizeClass size = SizeClass.parse(f.sizeClass());
    if (size != null && record.sizeClass() != null) {
      if (size.term().equals(record.sizeClass())) {
        boost += SIZE;
      } else {
        for (SizeClass n : size.neighbours()) {
          if (n.term().equals(record.sizeClass())) {
            boost += SIZE / 2;
          }
        }
      }
    }
    if (f.dialect() != null && f.dialect().equals(record.dialect())) {
      boost += DIALECT;
    }
    if (f.engine() != null && f.engine().equals(record.engine())) {
      boost += ENGINE;
    }
    return boost;
  }

  /** A clause per value, within {@link #MAX_CLAUSES_PER_FEATURE} as its comment says. */
  private static void feature(List<Query> clauses, String field, Set<String> values,
      float weight, Predicate<Term> indexed) {
    boolean many = values.size() > MAX_CLAUSES_PER_FEATURE;
    List<BytesRef> rest = new ArrayList<>();
    int own = 0;
    for (String v : values) {
      Term t = new Term(field, v);
      if (many && !indexed.test(t)) {
        continue;
      }
      if (own < MAX_CLAUSES_PER_FEATURE) {
        clauses.add(constant(t, weight));
        own++;
      } else {
        rest.add(t.bytes());
      }
    }
    if (!rest.isEmpty()) {
      clauses.add(new BoostQuery(new ConstantScoreQuery(new TermInSetQuery(field, rest)),
          weight));
    }
  }

  private static Query constant(String field, String value, float weight) {
    return constant(new Term(field, value), weight);
  }

  private static Query constant(Term term, float weight) {
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(term)), weight);
  }
}
