package dev.migsafe.bench;

import dev.migsafe.api.Catalog;
import dev.migsafe.api.PastMigration;
import dev.migsafe.api.SimilarQuery;
import dev.migsafe.internal.catalog.CatalogLoader;
import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.similar.MigrationDocument;
import dev.migsafe.internal.similar.MigrationFeatures;
import dev.migsafe.internal.similar.SimilarMigrations;
import dev.migsafe.internal.similar.SimilarityQuery;
import dev.migsafe.internal.similar.SizeClass;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * An organisation-sized catalog made up from the shipped one: the same vocabulary of words,
 * change kinds and locks, spread over many more teams and tables, with a fixed seed so that
 * every run indexes and queries the same records.
 */
final class SyntheticCatalog {
  private static final List<String> LOCKS = List.of("ACCESS EXCLUSIVE", "SHARE ROW EXCLUSIVE",
      "SHARE UPDATE EXCLUSIVE", "SHARE", "ROW EXCLUSIVE", "INSTANT", "INPLACE", "COPY");
  private static final List<String> FACTS = List.of(MigrationFeatures.REWRITES,
      MigrationFeatures.SCANS);

  final Catalog shipped = CatalogLoader.load(CatalogLocation.shipped()).catalog();
  private final Random random = new Random(42);
  private final List<String> words = new ArrayList<>();
  private final List<String> changes = java.util.Arrays.stream(
      dev.migsafe.internal.model.ChangeKind.values())
      .filter(dev.migsafe.internal.model.ChangeKind::inCatalog)
      .map(dev.migsafe.internal.model.ChangeKind::id).toList();
  private final List<String> tables = new ArrayList<>();

  SyntheticCatalog() {
    Set<String> w = new LinkedHashSet<>();
    for (PastMigration m : shipped.migrations()) {
      for (String text : new String[] {m.title(), m.summary(), m.lessons()}) {
        if (text != null) {
          for (String s : text.toLowerCase(java.util.Locale.ROOT).split("[^a-z_]+")) {
            if (s.length() > 2) {
              w.add(s);
            }
          }
        }
      }
    }
    words.addAll(w);
    for (int i = 0; i < 20_000; i++) {
      tables.add(pick(words) + "_" + pick(words) + (i % 7 == 0 ? "_" + i : ""));
    }
  }

  List<MigrationDocument> documents(int n) {
    List<MigrationDocument> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = String.format("%04d-%02d-team-%02d-%06d", 2020 + i % 7, 1 + i % 12, i % 50, i);
      Set<String> ts = some(tables, 1 + random.nextInt(3));
      String dialect = random.nextInt(4) == 0 ? "mysql" : "postgresql";
      String engine = dialect.equals("mysql") ? "mysql-8.0" : "postgresql-" + (11 + random.nextInt(7));
      Set<String> locks = some(LOCKS, 1 + random.nextInt(2));
      MigrationFeatures f = new MigrationFeatures(some(changes, 1 + random.nextInt(4)),
          Set.of(), locks, locks.iterator().next(), some(FACTS, random.nextInt(2)), ts,
          SizeClass.values()[random.nextInt(4)].term(), dialect, engine);
      String table = ts.iterator().next();
      String sql = "ALTER TABLE " + table + " ADD COLUMN " + pick(words) + " text;\nUPDATE "
          + table + " SET " + pick(words) + " = " + pick(words) + " WHERE id < 10000;";
      out.add(new MigrationDocument(id, Integer.toHexString(id.hashCode()), f, sentence(8),
          "team-" + (i % 50) + "\n" + sentence(45), sentence(30), sql));
    }
    return out;
  }

  /** A third each: free text, SQL, and features with words (as a packet gives). */
  List<SimilarityQuery> queries(int n) {
    List<SimilarityQuery> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SimilarQuery q = switch (i % 3) {
        case 0 -> SimilarQuery.text(sentence(4 + random.nextInt(6)));
        case 1 -> SimilarQuery.sql("ALTER TABLE " + pick(tables) + " ALTER COLUMN "
            + pick(words) + " SET NOT NULL;");
        default -> new SimilarQuery(sentence(12), "CREATE INDEX CONCURRENTLY i ON "
            + pick(tables) + " (" + pick(words) + ");", null, "postgresql", "15");
      };
      out.add(SimilarMigrations.read(q, shipped));
    }
    return out;
  }

  /** Shipped records with their SQL, repeated: the cost of describing a record from scratch. */
  List<PastMigration> recordsWithSql(int n) {
    List<PastMigration> withSql = shipped.migrations().stream().filter(m -> m.sql() != null)
        .toList();
    List<PastMigration> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(withSql.get(i % withSql.size()));
    }
    return out;
  }

  /**
   * Words drawn with Zipf's law (the k-th most frequent word has frequency proportional to
   * 1/k), as in natural text: a few words are everywhere, most are rare. Drawing them uniformly
   * instead would make every word equally common, which no catalog is.
   */
  private String sentence(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(zipfWord());
    }
    return sb.toString();
  }

  private double[] zipfCumulative;

  private String zipfWord() {
    if (zipfCumulative == null) {
      zipfCumulative = new double[words.size()];
      double sum = 0;
      for (int k = 0; k < words.size(); k++) {
        sum += 1.0 / (k + 1);
        zipfCumulative[k] = sum;
      }
      for (int k = 0; k < words.size(); k++) {
        zipfCumulative[k] /= sum;
      }
    }
    int at = java.util.Arrays.binarySearch(zipfCumulative, random.nextDouble());
    return words.get(Math.min(words.size() - 1, at < 0 ? -at - 1 : at));
  }

  private <T> Set<T> some(List<T> from, int n) {
    Set<T> out = new HashSet<>();
    while (out.size() < n) {
      out.add(pick(from));
    }
    return out;
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
