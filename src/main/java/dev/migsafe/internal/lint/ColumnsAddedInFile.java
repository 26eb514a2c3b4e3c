package dev.migsafe.internal.lint;

import dev.migsafe.internal.sql.ColumnChange;
import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.OperationHeader;
import dev.migsafe.internal.sql.SourceSpan;
import dev.migsafe.internal.sql.SourceStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the file's ADD COLUMN statements did, for the rules that look back at them from a later
 * statement: pg-drop-column and pg-rename-column (a column the file added holds no data yet),
 * pg-not-null-on-column-added-without-default (a column added NULL in every row, then made NOT
 * NULL) and pg-prefer-bigint-primary-key (an integer column, then made the primary key).
 * {@link FileAnalyzer} writes the answers on the later statement's operations, so those rules
 * judge one statement at a time and no rule session keeps an earlier fact (issue 15: a file of
 * 500,000 ADD COLUMNs). It keeps a few words per column, not the operations.
 */
final class ColumnsAddedInFile {
  /** One column of one table. */
  private static final class Added {
    /** The last statement that added it NULL in every existing row, or -1. */
    int lastNullAdd = -1;
    /** Its integer or smallint ADD COLUMNs without an inline PRIMARY KEY, newest first. */
    IntegerAdd integers;
  }

  /** Where an integer column was added, to report it there when it becomes the primary key. */
  private record IntegerAdd(int statementIndex, int line, int column, String dataType,
      SourceSpan where, IntegerAdd previous) {}

  private final Map<String, Map<String, Added>> byTable = new HashMap<>();
  /** The last statement with an UPDATE of each table. */
  private final Map<String, Integer> lastUpdate = new HashMap<>();

  /**
   * Writes on the statement's operations what earlier statements of the file added. The
   * statement's own ADD COLUMNs count only for its primary keys, as pg-prefer-bigint-primary-key
   * has always read {@code statementIndex <=}.
   */
  void annotate(List<Operation> operations) {
    for (Operation op : operations) {
      Map<String, Added> columns = byTable.getOrDefault(op.getTable(), Map.of());
      op.setColumnAddedInFile(op.getColumn() != null && columns.containsKey(op.getColumn()));
      switch (op.getKind()) {
        case "set-not-null", "add-constraint" -> op.setColumnsAddedNull(nullColumns(op, columns));
        default -> { }
      }
      if (op.getKind().equals("add-constraint") && "primary-key".equals(op.getConstraintType())
          && !op.isUsingIndex() && op.getColumns().size() == 1) {
        op.setKeyColumnAdded(integerAdds(op, columns.get(op.getColumns().get(0)), operations));
      }
    }
  }

  /** Takes in the statement's ADD COLUMNs and UPDATEs, after {@link #annotate}. */
  void record(List<Operation> operations, SourceStatement st) {
    for (Operation op : operations) {
      if (op.getKind().equals("update")) {
        lastUpdate.put(op.getTable(), op.getStatementIndex());
      }
      if (!op.getKind().equals("add-column")) {
        continue;
      }
      Added added = byTable.computeIfAbsent(op.getTable(), k -> new LinkedHashMap<>())
          .computeIfAbsent(op.getColumn(), k -> new Added());
      if (op.isTableExisting() && !op.isHasDefault() && !op.isNotNull() && !op.isIdentity()
          && !op.isSerial() && !op.isGeneratedStored()) {
        added.lastNullAdd = op.getStatementIndex();
      }
      if (isInteger(op) && !op.isInlinePrimaryKey()) {
        // Where FindingSink would put a finding about the operation: its clause, else its
        // statement, which is gone by the time the primary key comes.
        SourceSpan where = op.getClause() != null ? op.getClause() : span(st);
        added.integers = new IntegerAdd(op.getStatementIndex(), op.getLine(), op.getStartColumn(),
            op.getDataType(), where, added.integers);
      }
    }
  }

  /**
   * The columns of the operation's table that an earlier statement added NULL in every row,
   * with no UPDATE of the table since: the candidates of
   * pg-not-null-on-column-added-without-default, which tests the column or CHECK against each.
   */
  private List<String> nullColumns(Operation op, Map<String, Added> columns) {
    Integer update = lastUpdate.get(op.getTable());
    List<String> out = new ArrayList<>();
    columns.forEach((column, added) -> {
      if (added.lastNullAdd >= 0 && (update == null || update < added.lastNullAdd)) {
        out.add(column);
      }
    });
    return out;
  }

  /**
   * The integer ADD COLUMNs of a primary key's column at or before its statement: the
   * statement's own operations, then earlier ones as operations that carry what a finding
   * about them shows (table, column, type and place).
   */
  private static List<Operation> integerAdds(Operation pk, Added earlier,
      List<Operation> statement) {
    String column = pk.getColumns().get(0);
    List<Operation> out = new ArrayList<>();
    for (Operation op : statement) {
      if (op.getKind().equals("add-column") && isInteger(op) && !op.isInlinePrimaryKey()
          && java.util.Objects.equals(op.getTable(), pk.getTable())
          && column.equals(op.getColumn())) {
        out.add(op);
      }
    }
    for (IntegerAdd a = earlier == null ? null : earlier.integers; a != null; a = a.previous()) {
      out.add(new Operation(ColumnChange.added(OperationHeader.of("add-column",
          a.statementIndex(), a.line(), a.column(), a.where()), pk.getTable(), column,
          a.dataType())));
    }
    return out;
  }

  private static boolean isInteger(Operation op) {
    return "integer".equals(op.getDataType()) || "smallint".equals(op.getDataType());
  }

  /** The whole statement as FindingSink spans it. */
  private static SourceSpan span(SourceStatement st) {
    String sql = st.text();
    int newline = sql.lastIndexOf('\n');
    int lines = (int) sql.chars().filter(ch -> ch == '\n').count();
    return new SourceSpan(0, sql.length(), st.line(), st.column(), st.line() + lines,
        newline < 0 ? st.column() + sql.length() : sql.length() - newline);
  }
}
