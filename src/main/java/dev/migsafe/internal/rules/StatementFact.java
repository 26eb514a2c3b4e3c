package dev.migsafe.internal.rules;

import dev.migsafe.api.LockMode;
import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.SyntaxError;
import java.util.List;

/**
 * A statement as the rule base sees it: where it is, its transaction and session context, and
 * its strongest lock on tables that may hold data. Operations of the statement are separate
 * facts that share its {@code index}.
 */
public final class StatementFact {
  private final int index;
  private final int line;
  private final int column;
  private final String kind;
  private final String sql;
  private final boolean parsed;
  private final String parseError;
  private final SyntaxError syntaxError;
  private final boolean inTransaction;
  private final int transactionId;
  private final long lockTimeoutMs;
  private final long statementTimeoutMs;
  private final LockMode strongestLock;
  private final List<String> lockedTables;
  private final boolean rewritesTable;
  private final boolean scansTable;
  private final List<Operation> operations;
  private final java.util.SortedSet<String> earlierWriteLockedTables;
  private final java.util.SortedSet<String> earlierAccessExclusiveTables;

  @SuppressWarnings("checkstyle:ParameterNumber")
  public StatementFact(
      int index,
      int line,
      int column,
      String kind,
      String sql,
      boolean parsed,
      String parseError,
      SyntaxError syntaxError,
      boolean inTransaction,
      int transactionId,
      long lockTimeoutMs,
      long statementTimeoutMs,
      LockMode strongestLock,
      List<String> lockedTables,
      boolean rewritesTable,
      boolean scansTable,
      List<Operation> operations,
      java.util.SortedSet<String> earlierWriteLockedTables,
      java.util.SortedSet<String> earlierAccessExclusiveTables) {
    this.index = index;
    this.line = line;
    this.column = column;
    this.kind = kind;
    this.sql = sql;
    this.parsed = parsed;
    this.parseError = parseError;
    this.syntaxError = syntaxError;
    this.inTransaction = inTransaction;
    this.transactionId = transactionId;
    this.lockTimeoutMs = lockTimeoutMs;
    this.statementTimeoutMs = statementTimeoutMs;
    this.strongestLock = strongestLock;
    this.lockedTables = List.copyOf(lockedTables);
    this.rewritesTable = rewritesTable;
    this.scansTable = scansTable;
    this.operations = List.copyOf(operations);
    this.earlierWriteLockedTables = earlierWriteLockedTables;
    this.earlierAccessExclusiveTables = earlierAccessExclusiveTables;
  }

  /**
   * In a transaction: the tables that may hold data which earlier statements of it locked
   * against writes (SHARE or stronger), still locked until it ends; sorted, read-only.
   */
  public java.util.SortedSet<String> getEarlierWriteLockedTables() {
    return earlierWriteLockedTables;
  }

  /**
   * In a transaction: the tables that may hold data which earlier statements of it locked
   * ACCESS EXCLUSIVE, still locked until it ends; sorted, read-only.
   */
  public java.util.SortedSet<String> getEarlierAccessExclusiveTables() {
    return earlierAccessExclusiveTables;
  }

  public int getIndex() {
    return index;
  }

  public int getLine() {
    return line;
  }

  public int getColumn() {
    return column;
  }

  public String getKind() {
    return kind;
  }

  public String getSql() {
    return sql;
  }

  public boolean isParsed() {
    return parsed;
  }

  public String getParseError() {
    return parseError;
  }

  /** Where PostgreSQL would reject the statement as a syntax error, or null. */
  public SyntaxError getSyntaxError() {
    return syntaxError;
  }

  /** Inside an explicit BEGIN ... COMMIT, or in a file the migration tool wraps in one. */
  public boolean isInTransaction() {
    return inTransaction;
  }

  /** Statements in the same transaction share this number; -1 outside any transaction. */
  public int getTransactionId() {
    return transactionId;
  }

  /**
   * The scope a timeout setting covers: the explicit transaction's number, or -1 for the rest
   * of the file (a session-level SET lasts to its end). The missing-timeout rules report once
   * per scope.
   */
  public int getTimeoutScope() {
    return inTransaction ? transactionId : -1;
  }

  /** The session's lock_timeout in force, in ms: -1 when the file never set it, 0 when disabled. */
  public long getLockTimeoutMs() {
    return lockTimeoutMs;
  }

  /** The session's statement_timeout in force, in ms: -1 never set, 0 disabled. */
  public long getStatementTimeoutMs() {
    return statementTimeoutMs;
  }

  /** The strongest lock on a table that may hold data, or null. */
  public LockMode getStrongestLock() {
    return strongestLock;
  }

  /** Tables that may hold data and that this statement locks, in order. */
  public List<String> getLockedTables() {
    return lockedTables;
  }

  public boolean isRewritesTable() {
    return rewritesTable;
  }

  public boolean isScansTable() {
    return scansTable;
  }

  /**
   * The statement's operations, which are facts of their own too: a rule that judges a whole
   * scope of statements reads them here instead of joining every statement with every
   * operation of the file.
   */
  public List<Operation> getOperations() {
    return operations;
  }

  /** True when the statement blocks writes (SHARE or stronger) on a table that may hold data. */
  public boolean isBlocksWrites() {
    return strongestLock != null && strongestLock.blocksWrites();
  }

  public String getLockName() {
    return strongestLock == null ? null : strongestLock.sqlName();
  }

  /** The locked tables joined for messages. */
  public String getTables() {
    return String.join(", ", lockedTables);
  }
}
