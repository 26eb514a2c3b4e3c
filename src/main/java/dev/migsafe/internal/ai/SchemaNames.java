package dev.migsafe.internal.ai;

import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.PgStatementReader;
import dev.migsafe.internal.sql.QueryNames;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the tables and columns a model's SQL names exist, in migsafe's schema model. The
 * commonest failure of model-written SQL is a plausible name that is not there; this check
 * needs no server, so it runs on every answer, also offline ({@code ai check}).
 *
 * <p>A script is replayed statement by statement, so a column the script itself added earlier
 * exists for the statements after it. A name the model cannot judge (inside a function body,
 * an expression index) is left alone: no judgement rather than a wrong one.
 */
final class SchemaNames {
  /** Operations on a column that must already be there. */
  private static final Set<String> ON_EXISTING_COLUMN = Set.of("drop-column", "rename-column",
      "alter-column-type", "set-not-null", "drop-not-null", "set-default", "drop-default",
      "add-identity", "drop-identity");
  /** Operations that create what they name, or name something other than a table. */
  private static final Set<String> NOT_ON_A_TABLE = Set.of("create-table", "create-enum",
      "create-view", "drop-view", "drop-index", "rename-index", "add-enum-value",
      "rename-enum-value", "drop-type", "rename-type", "grant");
  private static final Set<String> DATA_STATEMENTS =
      Set.of("SELECT", "WITH", "UPDATE", "INSERT", "DELETE");

  private SchemaNames() {}

  /**
   * A name that does not exist, with its place in the script (1-based line and column).
   *
   * @param name {@code table} or {@code table.column}
   */
  record Unknown(int line, int column, String name, String kind) {
    String message() {
      return (kind.equals("table") ? "table " : "column ") + name + " does not exist";
    }
  }

  /** The unknown names of {@code sql} replayed over {@code schema}, which it changes. */
  static List<Unknown> replay(String sql, Schema schema) {
    List<Unknown> out = new ArrayList<>();
    for (SourceStatement st : SqlSplitter.split(sql)) {
      if (st.tokens().isEmpty()) {
        continue;
      }
      List<Operation> ops = PgStatementReader.read(st).operations();
      String head = st.tokens().get(0).text().toUpperCase(java.util.Locale.ROOT);
      boolean data = DATA_STATEMENTS.contains(head);
      if (data) {
        // The reader's operations of a data statement name its tables only; the query's
        // names, columns included, come from the parser.
        QueryNames.of(st.text()).ifPresent(n -> query(n, List.of(schema))
            .ifPresent(u -> out.add(new Unknown(st.line(), st.column(), u.name(), u.kind()))));
      }
      for (Operation op : ops) {
        if (!data) {
          missing(op, schema).ifPresent(u ->
              out.add(new Unknown(st.line(), st.column(), u.name(), u.kind())));
        }
        schema.apply(op);
      }
    }
    return out;
  }

  /**
   * The first name of a query that exists in none of {@code schemas} (a validation may run
   * before or after the change, so a name of either schema is allowed).
   */
  static Optional<Unknown> query(QueryNames n, List<Schema> schemas) {
    for (String t : n.tables()) {
      if (schemas.stream().allMatch(s -> s.table(t) == null)) {
        return Optional.of(new Unknown(1, 1, t, "table"));
      }
    }
    for (QueryNames.ColumnName c : n.columns()) {
      List<String> in = c.table() != null ? List.of(c.table())
          : !c.qualified() && n.onlyUserTables() ? List.copyOf(n.tables()) : List.of();
      if (in.isEmpty()) {
        continue;
      }
      boolean found = schemas.stream().anyMatch(s -> in.stream().anyMatch(t ->
          s.table(t) != null && s.table(t).column(c.column()) != null));
      // An unqualified name in a query of several tables may be an output alias of a
      // subquery (count(*) AS n ... WHERE n > 1): only a qualified one is judged there.
      if (!found && (c.qualified() || in.size() == 1) && !isAliasLike(c.column(), n)) {
        return Optional.of(new Unknown(1, 1, in.get(0) + "." + c.column(), "column"));
      }
    }
    return Optional.empty();
  }

  /** Names that are never columns of a user table in a query: pseudo-columns and booleans. */
  private static boolean isAliasLike(String column, QueryNames n) {
    return Set.of("true", "false", "null", "ctid", "xmin", "xmax", "tableoid", "oid")
        .contains(column) || n.tables().isEmpty();
  }

  private static Optional<Unknown> missing(Operation op, Schema schema) {
    String kind = op.getKind();
    String tableName = op.getTable();
    if (tableName == null || NOT_ON_A_TABLE.contains(kind) || op.isIfExists()) {
      return Optional.empty();
    }
    Table t = schema.table(tableName);
    if (t == null) {
      return Optional.of(new Unknown(0, 0, tableName, "table"));
    }
    if (ON_EXISTING_COLUMN.contains(kind) && op.getColumn() != null
        && t.column(op.getColumn()) == null) {
      return Optional.of(new Unknown(0, 0, tableName + "." + op.getColumn(), "column"));
    }
    if (op.getColumns() != null && !kind.equals("add-column")) {
      for (String c : op.getColumns()) {
        if (c != null && c.matches("[a-z_][a-z0-9_$]*") && t.column(c) == null) {
          return Optional.of(new Unknown(0, 0, tableName + "." + c, "column"));
        }
      }
    }
    if (op.getRefTable() != null) {
      Table ref = schema.table(op.getRefTable());
      if (ref == null) {
        return Optional.of(new Unknown(0, 0, op.getRefTable(), "table"));
      }
      for (String c : op.getRefColumns() == null ? List.<String>of() : op.getRefColumns()) {
        if (c != null && c.matches("[a-z_][a-z0-9_$]*") && ref.column(c) == null) {
          return Optional.of(new Unknown(0, 0, op.getRefTable() + "." + c, "column"));
        }
      }
    }
    return Optional.empty();
  }
}
