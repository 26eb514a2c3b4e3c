package dev.migsafe.internal.sql;

import java.util.List;
import java.util.Set;

/**
 * What {@link PgStatementReader} has read so far of one operation. A statement is read clause
 * by clause (a column definition's NOT NULL, DEFAULT and REFERENCES come in any order, ALTER
 * TABLE's IF EXISTS applies to every action read after it), so the reader collects here and
 * {@link #toRecord} freezes the draft into the record of its family once the statement is
 * read. Nothing outside the reader sees a draft.
 */
final class OperationDraft {
  private static final Set<String> COLUMN_KINDS = Set.of(
      "add-column", "drop-column", "rename-column", "alter-column-type", "set-default",
      "drop-default", "set-not-null", "drop-not-null", "set-statistics", "set-storage",
      "set-compression", "set-column-options", "add-identity", "drop-identity",
      "drop-expression", "set-identity");
  private static final Set<String> CONSTRAINT_KINDS = Set.of(
      "add-constraint", "drop-constraint", "validate-constraint", "rename-constraint",
      "alter-constraint");
  private static final Set<String> INDEX_KINDS = Set.of(
      "create-index", "drop-index", "alter-index", "rename-index", "reindex");
  private static final Set<String> TABLE_KINDS = Set.of(
      "create-table", "drop-table", "rename-table", "set-schema", "attach-partition",
      "detach-partition", "detach-partition-finalize", "alter-table-other", "enable-trigger",
      "disable-trigger", "enable-rule", "disable-rule", "enable-rls", "disable-rls", "force-rls",
      "cluster-on", "set-without-cluster", "set-without-oids", "set-logged", "set-unlogged",
      "set-tablespace", "set-access-method", "set-storage-params", "reset-storage-params",
      "inherit", "no-inherit", "of-type", "not-of-type", "owner-to", "replica-identity",
      "vacuum", "vacuum-full", "cluster", "analyze", "refresh-materialized-view");
  private static final Set<String> DATA_KINDS = Set.of(
      "insert", "update", "delete", "merge", "copy", "truncate", "select", "values");
  private static final Set<String> SESSION_KINDS = Set.of(
      "set", "reset", "set-transaction", "set-role", "begin", "commit", "rollback",
      "rollback-to-savepoint", "savepoint", "lock-table");

  final String kind;
  SourceSpan clause;
  String table;
  String column;
  String newName;
  String dataType;
  String usingExpr;
  ColumnDefault defaultValue;
  ColumnChange.GeneratedColumn generated;
  ColumnChange.IdentityGeneration identity;
  boolean serial;
  boolean notNull;
  boolean inlinePrimaryKey;
  boolean inlineUnique;
  boolean inlineCheck;
  boolean inlineReferences;
  ForeignKeyTarget references;
  ConstraintChange.ConstraintType constraintType;
  String constraintName;
  List<String> columns = List.of();
  String checkExpr;
  boolean notValid;
  boolean usingIndex;
  String indexName;
  boolean unique;
  boolean concurrently;
  boolean ifExists;
  boolean ifNotExists;
  boolean cascade;
  boolean hasWhere;
  boolean batched;
  String objectName;
  String objectType;
  String value;
  boolean partitioned;
  ViewDefinition view;
  GrantSpec grant;

  OperationDraft(String kind) {
    this.kind = kind;
  }

  OperationDraft table(String table) {
    this.table = table;
    return this;
  }

  OperationDraft column(String column) {
    this.column = column;
    return this;
  }

  OperationDraft newName(String newName) {
    this.newName = newName;
    return this;
  }

  OperationDraft objectName(String objectName) {
    this.objectName = objectName;
    return this;
  }

  OperationDraft objectType(String objectType) {
    this.objectType = objectType;
    return this;
  }

  OperationDraft value(String value) {
    this.value = value;
    return this;
  }

  OperationDraft indexName(String indexName) {
    this.indexName = indexName;
    return this;
  }

  OperationDraft constraintName(String constraintName) {
    this.constraintName = constraintName;
    return this;
  }

  OperationDraft ifExists(boolean ifExists) {
    this.ifExists = ifExists;
    return this;
  }

  OperationDraft ifNotExists(boolean ifNotExists) {
    this.ifNotExists = ifNotExists;
    return this;
  }

  OperationDraft cascade(boolean cascade) {
    this.cascade = cascade;
    return this;
  }

  OperationDraft concurrently(boolean concurrently) {
    this.concurrently = concurrently;
    return this;
  }

  OperationDraft clause(SourceSpan clause) {
    this.clause = clause;
    return this;
  }

  OperationDraft columns(List<String> columns) {
    this.columns = columns;
    return this;
  }

  OperationDraft hasWhere(boolean hasWhere) {
    this.hasWhere = hasWhere;
    return this;
  }

  OperationDraft view(ViewDefinition view) {
    this.view = view;
    return this;
  }

  OperationDraft unique(boolean unique) {
    this.unique = unique;
    return this;
  }

  OperationDraft dataType(String dataType) {
    this.dataType = dataType;
    return this;
  }

  OperationDraft notValid(boolean notValid) {
    this.notValid = notValid;
    return this;
  }

  OperationDraft batched(boolean batched) {
    this.batched = batched;
    return this;
  }

  OperationDraft grant(GrantSpec grant) {
    this.grant = grant;
    return this;
  }

  OperationDraft partitioned(boolean partitioned) {
    this.partitioned = partitioned;
    return this;
  }

  OperationDraft usingExpr(String usingExpr) {
    this.usingExpr = usingExpr;
    return this;
  }

  /** The record of the draft's family, placed in its statement. */
  OperationRecord toRecord(int statementIndex, int line, int startColumn) {
    OperationHeader h = OperationHeader.of(kind, statementIndex, line, startColumn, clause);
    if (COLUMN_KINDS.contains(kind)) {
      boolean inline = inlinePrimaryKey || inlineUnique || inlineCheck || inlineReferences;
      return new ColumnChange(h, table, column, newName, dataType, usingExpr, defaultValue,
          generated, identity, serial, notNull,
          inline ? new ColumnChange.InlineConstraints(inlinePrimaryKey, inlineUnique,
              inlineCheck, checkExpr, inlineReferences ? references : null) : null,
          value, ifExists, ifNotExists, cascade);
    }
    if (CONSTRAINT_KINDS.contains(kind)) {
      return new ConstraintChange(h, table, constraintName, constraintType, columns, checkExpr,
          references, usingIndex, indexName, notValid, newName, ifExists, cascade);
    }
    if (INDEX_KINDS.contains(kind)) {
      return new IndexChange(h, table, indexName, columns, unique, concurrently, hasWhere,
          "ONLY".equals(value), objectType, newName, ifExists, ifNotExists, cascade);
    }
    if (TABLE_KINDS.contains(kind)) {
      return tableChange(h);
    }
    if (DATA_KINDS.contains(kind)) {
      return new DataChange(h, table, hasWhere, batched);
    }
    if (SESSION_KINDS.contains(kind)) {
      SessionStatement.Scope scope = objectType == null ? null
          : SessionStatement.Scope.valueOf(objectType);
      return new SessionStatement(h, table, objectName, value, scope);
    }
    if (kind.equals("grant") || kind.equals("revoke")) {
      return new GrantChange(h, objectType, table, objectName, grant);
    }
    return new ObjectChange(h, objectName, objectType, table, column, value, newName,
        constraintName, notValid, view, concurrently, ifExists, ifNotExists, cascade);
  }

  private TableChange tableChange(OperationHeader h) {
    boolean partitionAction = kind.equals("attach-partition") || kind.startsWith("detach-");
    boolean create = kind.equals("create-table");
    TableChange.CreateForm form = create && objectType != null
        ? TableChange.CreateForm.valueOf(objectType) : null;
    TableChange.Persistence persistence = create && value != null
        ? TableChange.Persistence.valueOf(value.toUpperCase(java.util.Locale.ROOT)) : null;
    return new TableChange(h, table, partitionAction ? objectName : null,
        partitionAction ? value : null, form == TableChange.CreateForm.PARTITION ? objectName
        : null, form, persistence, partitioned, partitionAction || create ? null : objectName,
        partitionAction || create ? null : value, indexName, newName, concurrently, ifExists,
        ifNotExists, cascade);
  }
}
