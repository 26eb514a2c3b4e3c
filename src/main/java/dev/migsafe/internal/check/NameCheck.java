package dev.migsafe.internal.check;

import dev.migsafe.api.MigrationCheck.Item;
import dev.migsafe.api.MigrationCheck.Verdict;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.PgStatementReader;
import dev.migsafe.internal.sql.QueryNames;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import dev.migsafe.internal.sql.StatementRead;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every table, column and constraint a script names, looked up in the schema as it stands when
 * the statement runs: the schema before the script, changed by each statement before it. A
 * model that invents {@code orders.customer_email} writes SQL that looks right; the server
 * would stop at the first such name, this lists them all, each where it is written. Public for
 * {@code migsafe ai}, which checks the names of an answer's SQL without a server.
 */
public final class NameCheck {
  /** Kinds that act on an existing column of their table. */
  private static final Set<String> ON_EXISTING_COLUMN = Set.of("drop-column", "rename-column",
      "alter-column-type", "set-not-null", "drop-not-null", "set-default", "drop-default",
      "add-identity", "drop-identity", "set-identity", "drop-expression", "set-statistics",
      "set-storage", "set-compression", "set-column-options");
  /** Kinds that name their table without needing it to exist before them. */
  private static final Set<String> CREATES_OR_NEEDS_NO_TABLE = Set.of("create-table",
      "create-view", "create-materialized-view", "create-enum", "create-type",
      "create-function", "set", "begin", "commit", "savepoint", "set-role", "set-transaction",
      "do-block", "call", "unknown", "analyze", "comment", "alter-type", "add-enum-value",
      "rename-enum-value", "rename-type");
  /** Statements whose table and column references {@link QueryNames} resolves. */
  private static final Set<String> DATA_STATEMENTS = Set.of("update", "insert", "delete",
      "select", "merge");
  /** Kinds that name a constraint of their table. */
  private static final Set<String> ON_EXISTING_CONSTRAINT = Set.of("drop-constraint",
      "validate-constraint", "rename-constraint", "alter-constraint");

  private final String source;
  private final Schema schema;
  private final List<Item> items = new ArrayList<>();
  private final Set<String> reported = new LinkedHashSet<>();

  private NameCheck(String source, Schema start) {
    this.source = source;
    this.schema = start.copy();
  }

  /**
   * The unknown names of {@code script}, read from {@code start} (which is not changed).
   *
   * @param source {@code up} or {@code down}: the prefix of each item's place
   */
  public static List<Item> unknownNames(String source, String script, Schema start) {
    NameCheck check = new NameCheck(source, start);
    for (SourceStatement st : SqlSplitter.split(script)) {
      check.statement(st);
    }
    return List.copyOf(check.items);
  }

  private void statement(SourceStatement st) {
    StatementRead read = PgStatementReader.read(st);
    if (read.syntaxError() != null) {
      return; // lint reports it where the parser fails; its names mean nothing
    }
    for (Operation op : read.operations()) {
      if (DATA_STATEMENTS.contains(op.getKind())) {
        dataStatement(st);
      } else {
        operation(st, op);
      }
      try {
        schema.apply(op);
      } catch (RuntimeException e) {
        // The model cannot follow this statement; the names after it are still checked
        // against what it knows, and the server has the last word.
      }
    }
  }

  private void operation(SourceStatement st, Operation op) {
    String table = op.getTable();
    if (table == null || CREATES_OR_NEEDS_NO_TABLE.contains(op.getKind())) {
      return;
    }
    Table t = schema.table(table);
    if (t == null) {
      if (!op.isIfExists() && !schema.views().containsKey(table)) {
        unknown(st, "unknown-table", table, "table " + table + " does not exist");
      }
      return;
    }
    if (op.getColumn() != null && ON_EXISTING_COLUMN.contains(op.getKind())
        && t.column(op.getColumn()) == null && !(op.isIfExists()
            && op.getKind().equals("drop-column"))) {
      unknown(st, "unknown-column", table + "." + op.getColumn(),
          "column " + op.getColumn() + " of table " + table + " does not exist");
    }
    if (op.getKind().equals("create-index") || op.getKind().equals("add-constraint")) {
      for (String c : op.getColumns()) {
        if (isPlainName(c) && t.column(c) == null) {
          unknown(st, "unknown-column", table + "." + c,
              "column " + c + " of table " + table + " does not exist");
        }
      }
    }
    if (op.getRefTable() != null && op.getKind().equals("add-constraint")) {
      Table ref = schema.table(op.getRefTable());
      if (ref == null) {
        unknown(st, "unknown-table", op.getRefTable(), "the referenced table "
            + op.getRefTable() + " does not exist");
      } else {
        for (String c : op.getRefColumns()) {
          if (isPlainName(c) && ref.column(c) == null) {
            unknown(st, "unknown-column", op.getRefTable() + "." + c, "the referenced column "
                + c + " of table " + op.getRefTable() + " does not exist");
          }
        }
      }
    }
    if (ON_EXISTING_CONSTRAINT.contains(op.getKind()) && op.getConstraintName() != null
        && !op.isIfExists() && t.constraints().stream()
            .noneMatch(c -> op.getConstraintName().equals(c.name()))
        && schema.indexes().values().stream()
            .noneMatch(i -> op.getConstraintName().equals(i.name()))) {
      unknown(st, "unknown-constraint", table + "." + op.getConstraintName(),
          "constraint " + op.getConstraintName() + " of table " + table + " does not exist");
    }
  }

  /** UPDATE, INSERT, DELETE, SELECT: their tables, and the columns that resolve to one. */
  private void dataStatement(SourceStatement st) {
    QueryNames names = QueryNames.of(st.text()).orElse(null);
    if (names == null) {
      return;
    }
    for (String table : names.tables()) {
      if (schema.table(table) == null && !schema.views().containsKey(table)) {
        unknown(st, "unknown-table", table, "table " + table + " does not exist");
      }
    }
    String only = names.onlyUserTables() && names.tables().size() == 1
        ? names.tables().iterator().next() : null;
    for (QueryNames.ColumnName c : names.columns()) {
      String table = c.table() != null ? c.table() : c.qualified() ? null : only;
      Table t = table == null ? null : schema.table(table);
      if (t != null && isPlainName(c.column()) && t.column(c.column()) == null) {
        unknown(st, "unknown-column", table + "." + c.column(),
            "column " + c.column() + " of table " + table + " does not exist");
      }
    }
  }

  private void unknown(SourceStatement st, String kind, String object, String message) {
    if (reported.add(kind + " " + object)) {
      items.add(new Item(kind, Verdict.FAIL, source + ":" + st.line() + ":" + st.column(),
          message + " when the statement at line " + st.line() + " runs"));
    }
  }

  /**
   * A column name, not an expression such as {@code lower(email)}, nor a word JSqlParser
   * reads as a column although PostgreSQL reads it as a value ({@code true}, {@code
   * current_date}).
   */
  private static boolean isPlainName(String c) {
    return c != null && c.matches("[A-Za-z_][A-Za-z0-9_$]*")
        && !VALUE_WORDS.contains(c.toLowerCase(java.util.Locale.ROOT));
  }

  private static final Set<String> VALUE_WORDS = Set.of("true", "false", "null", "default",
      "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp",
      "current_user", "session_user", "current_role", "user", "current_schema");
}
