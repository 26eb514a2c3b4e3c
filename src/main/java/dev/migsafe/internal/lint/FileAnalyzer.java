package dev.migsafe.internal.lint;

import dev.migsafe.api.LockMode;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.TableLock;
import dev.migsafe.internal.locks.PgLockFacts;
import dev.migsafe.internal.rules.MigrationFact;
import dev.migsafe.internal.rules.StatementFact;
import dev.migsafe.internal.schema.Constraint;
import dev.migsafe.internal.schema.Index;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.PgStatementReader;
import dev.migsafe.internal.sql.QueryNames;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SourceTables;
import dev.migsafe.internal.sql.SqlSplitter;
import dev.migsafe.internal.sql.StatementParser;
import dev.migsafe.internal.sql.StatementRead;
import dev.migsafe.internal.sql.SyntaxError;
import dev.migsafe.internal.sql.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks one migration file statement by statement, keeping the schema, the transaction and the
 * session settings as they stand before each statement, and produces the facts the rule base
 * judges and the statement results the user sees.
 */
final class FileAnalyzer {
  /** The key of ignore-file suppressions among the per-statement ones. */
  static final int WHOLE_FILE = -1;

  /** The owner of comments after the last statement that are on a line of their own. */
  private static final int NO_STATEMENT = -2;

  /** Statement text longer than this is cut in results, to keep output and memory bounded. */
  private static final int MAX_SQL_IN_RESULT = 4_000;

  private final PgLockFacts lockFacts;
  private final Schema schema;
  private final Set<String> createdInFile = new HashSet<>();
  /**
   * CHECK constraints this file adds to tables the schema does not know (no --schema, or a
   * partial one), which {@link Schema#apply} ignores, so that ADD CONSTRAINT ... CHECK (c IS NOT
   * NULL) NOT VALID, VALIDATE CONSTRAINT, SET NOT NULL is seen as proven without a schema.
   */
  private final Map<String, List<Constraint>> checksOnUnknownTables = new HashMap<>();
  /** {@code table.column} made NOT NULL by a statement of this file. */
  private final java.util.Set<String> notNullSetInFile = new java.util.HashSet<>();
  private final ColumnsAddedInFile columnsAdded = new ColumnsAddedInFile();
  private final TransactionLocks transactionLocks = new TransactionLocks();

  private boolean explicitTransaction;
  private int transactionCounter;
  private int currentTransaction = -1;
  /** The settings in effect, the ones committed to the session, and session-level SETs pending in an explicit transaction. */
  private Settings current = Settings.UNSET;
  private Settings committed = Settings.UNSET;
  private Settings pending = Settings.UNSET;
  private boolean wrapped;

  /**
   * The session settings that change how statements behave. PostgreSQL undoes a SET made in a
   * transaction that rolls back, and a SET LOCAL at the transaction's end.
   */
  record Settings(long lockTimeoutMs, long statementTimeoutMs, boolean timeZoneUtc) {
    static final Settings UNSET = new Settings(-1, -1, false);

    Settings with(String name, String value) {
      return switch (name) {
        case "lock_timeout" -> new Settings(Durations.millis(value), statementTimeoutMs,
            timeZoneUtc);
        case "statement_timeout" -> new Settings(lockTimeoutMs, Durations.millis(value),
            timeZoneUtc);
        case "timezone" -> new Settings(lockTimeoutMs, statementTimeoutMs, isUtc(value));
        case "all" -> UNSET;
        default -> this;
      };
    }
  }

  /**
   * What the analysis of one file produced besides its statement results and its rule facts,
   * which go to the caller's consumers as they come rather than staying here.
   */
  record Analysis(Map<Integer, List<Suppression>> suppressions) {}

  FileAnalyzer(int engineVersion, Schema schema) {
    this.lockFacts = new PgLockFacts(engineVersion);
    this.schema = schema;
  }

  /**
   * Analyses the file statement by statement, handing each statement's result to
   * {@code results} and its rule fact (which carries the statement's operations) to
   * {@code facts}, in statement order.
   */
  Analysis analyze(String text, MigrationFact file, Consumer<StatementResult> results,
      Consumer<StatementFact> facts) {
    wrapped = file.wrappedInTransaction();
    Map<Integer, List<Suppression>> suppressions = new LinkedHashMap<>();
    if (file.wrappedInTransaction()) {
      currentTransaction = ++transactionCounter;
    }
    SourceStatement previous = null;
    SqlSplitter.StatementIterator it = SqlSplitter.iterate(text);
    while (it.hasNext()) {
      SourceStatement st = it.next();
      collectSuppressions(st.comments(), st.line(), st.index(), previous, suppressions);
      analyzeStatement(st, file, results, facts);
      previous = st;
    }
    // After the last statement: an ignore-file comment, or an ignore on that statement's line.
    collectSuppressions(it.trailingComments(), Integer.MAX_VALUE, NO_STATEMENT, previous,
        suppressions);
    return new Analysis(suppressions);
  }

  private void analyzeStatement(
      SourceStatement st, MigrationFact file, Consumer<StatementResult> results,
      Consumer<StatementFact> facts) {
    StatementRead read = PgStatementReader.read(st);
    SyntaxError syntax = read.syntaxError();
    // A statement PostgreSQL rejects runs nothing: it takes no lock and changes no schema, so
    // its operations are left out. JSqlParser is not asked: it may accept what PostgreSQL
    // rejects (it reads ADD COLUM bar int as a column "colum" of type "bar int"). Nor is it
    // asked about a statement the reader understood: the tables such a statement reads come
    // from its tokens (SourceTables). Parsing it again was most of a lint's CPU.
    boolean readerOnly = syntax == null && read.recognized();
    StatementParser.Parse parse = syntax != null
        ? new StatementParser.Parse(null, syntax.message())
        : readerOnly ? new StatementParser.Parse(null, null) : StatementParser.parse(st.text());
    List<Operation> operations = syntax != null ? List.of() : read.operations();
    boolean parsed = (parse.ok() || read.recognized()) && syntax == null;
    String parser = parse.ok() ? "jsqlparser" : read.recognized() ? "postgresql-reader" : "keywords";
    String error = parse.error();

    // Transaction state as it stands for this statement: BEGIN opens before it runs.
    for (Operation op : operations) {
      if (op.getKind().equals("begin") && !file.wrappedInTransaction()) {
        explicitTransaction = true;
        currentTransaction = ++transactionCounter;
      }
    }
    boolean inTransaction = file.wrappedInTransaction() || explicitTransaction;

    Boolean where = parse.ok() ? StatementParser.hasWhere(parse.statement())
        : readerOnly ? SourceTables.where(read.kind(), st.tokens()) : null;
    Map<String, LockMode> locks = new LinkedHashMap<>();
    boolean rewrites = false;
    boolean scans = false;
    boolean fails = false;
    for (Operation op : operations) {
      if (where != null) {
        op.setHasWhereInTree(where);
      }
      enrich(op);
      lockFacts.apply(op, current.timeZoneUtc());
      if (op.isTableExisting() && op.getLockMode() != null) {
        locks.merge(op.getTable(), op.getLockMode(), LockMode::strongest);
        rewrites |= op.isRewritesTable();
        scans |= op.isScansTable();
        fails |= op.isFailsOnNonEmptyTable();
      }
      if (op.isRefTableExisting() && op.getRefLockMode() != null) {
        locks.merge(op.getRefTable(), op.getRefLockMode(), LockMode::strongest);
      }
      if (op.getKind().equals("alter-domain") && checksDomainValues(op)) {
        List<String> users = tablesWithColumnsOf(op.getObjectName());
        op.setDomainTables(users);
        for (String t : users) {
          locks.merge(t, LockMode.SHARE, LockMode::strongest);
          scans = true;
        }
      }
      track(op, explicitTransaction);
      schema.apply(op);
    }
    // Before the statement's own ADD COLUMNs are taken in: an ADD and a DROP of one column in
    // one ALTER TABLE is not "added earlier".
    columnsAdded.annotate(operations);
    columnsAdded.record(operations, st);
    if ((parse.ok() || readerOnly) && SourceTables.READING_KINDS.contains(read.kind())) {
      java.util.Set<String> created = new java.util.HashSet<>();
      for (Operation op : operations) {
        created.add(op.getKind().equals("create-table") ? op.getTable() : op.getObjectName());
      }
      java.util.Optional<java.util.Set<String>> sources = parse.ok()
          ? QueryNames.of(parse.statement()).map(QueryNames::tables)
          : SourceTables.read(read.kind(), st.tokens(), operations);
      sources.ifPresent(tables -> sourceLocks(tables, created, locks));
    }
    LockMode strongest = locks.values().stream().reduce(null, LockMode::strongest);
    transactionLocks.enter(inTransaction ? currentTransaction : -1);
    facts.accept(new StatementFact(st.index(), st.line(), st.column(), read.kind(), st.text(),
        parsed, error, syntax, inTransaction, inTransaction ? currentTransaction : -1,
        current.lockTimeoutMs(), current.statementTimeoutMs(), strongest, List.copyOf(locks.keySet()), rewrites, scans,
        operations, transactionLocks.writeLocked(), transactionLocks.accessExclusive()));
    transactionLocks.record(operations);
    List<TableLock> tableLocks = new ArrayList<>();
    locks.forEach((t, m) -> tableLocks.add(new TableLock(t, m)));
    results.accept(new StatementResult(st.index(), st.line(), st.column(), cut(st.text()), parsed,
        parser, read.kind(), List.copyOf(tableLocks), rewrites, scans, fails));

    for (Operation op : operations) {
      if ((op.getKind().equals("commit") || op.getKind().equals("rollback"))
          && explicitTransaction) {
        explicitTransaction = false;
        currentTransaction = file.wrappedInTransaction() ? currentTransaction : -1;
        // COMMIT keeps session-level SETs and drops SET LOCAL; ROLLBACK undoes both.
        committed = op.getKind().equals("commit") ? pending : committed;
        pending = committed;
        current = committed;
      }
    }
  }

  /**
   * ACCESS SHARE on every table the statement reads, did not create and does not lock
   * otherwise: it is held until the transaction ends, and an ALTER waiting for ACCESS
   * EXCLUSIVE queues behind it.
   */
  private void sourceLocks(java.util.Set<String> tables, java.util.Set<String> created,
      Map<String, LockMode> locks) {
    for (String t : tables) {
      if (created.contains(t) || schema.views().containsKey(t)) {
        continue; // the relation this statement creates, or a view: locks are about tables
      }
      // Without a schema (lint often runs without --schema) a name is taken to be a table,
      // as for the table a statement changes; with one, a name it does not know as a table
      // is a sequence, a function's result or a view's, none of which the lock facts cover.
      boolean table = schema.table(t) != null || schema.tables().isEmpty();
      if (table && !createdInFile.contains(t) && !locks.containsKey(t)) {
        locks.put(t, LockMode.ACCESS_SHARE);
      }
    }
  }

  /**
   * ALTER DOMAIN that checks every stored value of the domain: ADD CONSTRAINT (unless NOT
   * VALID), VALIDATE CONSTRAINT, SET NOT NULL. PostgreSQL reads each column of the domain,
   * holding SHARE on its table (typecmds.c, validateDomainConstraint).
   */
  private static boolean checksDomainValues(Operation op) {
    return "add-constraint".equals(op.getValue()) && !op.isNotValid()
        || "validate-constraint".equals(op.getValue()) || "set-not-null".equals(op.getValue());
  }

  /** The existing tables with a column whose type is {@code type}, in schema order. */
  private List<String> tablesWithColumnsOf(String type) {
    if (type == null) {
      return List.of();
    }
    String bare = type.substring(type.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (Table t : schema.tables().values()) {
      boolean uses = t.columns().values().stream().anyMatch(c -> c.type() != null
          && c.type().toLowerCase(Locale.ROOT).replaceFirst("^public\\.", "").equals(bare));
      if (uses && !createdInFile.contains(t.name())) {
        out.add(t.name());
      }
    }
    return out;
  }

  /** Whether an expression names the column (as a whole word, quoted or not). */
  private static boolean readsColumn(String expression, String column) {
    return java.util.regex.Pattern.compile("(?i)(?<![A-Za-z0-9_$])\"?"
        + java.util.regex.Pattern.quote(column) + "\"?(?![A-Za-z0-9_$])")
        .matcher(expression).find();
  }

  /** Adds what the schema knows to an operation read from SQL. */
  private void enrich(Operation op) {
    if (op.getTable() == null
        && (op.getKind().equals("drop-index") || op.getKind().equals("reindex"))) {
      Index idx = schema.indexes().get(op.getIndexName());
      if (idx != null) {
        op.setTableOfIndex(idx.table());
      }
    }
    String table = op.getTable();
    Table t = schema.table(table);
    op.setTableKnown(t != null);
    op.setTableNewInFile(table != null && createdInFile.contains(table));
    boolean creating = op.getKind().equals("create-table");
    op.setTableExisting(table != null && !creating && !createdInFile.contains(table)
        && !(t != null && t.temporary()));
    if (t != null) {
      op.setTablePartitionedInSchema(t.partitioned());
      if (op.getColumn() != null) {
        var col = t.column(op.getColumn());
        op.setColumnKnown(col != null);
        if (col != null && op.getKind().equals("alter-column-type")) {
          op.setOldDataType(col.type());
          // A CHECK that reads the column is dropped and added again by the type change, and
          // PostgreSQL checks every row against it anew, even when no row is rewritten.
          String column = op.getColumn();
          t.constraints().stream().filter(c -> "check".equals(c.type()) && c.validated()
                  && c.checkExpr() != null && readsColumn(c.checkExpr(), column))
              .findFirst().ifPresent(c -> op.setCheckInSchema(c.checkExpr()));
        }
        if (col != null && (op.getKind().equals("alter-column-type")
            || op.getKind().equals("drop-column"))) {
          op.setDependentViews(schema.viewsReading(table, op.getColumn()).stream()
              .map(dev.migsafe.internal.schema.View::name).toList());
        }
      }
      if (op.getKind().equals("set-not-null")) {
        op.setValidatedNotNullCheck(t.constraints().stream()
            .anyMatch(c -> c.provesNotNull(op.getColumn())));
      }
      if (op.getConstraintName() != null && (op.getKind().equals("validate-constraint")
          || op.getKind().equals("drop-constraint"))) {
        for (Constraint c : t.constraints()) {
          if (c.name().equals(op.getConstraintName())) {
            op.setConstraintInSchema(c.type(), !c.validated());
            op.setRefTableInSchema(c.refTable());
          }
        }
      }
      // Dropping a column drops its foreign keys, and each takes the lock of DROP CONSTRAINT
      // on the table it references (PgLockFacts): a rehearsal sees it there.
      if (op.getKind().equals("drop-column") && op.getRefTable() == null) {
        t.constraints().stream().filter(c -> c.type().equals("foreign-key")
            && c.columns().contains(op.getColumn()) && !c.refTable().equals(table))
            .findFirst().ifPresent(c -> op.setRefTableInSchema(c.refTable()));
      }
    }
    if ("primary-key".equals(op.getConstraintType()) && op.isUsingIndex()) {
      // The key's columns must be NOT NULL, in the schema or set so earlier in this file (on
      // a table the schema does not know); an index nobody described proves nothing.
      Index idx = schema.indexes().get(op.getIndexName());
      op.setKeyColumnsNotNull(idx != null && idx.columns().stream().allMatch(c ->
          t != null && t.column(c) != null && t.column(c).notNull()
              || notNullSetInFile.contains(table + "." + c)));
    }
    if (op.getKind().equals("set-not-null") && op.getColumn() != null) {
      notNullSetInFile.add(table + "." + op.getColumn());
    }
    if (t == null && op.getKind().equals("set-not-null")) {
      op.setValidatedNotNullCheck(checksOnUnknownTables.getOrDefault(table, List.of()).stream()
          .anyMatch(c -> c.provesNotNull(op.getColumn())));
    }
    if (op.getKind().equals("alter-column-type") && schema.isEnum(op.getDataType())) {
      op.setToEnumType(true);
    }
    if (op.getRefTable() != null) {
      op.setRefTableExisting(!createdInFile.contains(op.getRefTable()));
    }
    // ATTACH PARTITION skips its scan of the partition when a validated CHECK constraint
    // implies the bound (manual: ALTER TABLE, ATTACH PARTITION). migsafe cannot prove the
    // implication, so it passes on the partition's first validated CHECK expression (or null).
    if (op.getKind().equals("attach-partition")) {
      Table part = schema.table(op.getRefTable());
      op.setCheckInSchema(part == null ? null : part.constraints().stream()
          .filter(c -> "check".equals(c.type()) && c.validated() && c.checkExpr() != null)
          .map(Constraint::checkExpr).findFirst().orElse(null));
    }
  }

  /**
   * Session settings, and tables this file creates.
   *
   * @param explicitTx inside an explicit BEGIN ... COMMIT
   */
  private void track(Operation op, boolean explicitTx) {
    switch (op.getKind()) {
      case "create-table" -> createdInFile.add(op.getTable());
      // Empty until the migration fills it: a refresh of it blocks nobody yet.
      case "create-materialized-view" -> createdInFile.add(op.getObjectName());
      case "add-constraint", "validate-constraint", "drop-constraint" -> trackCheckOnUnknownTable(op);
      case "rename-table" -> {
        if (createdInFile.remove(op.getTable()) && op.getNewName() != null) {
          createdInFile.add(op.getNewName());
        }
      }
      case "set", "reset" -> {
        String name = op.getObjectName() == null ? "" : op.getObjectName().toLowerCase(Locale.ROOT);
        String value = op.getKind().equals("reset") ? "DEFAULT" : op.getValue();
        boolean local = "LOCAL".equals(op.getObjectType());
        if (local && !explicitTx && !wrapped) {
          return; // SET LOCAL outside a transaction block has no effect
        }
        current = current.with(name, value);
        if (!explicitTx) {
          committed = current;
          pending = current;
        } else if (!local) {
          pending = pending.with(name, value);
        }
      }
      default -> { }
    }
  }

  private void trackCheckOnUnknownTable(Operation op) {
    if (op.getTable() == null || schema.table(op.getTable()) != null) {
      return;
    }
    List<Constraint> checks =
        checksOnUnknownTables.computeIfAbsent(op.getTable(), k -> new ArrayList<>());
    String name = op.getConstraintName();
    switch (op.getKind()) {
      case "add-constraint" -> {
        if ("check".equals(op.getConstraintType())) {
          checks.add(new Constraint(name, "check", List.of(), op.getCheckExpr(), null,
              !op.isNotValid()));
        }
      }
      case "validate-constraint" -> checks.replaceAll(c -> name != null && name.equals(c.name())
          ? new Constraint(c.name(), c.type(), c.columns(), c.checkExpr(), null, true) : c);
      default -> checks.removeIf(c -> name != null && name.equals(c.name()));
    }
  }

  private static boolean isUtc(String value) {
    if (value == null) {
      return false;
    }
    String v = value.replace("'", "").trim().toUpperCase(Locale.ROOT);
    return v.equals("UTC") || v.equals("ETC/UTC") || v.equals("GMT") || v.equals("ZULU")
        || v.equals("0") || v.equals("UCT") || v.equals("ETC/UCT") || v.equals("+00:00");
  }

  /**
   * Comments on or above a statement belong to it; a comment on the last line of the previous
   * statement (after its semicolon) belongs to that one.
   */
  private static void collectSuppressions(List<Token> comments, int line, int index,
      SourceStatement previous, Map<Integer, List<Suppression>> out) {
    for (Token c : comments) {
      int owner = previous != null && c.line() == previous.endLine() && c.line() < line
          ? previous.index() : index;
      for (Suppression s : Suppression.parse(c.text(), c.line(), c.column())) {
        if (s.wholeFile() || owner != NO_STATEMENT) {
          out.computeIfAbsent(s.wholeFile() ? WHOLE_FILE : owner, k -> new ArrayList<>()).add(s);
        }
      }
    }
  }

  private static String cut(String sql) {
    return sql.length() <= MAX_SQL_IN_RESULT ? sql
        : sql.substring(0, MAX_SQL_IN_RESULT) + " ... (" + sql.length() + " characters)";
  }
}
