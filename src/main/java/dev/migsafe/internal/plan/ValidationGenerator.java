package dev.migsafe.internal.plan;

import static dev.migsafe.internal.plan.SqlQuoting.identifier;
import static dev.migsafe.internal.plan.SqlQuoting.literal;

import dev.migsafe.api.Change;
import dev.migsafe.api.CheckKind;
import dev.migsafe.api.MigrationPacket.Invariant;
import dev.migsafe.api.Plan.Validation;
import dev.migsafe.internal.sql.SqlTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Integrity and drift checks generated per change, with every identifier quoted and with what
 * each one proves, plus the packet's invariants in their phases. {@link ValidationPlacement}
 * then decides which are emitted and when.
 */
final class ValidationGenerator {
  private ValidationGenerator() {}

  static List<ValidationCandidate> of(List<Change> changes, List<Invariant> invariants) {
    List<ValidationCandidate> out = new ArrayList<>();
    for (Invariant i : invariants) {
      out.add(ValidationCandidate.of(new Validation(i.id(), i.phase(), i.sql(), i.expect(),
          i.min(), i.max(), "invariant", i.description()), null, null));
    }
    for (Change c : changes) {
      out.addAll(forChange(c));
    }
    return out;
  }

  private static List<ValidationCandidate> forChange(Change c) {
    List<ValidationCandidate> out = new ArrayList<>();
    String t = identifier(c.table());
    String id = c.id();
    switch (c.kind()) {
      case "set-not-null" -> out.add(v(c, CheckKind.NO_NULLS, id + "-no-nulls",
          "SELECT count(*) FROM " + t + " WHERE " + identifier(c.column()) + " IS NULL",
          "rows that would break NOT NULL on " + c.table() + "." + c.column()));
      case "add-foreign-key" -> {
        List<String> cols = c.columns();
        List<String> ref = c.refColumns() == null || c.refColumns().isEmpty()
            ? List.of("id") : c.refColumns();
        StringBuilder on = new StringBuilder();
        StringBuilder notNull = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
          on.append(i == 0 ? "" : " AND ").append("p.").append(identifier(ref.get(i)))
              .append(" = c.").append(identifier(cols.get(i)));
          notNull.append(" AND c.").append(identifier(cols.get(i))).append(" IS NOT NULL");
        }
        out.add(v(c, CheckKind.NO_ORPHANS, id + "-orphans", "SELECT count(*) FROM " + t
            + " c LEFT JOIN " + identifier(c.refTable()) + " p ON " + on + " WHERE p."
            + identifier(ref.get(0)) + " IS NULL" + notNull, "child rows of " + c.table()
            + " whose parent row in " + c.refTable() + " is missing"));
      }
      case "add-unique", "add-primary-key" -> {
        String cols = String.join(", ", c.columns().stream().map(SqlQuoting::identifier)
            .toList());
        // A unique key lets any number of rows hold NULL in it (they are never equal), so
        // only complete keys can be duplicates; a primary key's NULLs have their own check.
        String complete = String.join(" AND ", c.columns().stream()
            .map(x -> identifier(x) + " IS NOT NULL").toList());
        out.add(v(c, CheckKind.NO_DUPLICATES, id + "-duplicates", "SELECT count(*) FROM (SELECT "
            + cols + " FROM " + t + " WHERE " + complete + " GROUP BY " + cols
            + " HAVING count(*) > 1) AS d", "values of (" + String.join(", ", c.columns())
                + ") in " + c.table() + " that occur more than once"));
        if (c.kind().equals("add-primary-key")) {
          out.add(v(c, CheckKind.NO_NULLS, id + "-no-nulls", "SELECT count(*) FROM " + t
              + " WHERE " + String.join(" OR ", c.columns().stream()
                  .map(x -> identifier(x) + " IS NULL").toList()),
              "rows whose key would be NULL"));
        }
      }
      case "add-check" -> out.add(v(c, CheckKind.NO_VIOLATIONS, id + "-violations",
          "SELECT count(*) FROM " + t + " WHERE NOT (" + c.expression() + ")", "rows of "
              + c.table() + " that break the new CHECK"));
      case "rename-column" -> out.add(parity(c, id + "-parity", "SELECT count(*) FROM " + t
          + " WHERE " + identifier(c.to()) + " IS DISTINCT FROM " + identifier(c.column()),
          "rows where " + c.to() + " differs from " + c.column() + " after the backfill"));
      case "change-type" -> out.add(parity(c, id + "-parity", "SELECT count(*) FROM " + t
          + " WHERE " + identifier(c.column() + "_new") + " IS DISTINCT FROM CAST("
          + identifier(c.column()) + " AS " + c.toType() + ")",
          "rows where the new " + c.toType() + " column differs from " + c.column()));
      case "move-column" -> out.add(moved(c));
      default -> { }
    }
    out.addAll(schemaMatchesTarget(c));
    return out;
  }

  /**
   * The copy of a move, checked after phase C and so before the column is dropped: source rows
   * with a value that have no row in the new table, or one with another value. json and xml
   * have no equality operator, so those compare as text.
   */
  private static ValidationCandidate moved(Change c) {
    String key = c.columns().get(0);
    String into = c.columns().get(1);
    String pk = c.refColumns() == null || c.refColumns().isEmpty() ? "id" : c.refColumns().get(0);
    String base = c.fromType() == null ? "" : SqlTypes.baseName(c.fromType());
    String asText = base.equals("json") || base.equals("xml") ? "::text" : "";
    return parity(c, c.id() + "-moved", "SELECT count(*) FROM " + identifier(c.table())
        + " s LEFT JOIN " + identifier(c.to()) + " d ON d." + identifier(key) + " = s."
        + identifier(pk) + " WHERE s." + identifier(c.column()) + " IS NOT NULL AND d."
        + identifier(into) + asText + " IS DISTINCT FROM s." + identifier(c.column()) + asText,
        "rows of " + c.table() + " whose " + c.column() + " has no row in " + c.to()
            + ", or a row with another " + into + " (the copy is complete before "
            + c.column() + " is dropped)");
  }

  /** After cutover, information_schema must show the target schema for this change. */
  private static List<ValidationCandidate> schemaMatchesTarget(Change c) {
    String table = bare(c.table());
    // A qualified table lives in its own schema; an unqualified one where the search path says.
    String schema = c.table() != null && c.table().contains(".")
        ? literal(c.table().substring(0, c.table().lastIndexOf('.'))) : "current_schema()";
    String id = c.id() + "-schema";
    String columns = "SELECT count(*) FROM information_schema.columns WHERE table_schema = "
        + schema + " AND table_name = ";
    return switch (c.kind()) {
      case "add-column" -> List.of(expect(c, CheckKind.COLUMN_EXISTS, id, columns
          + literal(table) + " AND column_name = " + literal(c.column()), 1,
          "column " + c.table() + "." + c.column() + " exists"));
      case "drop-column", "move-column" -> List.of(expect(c, CheckKind.COLUMN_GONE, id, columns
          + literal(table) + " AND column_name = " + literal(c.column()), 0,
          "column " + c.table() + "." + c.column() + " is gone"));
      case "rename-column" -> List.of(expect(c, null, id, columns + literal(table)
          + " AND column_name IN (" + literal(c.to()) + ", " + literal(c.column()) + ")", 1,
          "only " + c.to() + " remains"));
      // Before PostgreSQL 12 the recipe keeps the validated CHECK instead of SET NOT NULL (which
      // would scan under ACCESS EXCLUSIVE), so either one proves the column rejects NULL.
      case "set-not-null" -> List.of(expect(c, CheckKind.COLUMN_NOT_NULL, id,
          "SELECT count(*) FROM pg_attribute a JOIN "
          + "pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = "
          + "(SELECT oid FROM pg_namespace WHERE nspname = " + schema + ")"
          + " AND c.relname = " + literal(table) + " AND a.attname = " + literal(c.column())
          + " AND (a.attnotnull OR EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid"
          + " AND k.contype = 'c' AND k.convalidated AND pg_get_constraintdef(k.oid) = 'CHECK (('"
          + " || quote_ident(a.attname) || ' IS NOT NULL))'))", 1,
          c.column() + " rejects NULL (NOT NULL, or a validated CHECK before PostgreSQL 12)"));
      case "drop-table" -> List.of(expect(c, CheckKind.TABLE_GONE, id,
          "SELECT count(*) FROM information_schema.tables WHERE table_schema = " + schema
          + " AND table_name = " + literal(table), 0, "table " + c.table() + " is gone"));
      case "create-table", "rename-table" -> List.of(expect(c, CheckKind.TABLE_EXISTS, id,
          "SELECT count(*) FROM information_schema.tables WHERE table_schema = " + schema
          + " AND table_name = " + literal(c.kind().equals("rename-table") ? bare(c.to())
              : table), 1, "table " + (c.to() != null ? c.to() : c.table()) + " exists"));
      case "add-index", "add-unique", "add-primary-key" -> c.name() == null ? List.of()
          : List.of(expect(c, CheckKind.INDEX_VALID, id, "SELECT count(*) FROM "
              + "pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid "
              + "WHERE c.relname = " + literal(c.name()) + " AND i.indisvalid", 1,
              "index " + c.name() + " exists and is valid"));
      case "add-foreign-key", "add-check" -> c.name() == null ? List.of()
          : List.of(expect(c, CheckKind.CONSTRAINT_VALIDATED, id,
              "SELECT count(*) FROM pg_catalog.pg_constraint WHERE conname = "
              + literal(c.name()) + " AND convalidated", 1, "constraint " + c.name()
              + " exists and is validated"));
      default -> List.of();
    };
  }

  /** A precondition on the rows, checked before the first step unless the recipe repairs it. */
  private static ValidationCandidate v(Change c, CheckKind checks, String id, String sql,
      String description) {
    return ValidationCandidate.of(new Validation(id, "before", sql, 0.0, null, null, "change",
        description), checks, c);
  }

  private static ValidationCandidate parity(Change c, String id, String sql,
      String description) {
    return ValidationCandidate.of(new Validation(id, "after-backfill", sql, 0.0, null, null,
        "change", description), CheckKind.COPY_PARITY, c);
  }

  private static ValidationCandidate expect(Change c, CheckKind checks, String id, String sql,
      double value, String description) {
    return ValidationCandidate.of(new Validation(id, "after-cutover", sql, value, null, null,
        "change", description), checks, c);
  }

  private static String bare(String table) {
    return table == null ? null : table.substring(table.lastIndexOf('.') + 1);
  }
}
