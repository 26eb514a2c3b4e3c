package dev.migsafe.internal.similar;

import dev.migsafe.api.MatchStrength;
import dev.migsafe.api.PastMigration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why a record matched, in short phrases an engineer can check at a glance: shared change
 * kinds, the same table, the same lock, the same rewrite or scan, a similar size, the same
 * engine, and the query's words found in the record; and how strong the match is.
 */
final class MatchExplainer {
  private static final int MAX_WORDS = 6;

  private MatchExplainer() {}

  static List<String> reasons(SimilarityQuery query, MigrationFeatures hit, PastMigration m) {
    List<String> out = new ArrayList<>();
    MigrationFeatures q = query.features();
    if (query.structural()) {
      shared(out, "same change", q.changes(), hit.changes());
      shared(out, "same table", q.tables(), hit.tables());
      if (q.strongestLock() != null && q.strongestLock().equals(hit.strongestLock())) {
        out.add("same lock: " + q.strongestLock());
      } else {
        shared(out, "both take", q.locks(), hit.locks());
      }
      if (both(q, hit, MigrationFeatures.REWRITES)) {
        out.add("both rewrite the table");
      }
      if (both(q, hit, MigrationFeatures.SCANS)) {
        out.add("both scan the table");
      }
      SizeClass size = SizeClass.parse(q.sizeClass());
      if (size != null && size.term().equals(hit.sizeClass())) {
        out.add("same size: " + size.range());
      }
      if (q.engine() != null && q.engine().equals(hit.engine())) {
        out.add("same engine: " + q.engine().replace('-', ' '));
      }
    }
    Set<String> words = sharedWords(query, m);
    if (!words.isEmpty()) {
      out.add("words: " + String.join(", ", words));
    }
    return out;
  }

  /**
   * The {@link MatchStrength} of a match, from what it shares rather than from its score: a
   * score's scale depends on the query and the catalog, what is shared does not.
   */
  static MatchStrength strength(SimilarityQuery query, MigrationFeatures hit, PastMigration m) {
    MigrationFeatures q = query.features();
    boolean change = query.structural() && intersects(q.changes(), hit.changes());
    boolean table = query.structural() && intersects(q.tables(), hit.tables());
    boolean lock = query.structural() && q.strongestLock() != null
        && q.strongestLock().equals(hit.strongestLock());
    boolean fact = query.structural() && (both(q, hit, MigrationFeatures.REWRITES)
        || both(q, hit, MigrationFeatures.SCANS));
    boolean words = !sharedWords(query, m).isEmpty();
    // Words alone never make a match strong: "went" or "second" in a lesson is no evidence.
    if (change && (table || lock || fact)) {
      return MatchStrength.STRONG;
    }
    if (change || (table && (lock || fact || words))) {
      return MatchStrength.MODERATE;
    }
    return MatchStrength.WEAK;
  }

  /** The query's words the record has, up to {@value #MAX_WORDS}, SQL keywords left out. */
  private static Set<String> sharedWords(SimilarityQuery query, PastMigration m) {
    Set<String> recordTerms = TextAnalysis.terms(String.join("\n", m.title(), m.team(),
        nullToEmpty(m.summary()), nullToEmpty(m.lessons()), nullToEmpty(m.sql())), false,
        100_000).keySet();
    Set<String> words = new TreeSet<>();
    for (Map.Entry<String, String> t : query.terms().entrySet()) {
      if (recordTerms.contains(t.getKey()) && words.size() < MAX_WORDS
          && !TextAnalysis.SQL_NOISE.contains(t.getValue())) {
        words.add(t.getValue());
      }
    }
    return words;
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    return a.stream().anyMatch(b::contains);
  }

  private static boolean both(MigrationFeatures q, MigrationFeatures hit, String fact) {
    return q.facts().contains(fact) && hit.facts().contains(fact);
  }

  private static void shared(List<String> out, String label, Set<String> a, Set<String> b) {
    Set<String> both = new TreeSet<>(a);
    both.retainAll(b);
    if (!both.isEmpty()) {
      out.add(label + ": " + String.join(", ", both));
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
