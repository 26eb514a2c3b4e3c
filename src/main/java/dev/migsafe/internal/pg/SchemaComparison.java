package dev.migsafe.internal.pg;

import dev.migsafe.internal.pg.SchemaSnapshot.Column;
import dev.migsafe.internal.pg.SchemaSnapshot.Constraint;
import dev.migsafe.internal.pg.SchemaSnapshot.EnumType;
import dev.migsafe.internal.pg.SchemaSnapshot.Index;
import dev.migsafe.internal.pg.SchemaSnapshot.Sequence;
import dev.migsafe.internal.pg.SchemaSnapshot.SequenceOptions;
import dev.migsafe.internal.pg.SchemaSnapshot.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The differences between an expected and an actual schema snapshot, in a fixed order: tables
 * by name (each with its columns, constraints, indexes and triggers), then enums, views,
 * sequences and functions.
 *
 * <p>Kinds: {@code missing-table}, {@code extra-table}, {@code table-kind}, {@code
 * missing-column}, {@code extra-column}, {@code column-type}, {@code column-nullability},
 * {@code column-default}, {@code column-identity}, {@code column-generated}, {@code
 * missing-constraint}, {@code extra-constraint}, {@code constraint-definition}, {@code
 * constraint-not-validated}, {@code missing-index}, {@code extra-index}, {@code
 * index-definition}, {@code invalid-index}, {@code missing-enum}, {@code extra-enum}, {@code
 * enum-values}, {@code missing-view}, {@code extra-view}, {@code view-kind}, {@code
 * view-columns}, {@code view-definition}, {@code view-grants}, {@code missing-sequence}, {@code
 * extra-sequence}, {@code sequence-type}, {@code sequence-bounds}, {@code sequence-owner}, {@code
 * missing-trigger}, {@code extra-trigger}, {@code trigger-definition},
 * {@code missing-function}, {@code extra-function}, {@code function-definition}.
 *
 * <p>Not differences: column order (a column dropped and added again moves to the end); a
 * constraint validated where the expected DDL left it {@code NOT VALID} (validating is the
 * planned next step, and it only makes the schema stricter). Indexes that back a primary key,
 * unique or exclusion constraint are compared as that constraint, so a missing primary key is
 * reported once. A sequence's start and current value are data, not schema: a playbook may
 * rightly start a new sequence past the rows that exist. An identity column's sequence is
 * compared as part of the column ({@code column-identity}).
 */
public final class SchemaComparison {
  private final List<SchemaDifference> out = new ArrayList<>();

  private SchemaComparison() {}

  public static List<SchemaDifference> compare(SchemaSnapshot expected, SchemaSnapshot actual) {
    SchemaComparison c = new SchemaComparison();
    c.tables(expected.tables(), actual.tables());
    c.enums(expected.enums(), actual.enums());
    c.views(expected.views(), actual.views());
    c.sequences(expected.sequences(), actual.sequences());
    c.functions(expected.functions(), actual.functions());
    return List.copyOf(c.out);
  }

  private void tables(List<Table> expected, List<Table> actual) {
    pair(expected, actual, Table::name, (e, a) -> {
      String name = Identifiers.display(e != null ? e.name() : a.name());
      if (a == null) {
        add("missing-table", name, kind(e), null, "table " + name + " is missing");
      } else if (e == null) {
        add("extra-table", name, null, kind(a), "table " + name + " is not in the expected schema");
      } else {
        if (e.partitioned() != a.partitioned()) {
          add("table-kind", name, kind(e), kind(a),
              name + ": expected a " + kind(e) + ", found a " + kind(a));
        }
        columns(name, e.columns(), a.columns());
        constraints(name, e.constraints(), a.constraints());
        indexes(name, e.indexes(), a.indexes());
        triggers(name, e.triggers(), a.triggers());
      }
    });
  }

  private void triggers(String table, List<SchemaSnapshot.Trigger> expected,
      List<SchemaSnapshot.Trigger> actual) {
    pair(expected, actual, SchemaSnapshot.Trigger::name, (e, a) -> {
      String name = table + "." + Identifiers.display(e != null ? e.name() : a.name());
      if (a == null) {
        add("missing-trigger", name, e.definition(), null, name + ": trigger is missing (expected "
            + e.definition() + ")");
      } else if (e == null) {
        add("extra-trigger", name, null, a.definition(), name + ": trigger is not in the "
            + "expected schema (found " + a.definition() + ")");
      } else if (!e.definition().equals(a.definition())) {
        add("trigger-definition", name, e.definition(), a.definition(), name + ": expected "
            + e.definition() + ", found " + a.definition());
      }
    });
  }

  private void functions(List<SchemaSnapshot.Routine> expected,
      List<SchemaSnapshot.Routine> actual) {
    pair(expected, actual, SchemaSnapshot.Routine::signature, (e, a) -> {
      String name = e != null ? e.signature() : a.signature();
      if (a == null) {
        add("missing-function", name, e.definition(), null, "function " + name + " is missing");
      } else if (e == null) {
        add("extra-function", name, null, a.definition(), "function " + name
            + " is not in the expected schema");
      } else if (!e.definition().equals(a.definition())) {
        add("function-definition", name, e.definition(), a.definition(), "function " + name
            + " has another definition than expected");
      }
    });
  }

  private static String kind(Table t) {
    return t.partitioned() ? "partitioned table" : "table";
  }

  private void columns(String table, List<Column> expected, List<Column> actual) {
    pair(expected, actual, Column::name, (e, a) -> {
      String name = table + "." + Identifiers.display(e != null ? e.name() : a.name());
      if (a == null) {
        add("missing-column", name, describe(e), null,
            name + ": column is missing (expected " + describe(e) + ")");
        return;
      }
      if (e == null) {
        add("extra-column", name, null, describe(a),
            name + ": column is not in the expected schema (found " + describe(a) + ")");
        return;
      }
      if (!e.type().equals(a.type())) {
        add("column-type", name, e.type(), a.type(),
            name + ": expected type " + e.type() + ", found " + a.type());
      }
      if (e.notNull() != a.notNull()) {
        add("column-nullability", name, nullability(e), nullability(a),
            name + ": expected " + nullability(e) + ", found " + nullability(a));
      }
      if (!Objects.equals(e.defaultValue(), a.defaultValue())) {
        add("column-default", name, e.defaultValue(), a.defaultValue(), name + ": expected "
            + defaultOf(e) + ", found " + defaultOf(a));
      }
      if (!Objects.equals(e.identity(), a.identity())) {
        add("column-identity", name, identity(e), identity(a),
            name + ": expected " + identity(e) + ", found " + identity(a));
      } else if (e.identity() != null
          && !sameBehaviour(e.identitySequence(), a.identitySequence())) {
        // Same ALWAYS or BY DEFAULT, another sequence: an identity that runs out sooner.
        String wanted = identity(e) + " (" + options(e.identitySequence()) + ")";
        String found = identity(a) + " (" + options(a.identitySequence()) + ")";
        add("column-identity", name, wanted, found,
            name + ": expected " + wanted + ", found " + found);
      }
      if (!Objects.equals(e.generated(), a.generated())) {
        add("column-generated", name, e.generated(), a.generated(),
            name + ": expected " + generation(e) + ", found " + generation(a));
      }
    });
  }

  private static String describe(Column c) {
    StringBuilder sb = new StringBuilder(c.type());
    if (c.notNull()) {
      sb.append(" NOT NULL");
    }
    if (c.defaultValue() != null) {
      sb.append(" DEFAULT ").append(c.defaultValue());
    }
    if (c.identity() != null) {
      sb.append(' ').append(identity(c));
    }
    if (c.generated() != null) {
      sb.append(' ').append(generation(c));
    }
    return sb.toString();
  }

  private static String nullability(Column c) {
    return c.notNull() ? "NOT NULL" : "nullable";
  }

  private static String identity(Column c) {
    return c.identity() == null ? "no identity"
        : "GENERATED " + c.identity().toUpperCase(java.util.Locale.ROOT) + " AS IDENTITY";
  }

  private static String defaultOf(Column c) {
    return c.defaultValue() == null ? "no default" : "default " + c.defaultValue();
  }

  private static String generation(Column c) {
    return c.generated() == null ? "a column that is not generated"
        : "GENERATED ALWAYS AS (" + c.generated() + ") STORED";
  }

  private void constraints(String table, List<Constraint> expected, List<Constraint> actual) {
    pair(expected, actual, Constraint::name, (e, a) -> {
      String name = table + "." + Identifiers.display(e != null ? e.name() : a.name());
      if (a == null) {
        add("missing-constraint", name, e.definition(), null,
            name + ": constraint is missing (expected " + e.definition() + ")");
      } else if (e == null) {
        add("extra-constraint", name, null, a.definition(),
            name + ": constraint is not in the expected schema (found " + a.definition() + ")");
      } else if (!e.definition().equals(a.definition())) {
        add("constraint-definition", name, e.definition(), a.definition(),
            name + ": expected " + e.definition() + ", found " + a.definition());
      } else if (e.validated() && !a.validated()) {
        add("constraint-not-validated", name, "VALID", "NOT VALID", name + ": constraint is "
            + "NOT VALID: rows that existed when it was added have never been checked");
      }
    });
  }

  private void indexes(String table, List<Index> expected, List<Index> actual) {
    pair(standalone(expected), standalone(actual), Index::name, (e, a) -> {
      String name = table + "." + Identifiers.display(e != null ? e.name() : a.name());
      if (a == null) {
        add("missing-index", name, e.definition(), null,
            name + ": index is missing (expected " + e.definition() + ")");
      } else if (e == null) {
        add("extra-index", name, null, a.definition(), name + ": index is not in the expected "
            + "schema (found " + a.definition() + (usable(a) ? "" : ", INVALID") + ")");
      } else if (!e.definition().equals(a.definition())) {
        add("index-definition", name, e.definition(), a.definition(),
            name + ": expected " + e.definition() + ", found " + a.definition());
      } else if (usable(e) && !usable(a)) {
        add("invalid-index", name, "VALID", "INVALID", name + ": index is INVALID, as a failed "
            + "CREATE INDEX CONCURRENTLY leaves it: queries do not use it, yet writes still "
            + "maintain it" + (a.unique() && a.ready() ? " and it still rejects duplicates" : "")
            + "; drop it and build it again");
      }
    });
  }

  /** Indexes of their own; those backing a constraint are compared as the constraint. */
  private static List<Index> standalone(List<Index> indexes) {
    return indexes.stream().filter(i -> i.constraint() == null).toList();
  }

  private static boolean usable(Index i) {
    return i.valid() && i.ready();
  }

  private void enums(List<EnumType> expected, List<EnumType> actual) {
    pair(expected, actual, EnumType::name, (e, a) -> {
      String name = Identifiers.display(e != null ? e.name() : a.name());
      if (a == null) {
        add("missing-enum", name, values(e), null, "enum type " + name + " is missing");
      } else if (e == null) {
        add("extra-enum", name, null, values(a),
            "enum type " + name + " is not in the expected schema");
      } else if (!e.labels().equals(a.labels())) {
        boolean reordered = new TreeSet<>(e.labels()).equals(new TreeSet<>(a.labels()));
        add("enum-values", name, values(e), values(a), name + ": expected values " + values(e)
            + ", found " + values(a) + (reordered ? " (the same values in another order)" : ""));
      }
    });
  }

  private static String values(EnumType t) {
    return "(" + String.join(", ", t.labels().stream()
        .map(l -> "'" + l.replace("'", "''") + "'").toList()) + ")";
  }

  private void sequences(List<Sequence> expected, List<Sequence> actual) {
    pair(expected, actual, Sequence::name, (e, a) -> {
      String name = Identifiers.display(e != null ? e.name() : a.name());
      if (a == null) {
        add("missing-sequence", name, describe(e), null, "sequence " + name + " is missing");
        return;
      }
      if (e == null) {
        add("extra-sequence", name, null, describe(a),
            "sequence " + name + " is not in the expected schema");
        return;
      }
      SequenceOptions eo = e.options();
      SequenceOptions ao = a.options();
      if (!eo.type().equals(ao.type())) {
        add("sequence-type", name, eo.type(), ao.type(), name + ": expected a sequence of type "
            + eo.type() + ", found " + ao.type() + (ao.max() < eo.max()
                ? ": nextval fails after " + ao.max() : ""));
      }
      if (!bounds(eo).equals(bounds(ao))) {
        add("sequence-bounds", name, bounds(eo), bounds(ao),
            name + ": expected " + bounds(eo) + ", found " + bounds(ao));
      }
      if (!Objects.equals(e.ownedBy(), a.ownedBy())) {
        add("sequence-owner", name, owner(e), owner(a),
            name + ": expected " + owner(e) + ", found " + owner(a));
      }
    });
  }

  private static String describe(Sequence s) {
    return options(s.options()) + " " + owner(s);
  }

  /** {@code AS bigint INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775807 NO CYCLE}. */
  private static String options(SequenceOptions o) {
    return o == null ? "no sequence" : "AS " + o.type() + " " + bounds(o);
  }

  private static String bounds(SequenceOptions o) {
    return "INCREMENT " + o.increment() + " MINVALUE " + o.min() + " MAXVALUE " + o.max()
        + (o.cycle() ? " CYCLE" : " NO CYCLE");
  }

  /** Equal but for the start, which is where the sequence began, not what it can do. */
  private static boolean sameBehaviour(SequenceOptions e, SequenceOptions a) {
    if (e == null || a == null) {
      return e == a;
    }
    return e.type().equals(a.type()) && bounds(e).equals(bounds(a));
  }

  private static String owner(Sequence s) {
    return s.ownedBy() == null ? "OWNED BY NONE" : "OWNED BY " + s.ownedBy();
  }

  /**
   * Views by name: a view dropped to change a column under it and never created again is
   * missing; one created again from another query differs in its columns or its definition, and
   * one created again without its grants in its grants.
   */
  private void views(List<SchemaSnapshot.View> expected, List<SchemaSnapshot.View> actual) {
    pair(expected, actual, SchemaSnapshot.View::name, (e, a) -> {
      String name = Identifiers.display(e != null ? e.name() : a.name());
      String kind = (e != null ? e : a).materialized() ? "materialized view" : "view";
      if (a == null) {
        add("missing-view", name, e.definition(), null, kind + " " + name + " is missing");
      } else if (e == null) {
        add("extra-view", name, null, a.definition(), kind + " " + name
            + " is not in the expected schema");
      } else {
        if (e.materialized() != a.materialized()) {
          add("view-kind", name, kind(e), kind(a), name + ": expected a " + kind(e)
              + ", found a " + kind(a));
        }
        if (!e.columns().equals(a.columns())) {
          add("view-columns", name, String.join(", ", e.columns()),
              String.join(", ", a.columns()), name + ": expected columns "
                  + String.join(", ", e.columns()) + ", found " + String.join(", ", a.columns()));
        } else if (!Objects.equals(e.definition(), a.definition())) {
          add("view-definition", name, e.definition(), a.definition(), name
              + ": the view's query differs from the expected one");
        }
        if (!e.grants().equals(a.grants())) {
          add("view-grants", name, String.join(", ", e.grants()), String.join(", ", a.grants()),
              name + ": expected grants " + describe(e.grants()) + ", found "
                  + describe(a.grants()));
        }
      }
    });
  }

  private static String kind(SchemaSnapshot.View v) {
    return v.materialized() ? "materialized view" : "view";
  }

  private static String describe(List<String> grants) {
    return grants.isEmpty() ? "none" : String.join(", ", grants);
  }

  private interface Pair<T> {
    void accept(T expected, T actual);
  }

  /** Visits every name of either side in sorted order; the absent side is null. */
  private static <T> void pair(List<T> expected, List<T> actual, Function<T, String> name,
      Pair<T> visit) {
    Map<String, T> e = index(expected, name);
    Map<String, T> a = index(actual, name);
    TreeSet<String> all = new TreeSet<>(e.keySet());
    all.addAll(a.keySet());
    for (String n : all) {
      visit.accept(e.get(n), a.get(n));
    }
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> name) {
    Map<String, T> m = new LinkedHashMap<>();
    items.forEach(i -> m.put(name.apply(i), i));
    return m;
  }

  private void add(String kind, String object, String expected, String actual, String message) {
    out.add(new SchemaDifference(kind, object, expected, actual, message));
  }
}
