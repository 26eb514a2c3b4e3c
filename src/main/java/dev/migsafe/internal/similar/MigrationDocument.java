package dev.migsafe.internal.similar;

import dev.migsafe.api.PastMigration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the search engine holds for one past migration: its id, the hash of its record file (to
 * see changes), its features, and its text by field.
 *
 * @param lessons the lessons together with the incidents' and hotfixes' descriptions
 */
public record MigrationDocument(String id, String hash, MigrationFeatures features, String title,
    String summary, String lessons, String sql) {

  /** Describes a record: its own changes and tables, plus what the analysis of its SQL finds. */
  public static MigrationDocument of(PastMigration m, String hash) {
    Set<String> tables = m.tables().stream().map(SqlFeatures::normalise)
        .collect(Collectors.toCollection(HashSet::new));
    MigrationFeatures own = new MigrationFeatures(Set.copyOf(m.changes()), Set.of(), Set.of(),
        null, Set.of(), tables, SizeClass.ofLargest(m.tableRows().values()), m.dialect(),
        SqlFeatures.engine(m.dialect(), m.engineVersion()));
    MigrationFeatures features = own.plus(SqlFeatures.of(m.sql(), m.dialect(),
        m.engineVersion(), null));
    List<String> story = new ArrayList<>();
    if (m.lessons() != null) {
      story.add(m.lessons());
    }
    m.outcome().incidents().forEach(i -> story.add(i.cause().replace('-', ' ') + ": "
        + i.description()));
    m.outcome().hotfixes().forEach(h -> story.add(h.cause().replace('-', ' ') + ": "
        + h.description()));
    // The team is part of the summary: "payments" in a query often means the payments team.
    String summary = m.team() + "\n" + (m.summary() == null ? "" : m.summary());
    return new MigrationDocument(m.id(), hash, features, m.title(), summary,
        String.join("\n", story),
        m.sql() == null ? "" : m.sql());
  }
}
