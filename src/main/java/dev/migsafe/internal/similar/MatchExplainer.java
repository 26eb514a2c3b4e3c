package dev.migsafe.internal.similar;

import dev.migsafe.api.PastMigration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why a record matched, in short phrases an engineer can check at a glance: shared change
 * kinds, the same table, the same lock, the same rewrite or scan, a similar size, the same
 * engine, and the query's words found in the record.
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
      if (q.facts().contains(MigrationFeatures.REWRITES)
          && hit.facts().contains(MigrationFeatures.REWRITES)) {
        out.add("both rewrite the table");
      }
      if (q.facts().contains(MigrationFeatures.SCANS)
          && hit.facts().contains(MigrationFeatures.SCANS)) {
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
    if (!words.isEmpty()) {
      out.add("words: " + String.join(", ", words));
    }
    return out;
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
