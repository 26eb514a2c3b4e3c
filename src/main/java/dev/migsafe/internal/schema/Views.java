package dev.migsafe.internal.schema;

import dev.migsafe.internal.sql.GrantSpec;
import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.ViewDefinition;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** How CREATE VIEW, GRANT, REVOKE and column renames change the schema's views. */
final class Views {
  private Views() {}

  /**
   * The view {@code op} creates. Its dependencies are worked out from the names its body
   * mentions against the relations the schema holds now, as PostgreSQL binds them when the view
   * is created: a relation it names, and of that relation every column it names (all of them
   * when the body selects {@code *}). A name that is a column of a table the body also names
   * only in passing (an alias, a function) makes the set larger, never smaller, so a change to
   * any column the view really reads is always seen.
   */
  static View created(Schema schema, Operation op) {
    ViewDefinition d = op.getView();
    Map<String, Set<String>> columns = new LinkedHashMap<>();
    for (Table t : schema.tables().values()) {
      if (!named(d, t.name)) {
        continue;
      }
      Set<String> used = new TreeSet<>();
      for (String col : t.columns.keySet()) {
        if (d.star() || d.names().contains(col)) {
          used.add(col);
        }
      }
      columns.put(t.name, Set.copyOf(used));
    }
    Set<String> viewsUsed = new LinkedHashSet<>();
    for (String v : schema.views().keySet()) {
      if (!v.equals(op.getObjectName()) && named(d, v)) {
        viewsUsed.add(v);
      }
    }
    // CREATE OR REPLACE keeps the privileges the view had.
    View before = schema.views().get(op.getObjectName());
    return new View(op.getObjectName(), op.getKind().equals("create-materialized-view"),
        d.body(), d.columns(), Map.copyOf(columns), Set.copyOf(viewsUsed),
        before == null ? Set.of() : before.grants(), d.withNoData());
  }

  /** GRANT adds, REVOKE takes away; {@code ALL} is kept as written and revokes everything. */
  static void granted(Map<String, View> views, Operation op) {
    GrantSpec g = op.getGrant();
    if (g == null) {
      return;
    }
    for (String relation : g.relations()) {
      View v = views.get(relation);
      if (v == null) {
        continue;
      }
      Set<View.Grant> grants = new LinkedHashSet<>(v.grants());
      for (String grantee : g.grantees()) {
        for (String privilege : g.privileges()) {
          if (op.getKind().equals("grant")) {
            grants.add(new View.Grant(privilege, grantee));
          } else {
            grants.removeIf(x -> x.grantee().equals(grantee)
                && (privilege.equals("ALL") || x.privilege().equals(privilege)));
          }
        }
      }
      views.put(relation, v.withGrants(grants));
    }
  }

  static View renamedColumn(View v, String table, String from, String to) {
    Set<String> used = v.columnsUsed().get(table);
    if (used == null || !used.contains(from)) {
      return v;
    }
    Map<String, Set<String>> columns = new LinkedHashMap<>(v.columnsUsed());
    Set<String> renamed = new TreeSet<>(used);
    renamed.remove(from);
    renamed.add(to);
    columns.put(table, Set.copyOf(renamed));
    return v.withColumnsUsed(columns);
  }

  /** The body names {@code relation}, qualified as in the schema or by its bare name. */
  private static boolean named(ViewDefinition d, String relation) {
    int dot = relation.lastIndexOf('.');
    return d.names().contains(relation)
        || dot > 0 && d.names().contains(relation.substring(dot + 1));
  }

  /** The views that read {@code column} of {@code table}, and the views that read those. */
  static List<View> dependents(Schema schema, String table, String column) {
    Set<String> found = new LinkedHashSet<>();
    for (View v : schema.views().values()) {
      if (v.reads(table, column)) {
        found.add(v.name());
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (View v : schema.views().values()) {
        if (!found.contains(v.name()) && v.viewsUsed().stream().anyMatch(found::contains)) {
          found.add(v.name());
          grew = true;
        }
      }
    }
    return found.stream().map(schema.views()::get).toList();
  }
}
