package dev.migsafe.internal.similar;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.MigrationPacket.MigrationStep;
import dev.migsafe.api.MigrationPacket.Rename;
import dev.migsafe.api.SimilarQuery;
import dev.migsafe.internal.plan.PacketLoader;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what the user asked (free text, SQL, a packet) into a {@link SimilarityQuery}: the
 * features of each part united, and the words of each part for BM25.
 */
final class QueryReader {
  /** Enough words to say what a migration is; more only slow the query down. */
  static final int MAX_TERMS = 64;
  private static final Pattern MYSQL_SQL = Pattern.compile(
      "`|\\bALGORITHM\\s*=|\\bMODIFY\\s+COLUMN\\b|\\bENGINE\\s*=|\\bAUTO_INCREMENT\\b"
          + "|\\bCHANGE\\s+COLUMN\\b|^\\s*RENAME\\s+TABLE\\b",
      Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  private QueryReader() {}

  static SimilarityQuery read(SimilarQuery q, Set<String> knownTables) {
    MigrationPacket packet = q.packet() == null ? null : PacketLoader.load(q.packet());
    return read(q, packet, knownTables);
  }

  /** As {@link #read(SimilarQuery, Set)} with the packet already loaded ({@code plan}). */
  static SimilarityQuery read(SimilarQuery q, MigrationPacket packet, Set<String> knownTables) {
    MigrationFeatures features = MigrationFeatures.none();
    Map<String, String> terms = new LinkedHashMap<>();
    String dialect = q.dialect();
    String engineVersion = q.engineVersion();
    if (packet != null) {
      dialect = dialect != null ? dialect : packet.dialect();
      engineVersion = engineVersion != null ? engineVersion : packet.engineVersion();
      features = features.plus(packet(packet, dialect, engineVersion, knownTables));
      terms.putAll(TextAnalysis.terms(join(packet.title(), packet.intent()), false, MAX_TERMS));
      for (MigrationStep s : packet.migration()) {
        terms.putAll(TextAnalysis.terms(s.sql(), true, MAX_TERMS));
      }
    }
    if (q.sql() != null && !q.sql().isBlank()) {
      String d = dialect != null ? dialect
          : MYSQL_SQL.matcher(q.sql()).find() ? "mysql" : "postgresql";
      features = features.plus(SqlFeatures.of(q.sql(), d, engineVersion, null));
      terms.putAll(TextAnalysis.terms(q.sql(), true, MAX_TERMS));
    }
    if (q.text() != null && !q.text().isBlank()) {
      features = features.plus(TextIntent.of(q.text(), knownTables));
      terms.putAll(TextAnalysis.terms(q.text(), false, MAX_TERMS));
    }
    if (features.dialect() == null && dialect != null) {
      features = features.plus(new MigrationFeatures(Set.of(), Set.of(), Set.of(), null,
          Set.of(), Set.of(), null, dialect, SqlFeatures.engine(dialect, engineVersion)));
    }
    Map<String, String> capped = new LinkedHashMap<>();
    terms.entrySet().stream().limit(MAX_TERMS).forEach(e -> capped.put(e.getKey(), e.getValue()));
    return new SimilarityQuery(features, capped, true);
  }

  private static MigrationFeatures packet(MigrationPacket p, String dialect,
      String engineVersion, Set<String> knownTables) {
    Set<String> tables = new HashSet<>();
    p.tables().keySet().forEach(t -> tables.add(SqlFeatures.normalise(t)));
    Set<String> changes = new HashSet<>();
    for (Rename r : p.renames()) {
      changes.add(r.isTableRename() ? "rename-table" : "rename-column");
      tables.add(SqlFeatures.normalise(r.table()));
    }
    String size = SizeClass.ofLargest(p.tables().values().stream()
        .map(MigrationPacket.TableProfile::rows).filter(r -> r != null).toList());
    MigrationFeatures f = new MigrationFeatures(changes, Set.of(), Set.of(), null, Set.of(),
        tables, size, dialect, SqlFeatures.engine(dialect, engineVersion));
    Schema current = "postgresql".equals(dialect) && p.schema() != null
        && p.schema().current() != null ? SchemaReader.read(p.schema().current()) : null;
    StringBuilder sql = new StringBuilder();
    for (MigrationStep s : p.migration()) {
      sql.append(s.sql()).append(s.sql().strip().endsWith(";") ? "\n" : ";\n");
    }
    f = f.plus(SqlFeatures.of(sql.toString(), dialect, engineVersion, current));
    // The intent often names the change in words even when the packet has no SQL yet.
    MigrationFeatures words = TextIntent.of(join(p.title(), p.intent()), knownTables);
    return f.plus(new MigrationFeatures(p.migration().isEmpty() ? words.changes() : Set.of(),
        Set.of(), Set.of(), null, Set.of(), words.tables(), null, null, null));
  }

  private static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String s : parts) {
      if (s != null) {
        sb.append(s).append('\n');
      }
    }
    return sb.toString();
  }
}
