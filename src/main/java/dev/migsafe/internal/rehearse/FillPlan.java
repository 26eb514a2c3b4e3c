package dev.migsafe.internal.rehearse;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.rehearse.CheckForms.Restriction;
import dev.migsafe.internal.rehearse.LiveTable.Check;
import dev.migsafe.internal.rehearse.LiveTable.ForeignKey;
import dev.migsafe.internal.rehearse.LiveTable.LiveColumn;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * How one table is filled: one {@code INSERT ... SELECT ... FROM generate_series(1, n) AS g(i)}
 * in which every column's value is an expression of the row number i, so the server generates
 * all rows in one statement.
 *
 * <p>Columns that must come from the same choice share a slot: a foreign key's columns take
 * the referenced columns of one parent row, computed with the parent's own expressions at that
 * row's number (the parent was filled first, with rows 1..P, so they exist). A slot has a number
 * of distinct values; a slot with at least n of them is unique on its own, and a unique set whose
 * slots are all smaller counts through their combinations (mixed radix), which caps the rows at
 * the number of combinations.
 */
final class FillPlan {
  private static final String NULL = "NULL";

  final LiveTable table;
  final long rows;
  /** Column name to its value as SQL, given the SQL of the row number. */
  private final Map<String, UnaryOperator<String>> values;
  /** The same values without the one-in-ten NULLs of plain nullable columns. */
  private final Map<String, UnaryOperator<String>> nonNullValues;
  /** CHECKs that were not understood and name no nullable column: values are tried against them. */
  final List<Check> triedChecks;

  private FillPlan(LiveTable table, long rows, Map<String, UnaryOperator<String>> values,
      Map<String, UnaryOperator<String>> nonNullValues, List<Check> triedChecks) {
    this.table = table;
    this.rows = rows;
    this.values = values;
    this.nonNullValues = nonNullValues;
    this.triedChecks = triedChecks;
  }

  /** The value of {@code column} in row number {@code i} (SQL), as inserted. */
  String valueAt(String column, String i) {
    UnaryOperator<String> v = values.get(column);
    return v == null ? NULL : v.apply(i);
  }

  String insertSql() {
    List<String> columns = new ArrayList<>(values.keySet());
    boolean overriding = columns.stream().anyMatch(c -> table.column(c).identityAlways());
    return "INSERT INTO " + table.sqlName() + " ("
        + columns.stream().map(c -> table.column(c).quoted()).collect(Collectors.joining(", "))
        + ")" + (overriding ? " OVERRIDING SYSTEM VALUE" : "") + " SELECT "
        + columns.stream().map(c -> valueAt(c, "g.i")).collect(Collectors.joining(", "))
        + " FROM generate_series(1::bigint, " + rows + ") AS g(i)";
  }

  /**
   * One row of number {@code ?} (a bigint parameter, past {@code filledRows}), as the old
   * application would insert it. Columns of a unique set take the new row number's values,
   * which no existing row has; every other column takes the values of an existing row, so that
   * the new row looks like the data already there (a value another table's rows refer to, say,
   * without a foreign key saying so). The columns in {@code omitted} are left to their defaults
   * (a serial or identity key takes its next value); those in {@code neverNull} get a value in
   * every row; those in {@code fresh} take new values like unique ones (a column the playbook
   * is about to make unique).
   */
  String insertOneSql(Set<String> omitted, Set<String> neverNull, Set<String> fresh,
      long filledRows) {
    Set<String> unique = new HashSet<>(fresh);
    table.uniqueSets().forEach(unique::addAll);
    List<String> columns = values.keySet().stream().filter(c -> !omitted.contains(c)).toList();
    boolean overriding = columns.stream().anyMatch(c -> table.column(c).identityAlways());
    return "INSERT INTO " + table.sqlName() + " ("
        + columns.stream().map(c -> table.column(c).quoted()).collect(Collectors.joining(", "))
        + ")" + (overriding ? " OVERRIDING SYSTEM VALUE" : "") + " SELECT "
        + columns.stream().map(c -> (neverNull.contains(c)
            ? nonNullValues.getOrDefault(c, values.get(c)) : values.get(c))
            .apply(unique.contains(c) ? "g.i" : "g.r"))
            .collect(Collectors.joining(", "))
        + " FROM (SELECT n, (n - 1) % " + Math.max(1, filledRows) + " + 1"
        + " FROM (SELECT CAST(? AS bigint)) AS p(n)) AS g(i, r)";
  }

  /** One choice of values that one or more columns take together. */
  private static final class Slot {
    final long size;
    final Map<String, UnaryOperator<String>> valueOfK = new LinkedHashMap<>();
    long divisor;

    Slot(long size) {
      this.size = size;
    }
  }

  /**
   * Plans {@code table} for {@code requested} rows; {@code filled} holds the plans of the tables
   * already filled, by oid.
   */
  static FillPlan plan(Connection c, LiveTable table, long requested, Map<Long, FillPlan> filled,
      List<String> notes) throws SQLException {
    String t = table.name();
    Map<String, Restriction> restrictions = new HashMap<>();
    List<Check> unknown = new ArrayList<>();
    readChecks(table, restrictions, unknown);
    Set<String> nulls = new HashSet<>();
    List<Check> tried = new ArrayList<>();
    for (Check check : unknown) {
      List<String> nullable = check.columns().stream()
          .filter(col -> !table.column(col).notNull()).toList();
      if (nullable.isEmpty()) {
        tried.add(check);
      } else {
        // A CHECK that evaluates to NULL passes.
        nulls.addAll(nullable);
        notes.add(t + ": " + String.join(", ", nullable) + " left NULL: CHECK " + check.name()
            + " (" + check.expression() + ") is not a form migsafe generates values for");
      }
    }

    Map<String, Slot> slotOf = new LinkedHashMap<>();
    List<ForeignKey> selfReferences = new ArrayList<>();
    for (ForeignKey fk : table.foreignKeys()) {
      if (fk.columns().stream().anyMatch(col -> slotOf.containsKey(col) || nulls.contains(col))) {
        continue;
      }
      FillPlan parent = filled.get(fk.refOid());
      if (fk.refOid() == table.oid()) {
        selfReferences.add(fk);
      } else if (parent != null && parent.rows > 0) {
        Slot slot = new Slot(parent.rows);
        for (int j = 0; j < fk.columns().size(); j++) {
          String ref = fk.refColumns().get(j);
          slot.valueOfK.put(fk.columns().get(j), k -> parent.valueAt(ref, "(1 + (" + k + "))"));
          slotOf.put(fk.columns().get(j), slot);
        }
      } else if (fk.columns().stream().noneMatch(col -> table.column(col).notNull())) {
        nulls.addAll(fk.columns());
        notes.add(t + ": " + String.join(", ", fk.columns()) + " left NULL: foreign key "
            + fk.name() + " references a table that is not filled before this one");
      } else {
        throw MigsafeException.badInput(t + ": foreign key " + fk.name() + " ("
            + String.join(", ", fk.columns()) + ") is NOT NULL but references a table that is"
            + " not filled before this one (a cycle, or a table outside the schema); load a"
            + " sample with --data FILE.sql");
      }
    }

    String partitionColumn = null;
    if (table.partitioned()) {
      partitionColumn = PartitionDomain.keyColumn(table);
      if (partitionColumn == null && !table.partitionBounds().contains("DEFAULT")) {
        throw cannotRoute(table);
      }
    }
    Set<String> selfColumns = selfReferences.stream().flatMap(fk -> fk.columns().stream())
        .collect(Collectors.toSet());
    for (LiveColumn col : table.columns()) {
      if (col.generated() || slotOf.containsKey(col.name()) || nulls.contains(col.name())
          || selfColumns.contains(col.name())) {
        continue;
      }
      ValueDomain domain = ValueDomain.of(col, restrictions.get(col.name()));
      if (domain != null && col.name().equals(partitionColumn)) {
        domain = PartitionDomain.of(c, table, col, domain);
        if (domain == null) {
          throw cannotRoute(table);
        }
      }
      if (domain == null) {
        if (col.notNull()) {
          throw MigsafeException.badInput(t + "." + col.name() + " is NOT NULL and of type "
              + col.sqlType() + ", for which migsafe generates no values (or its CHECK allows"
              + " none); load a sample with --data FILE.sql");
        }
        nulls.add(col.name());
        notes.add(t + "." + col.name() + " left NULL: migsafe generates no values of type "
            + col.sqlType());
        continue;
      }
      Slot slot = new Slot(domain.size());
      slot.valueOfK.put(col.name(), domain.value());
      slotOf.put(col.name(), slot);
    }

    long rows = countThroughUniqueSets(table, requested, slotOf, nulls, notes);
    Map<String, UnaryOperator<String>> values = new LinkedHashMap<>();
    Map<String, UnaryOperator<String>> nonNullValues = new LinkedHashMap<>();
    Set<String> uniqueColumns = table.uniqueSets().stream().flatMap(List::stream)
        .collect(Collectors.toSet());
    for (LiveColumn col : table.columns()) {
      String name = col.name();
      Slot slot = slotOf.get(name);
      if (col.generated() || selfColumns.contains(name)) {
        continue;
      }
      if (slot == null) {
        values.put(name, i -> NULL);
        nonNullValues.put(name, i -> NULL);
        continue;
      }
      UnaryOperator<String> ofK = slot.valueOfK.get(name);
      UnaryOperator<String> value = i -> "CAST(" + ofK.apply(indexOf(slot, i, rows)) + " AS "
          + col.sqlType() + ")";
      boolean plain = !col.notNull() && slot.valueOfK.size() == 1 && !uniqueColumns.contains(name)
          && !restrictions.containsKey(name) && !name.equals(partitionColumn)
          && table.foreignKeys().stream().noneMatch(fk -> fk.columns().contains(name));
      // About one in ten rows NULL in a plain nullable column, as real data has, so that an
      // invariant can catch a backfill that misses them; other rows for each column.
      int shift = values.size() % 10;
      values.put(name, plain ? i -> "CASE WHEN (" + i + ") % 10 = " + shift + " THEN NULL ELSE "
          + value.apply(i) + " END" : value);
      nonNullValues.put(name, value);
    }
    FillPlan plan = new FillPlan(table, rows, values, nonNullValues, tried);
    for (ForeignKey fk : selfReferences) {
      addSelfReference(plan, fk, notes);
    }
    return plan;
  }

  /** Sorts the CHECKs into what they ask of single columns and the ones not understood. */
  private static void readChecks(LiveTable table, Map<String, Restriction> restrictions,
      List<Check> unknown) {
    for (Check check : table.checks()) {
      Restriction r = check.columns().size() == 1
          ? CheckForms.read(check.expression(), check.columns().get(0)) : null;
      if (r == null) {
        unknown.add(check);
      } else {
        restrictions.merge(check.columns().get(0), r, (a, b) -> {
          a.and(b);
          return a;
        });
      }
    }
  }

  /**
   * Row i references row i / 2: a tree whose root is row 1, which references nothing when the
   * columns are nullable and itself otherwise. The foreign key is checked at the end of the
   * statement, when every row exists.
   */
  private static void addSelfReference(FillPlan plan, ForeignKey fk, List<String> notes) {
    boolean nullable = fk.columns().stream().noneMatch(col -> plan.table.column(col).notNull());
    for (int j = 0; j < fk.columns().size(); j++) {
      String ref = fk.refColumns().get(j);
      if (!plan.values.containsKey(ref) || fk.columns().contains(ref)) {
        if (!nullable) {
          throw MigsafeException.badInput(plan.table.name() + ": foreign key " + fk.name()
              + " references its own table in a way migsafe cannot fill; load a sample with"
              + " --data FILE.sql");
        }
        fk.columns().forEach(col -> plan.values.put(col, i -> NULL));
        notes.add(plan.table.name() + ": " + String.join(", ", fk.columns())
            + " left NULL: foreign key " + fk.name() + " references its own table");
        return;
      }
    }
    for (int j = 0; j < fk.columns().size(); j++) {
      String ref = fk.refColumns().get(j);
      UnaryOperator<String> parent = i -> plan.valueAt(ref, "greatest(1, (" + i + ") / 2)");
      plan.values.put(fk.columns().get(j), nullable
          ? i -> "CASE WHEN (" + i + ") = 1 THEN NULL ELSE " + parent.apply(i) + " END" : parent);
    }
  }

  /**
   * Gives the slots of each unique set that is not unique through one large slot their place in
   * a mixed-radix count, and returns the rows that fit.
   */
  private static long countThroughUniqueSets(LiveTable table, long requested,
      Map<String, Slot> slotOf, Set<String> nulls, List<String> notes) {
    long rows = requested;
    for (List<String> unique : table.uniqueSets()) {
      // A NULL in any column makes rows distinct for a unique index.
      if (unique.stream().anyMatch(nulls::contains)) {
        continue;
      }
      // Generated and self-referencing columns have no slot: the server judges those sets.
      if (unique.stream().anyMatch(col -> !slotOf.containsKey(col))) {
        continue;
      }
      List<Slot> slots = unique.stream().map(slotOf::get).distinct().toList();
      if (slots.stream().anyMatch(s -> s.size >= requested)) {
        continue;
      }
      long combinations = 1;
      for (Slot s : slots) {
        if (s.divisor == 0) {
          s.divisor = combinations;
        }
        combinations = Math.multiplyHigh(combinations, s.size) == 0
            && combinations * s.size > 0 ? combinations * s.size : Long.MAX_VALUE;
      }
      if (combinations < rows) {
        rows = combinations;
        notes.add(table.name() + ": only " + combinations + " distinct values of ("
            + String.join(", ", unique) + ") can be generated; filled " + combinations
            + " rows");
      }
    }
    return rows;
  }

  /** The SQL of k, the slot's choice for row number i. */
  private static String indexOf(Slot slot, String i, long rows) {
    String zeroBased = "((" + i + ") - 1)";
    if (slot.divisor > 1) {
      zeroBased = "(" + zeroBased + " / " + slot.divisor + ")";
    }
    return slot.size >= rows && slot.divisor <= 1 ? zeroBased
        : "(" + zeroBased + " % " + slot.size + ")";
  }

  private static MigsafeException cannotRoute(LiveTable table) {
    return MigsafeException.badInput(table.name() + " is partitioned by "
        + table.partitionKey() + ", and migsafe cannot choose values that route to its"
        + " partitions; load a sample with --data FILE.sql");
  }
}
