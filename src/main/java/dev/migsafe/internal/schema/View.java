package dev.migsafe.internal.schema;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A view or materialized view: its body as the schema file wrote it, what it reads, and who may
 * read it. PostgreSQL records a view's dependency on each column it uses (and on every column
 * of a relation it selects {@code *} from, as of its creation); while it does, {@code ALTER
 * COLUMN TYPE} and {@code DROP COLUMN} on those columns fail, and a rename carries the view
 * along.
 *
 * @param body the query after {@code AS}, verbatim
 * @param columnNames the view's own column list, when its statement gives one
 * @param columnsUsed per table, the columns the view reads (a superset: every name of the body
 *     that is a column of a table it names)
 * @param viewsUsed the views it reads
 * @param grants privileges on the view, as granted
 * @param withNoData a materialized view created empty
 */
public record View(String name, boolean materialized, String body, List<String> columnNames,
    Map<String, Set<String>> columnsUsed, Set<String> viewsUsed, Set<Grant> grants,
    boolean withNoData) {

  /** One privilege held by one grantee ({@code PUBLIC} for every role). */
  public record Grant(String privilege, String grantee) {}

  /** True when the view reads {@code column} of {@code table}. */
  public boolean reads(String table, String column) {
    return columnsUsed.getOrDefault(table, Set.of()).contains(column);
  }

  View withGrants(Set<Grant> grants) {
    return new View(name, materialized, body, columnNames, columnsUsed, viewsUsed,
        Set.copyOf(grants), withNoData);
  }

  View withColumnsUsed(Map<String, Set<String>> columnsUsed) {
    return new View(name, materialized, body, columnNames, Map.copyOf(columnsUsed), viewsUsed,
        grants, withNoData);
  }
}
