package dev.migsafe.internal.plan;

import dev.migsafe.internal.plan.Recipe.RecipeStep;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import dev.migsafe.internal.schema.View;
import dev.migsafe.internal.sql.ColumnChange;
import dev.migsafe.internal.sql.OperationKind;
import dev.migsafe.internal.sql.OperationRecord;
import dev.migsafe.internal.sql.PgStatementReader;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Views in the way of a column change. PostgreSQL refuses {@code ALTER COLUMN TYPE} and {@code
 * DROP COLUMN} on a column a view reads ("cannot alter type of a column used by a view or
 * rule"); a rename is allowed and carries the view along. So each SQL step that retypes or
 * drops a column some view reads (directly, or through another view) runs in one short
 * transaction: {@code BEGIN}, {@code DROP VIEW} of the dependent views, newest first, the step,
 * {@code CREATE VIEW} of each again with the target schema's definition, oldest first, its
 * target grants, {@code COMMIT}. Readers of the views wait for the transaction, which holds
 * the step's lock on the table anyway; the phase's {@code lock_timeout} bounds the wait for it.
 *
 * <p>A step's views are those of the schema as the playbook has left it just before that
 * step, so a view that a copy-and-swap's rename carried to the old column is found at the drop
 * of that column. The view's body is copied verbatim from the packet's target DDL (the packet
 * author's SQL); its name and grantees are quoted. Each {@code DROP VIEW} has a rollback that
 * restores the view as it was, with its grants, written to be harmless when the view is still
 * there ({@code CREATE OR REPLACE VIEW}, a materialized view {@code IF NOT EXISTS}), since a
 * failed transaction already put it back. The point of no return of the wrapped step moves to
 * the {@code COMMIT}, where it takes effect; nothing inside the transaction needs a rollback of
 * its own, since an error or a {@code ROLLBACK} there undoes all of it.
 */
final class ViewRebuilds {
  private static final List<String> PHASES = List.of("A", "B", "C", "D");

  private ViewRebuilds() {}

  static void wrap(Map<String, List<StepExpander.Draft>> byPhase, Schema current, Schema target) {
    Schema running = current.copy();
    boolean inTransaction = false;
    for (String phase : PHASES) {
      List<StepExpander.Draft> out = new ArrayList<>();
      for (StepExpander.Draft d : byPhase.get(phase)) {
        if (d.sql() == null || d.step().action() != null || d.backfill()) {
          out.add(d);
          continue;
        }
        int from = out.size();
        List<View> views = inTheWay(running, d.sql());
        if (views.isEmpty()) {
          out.add(d);
        } else {
          out.addAll(rebuild(d, views, target, inTransaction));
        }
        String head = d.sql().strip().toUpperCase(java.util.Locale.ROOT);
        inTransaction = head.startsWith("BEGIN") || !head.startsWith("COMMIT") && inTransaction;
        for (StepExpander.Draft done : out.subList(from, out.size())) {
          SchemaReader.apply(running, done.sql());
        }
      }
      byPhase.put(phase, out);
    }
  }

  /** The views that read a column the step retypes or drops, in creation order. */
  private static List<View> inTheWay(Schema s, String sql) {
    Set<String> names = new LinkedHashSet<>();
    for (SourceStatement st : SqlSplitter.split(sql)) {
      for (OperationRecord r : PgStatementReader.read(st).records()) {
        OperationKind kind = r.header().operationKind();
        if (r instanceof ColumnChange c
            && (kind == OperationKind.ALTER_COLUMN_TYPE || kind == OperationKind.DROP_COLUMN)) {
          s.viewsReading(c.table(), c.column()).forEach(v -> names.add(v.name()));
        }
      }
    }
    List<String> order = new ArrayList<>(s.views().keySet());
    return names.stream().sorted(Comparator.comparingInt(order::indexOf))
        .map(s.views()::get).toList();
  }

  private static List<StepExpander.Draft> rebuild(StepExpander.Draft d, List<View> views,
      Schema target, boolean inTransaction) {
    List<StepExpander.Draft> out = new ArrayList<>();
    String list = String.join(", ", views.stream().map(View::name).toList());
    boolean pointOfNoReturn = d.step().pointOfNoReturn();
    if (!inTransaction) {
      out.add(step(d, "Begin the transaction that rebuilds the views reading the column ("
          + list + "): from the next statement on, readers of the table and of the views wait "
          + "until COMMIT (lock_timeout bounds the wait for the first lock)", "BEGIN", null,
          false));
    }
    for (int i = views.size() - 1; i >= 0; i--) {
      View v = views.get(i);
      out.add(step(d, "Drop " + kind(v) + " " + v.name() + ", which reads the column, for the "
          + "length of the transaction (ACCESS EXCLUSIVE on the view)", "DROP " + kindSql(v)
          + " " + q(v.name()), restore(v), false));
    }
    String title = pointOfNoReturn ? d.title() + " (final at the COMMIT below)" : d.title();
    out.add(new StepExpander.Draft(d.change(), d.recipe(), withPointOfNoReturn(d.step(), false),
        title, d.sql(), d.rollbackSql(), false));
    for (View v : views) {
      View wanted = target.views().get(v.name());
      if (wanted == null) {
        continue; // the target drops it
      }
      out.add(step(d, "Create " + kind(wanted) + " " + wanted.name() + " again, as the target "
          + "defines it" + (wanted.materialized() && !wanted.withNoData()
              ? " (a materialized view is filled here, inside the transaction)" : ""),
          create(wanted, false), null, false));
      grants(wanted).forEach((grantee, privileges) -> out.add(step(d, "Grant " + String.join(
          ", ", privileges) + " on " + wanted.name() + " to " + grantee + ", as the target does",
          grantSql(wanted, grantee, privileges), null, false)));
    }
    if (!inTransaction) {
      out.add(step(d, "Commit the column change and the rebuilt views together", "COMMIT", null,
          pointOfNoReturn));
    }
    return out;
  }

  /** The view as it is now, with its grants; a no-op when it still exists. */
  private static String restore(View v) {
    StringBuilder sql = new StringBuilder(create(v, true));
    grants(v).forEach((grantee, privileges) -> sql.append(";\n")
        .append(grantSql(v, grantee, privileges)));
    return sql.toString();
  }

  private static String create(View v, boolean idempotent) {
    String head = v.materialized()
        ? "CREATE MATERIALIZED VIEW " + (idempotent ? "IF NOT EXISTS " : "")
        : idempotent ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ";
    String columns = v.columnNames().isEmpty() ? "" : " (" + String.join(", ",
        v.columnNames().stream().map(SqlQuoting::identifier).toList()) + ")";
    // The body is the packet author's own SQL from the schema file, copied as written.
    return head + q(v.name()) + columns + " AS " + v.body()
        + (v.materialized() && v.withNoData() ? " WITH NO DATA" : "");
  }

  /** Privileges by grantee, both sorted, so the playbook reads the same on every run. */
  private static Map<String, List<String>> grants(View v) {
    Map<String, List<String>> out = new TreeMap<>();
    v.grants().stream().sorted(Comparator.comparing(View.Grant::privilege))
        .forEach(g -> out.computeIfAbsent(g.grantee(), k -> new ArrayList<>()).add(g.privilege()));
    return new LinkedHashMap<>(out);
  }

  private static String grantSql(View v, String grantee, List<String> privileges) {
    String to = grantee.equals(dev.migsafe.internal.sql.GrantSpec.PUBLIC) ? "PUBLIC"
        : q(grantee);
    // Privileges are keywords: the reader keeps only words of letters (GrantSpec).
    return "GRANT " + String.join(", ", privileges) + " ON " + q(v.name()) + " TO " + to;
  }

  private static String kind(View v) {
    return v.materialized() ? "materialized view" : "view";
  }

  private static String kindSql(View v) {
    return v.materialized() ? "MATERIALIZED VIEW" : "VIEW";
  }

  private static RecipeStep withPointOfNoReturn(RecipeStep s, boolean pointOfNoReturn) {
    return new RecipeStep(s.phase(), s.title(), s.sql(), s.backfill(), s.action(), s.rollback(),
        pointOfNoReturn, s.when(), s.derive(), s.waits());
  }

  private static StepExpander.Draft step(StepExpander.Draft around, String title, String sql,
      String rollback, boolean pointOfNoReturn) {
    RecipeStep s = new RecipeStep(around.step().phase(), title, sql, null, null, rollback,
        pointOfNoReturn, null, null);
    return new StepExpander.Draft(around.change(), around.recipe(), s, title, sql, rollback,
        false);
  }

  private static String q(String identifier) {
    return SqlQuoting.identifier(identifier);
  }
}
