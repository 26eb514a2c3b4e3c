package dev.migsafe.internal.sql;

import dev.migsafe.internal.model.LockFacts;
import java.util.List;
import java.util.Objects;

/**
 * One operation of a statement as the rule base sees it: a statement has one or more (an ALTER
 * TABLE with three sub-commands has three). It is assembled from the {@link OperationRecord}
 * the reader made, whose facts it only reads, and what the analyser adds from the schema, the
 * file so far and the lock knowledge. It stays a bean with getters because DRL reads facts as
 * properties ({@code kind == "add-column"}, {@code refTable}) and the analyser completes it
 * statement by statement; the getters keep the names the rules have always read, and decide
 * from the record's family what each means.
 */
public final class Operation {
  private final OperationRecord record;

  // What the analyser adds (FileAnalyzer, ColumnsAddedInFile, PgLockFacts).
  /** The table is in the schema as it stands before this statement. */
  private boolean tableKnown;
  /** The table existed before this migration file: it may hold data. */
  private boolean tableExisting;
  /** The table was created earlier in the same migration file. */
  private boolean tableNewInFile;
  /** An earlier statement of the file added this table's column of this name (ADD COLUMN). */
  private boolean columnAddedInFile;
  private boolean columnKnown;
  private boolean refTableExisting;
  /** A validated CHECK (column IS NOT NULL) exists. */
  private boolean validatedNotNullCheck;
  /** 0: the statement's tokens decide whether it has a WHERE; 1 or 2: JSqlParser's tree said no or yes. */
  private byte whereInTree;
  /** 0: the schema does not know the table; 1 or 2: it knows it is not or is partitioned. */
  private byte partitionedInSchema;
  /** The server's facts for this operation, set once its schema facts are known. */
  private LockFacts lockFacts = LockFacts.NONE;
  /** The analyser's rarer facts; null until it has one to give. */
  private RareFacts rare;

  /**
   * The facts only some kinds of operation get, from the schema or the file so far: kept apart
   * so that most operations carry one null reference for them, not a dozen fields (lint keeps
   * a window of operations in memory).
   */
  private static final class RareFacts {
    /**
     * SET NOT NULL and ADD CONSTRAINT: the columns of the table that an earlier ADD COLUMN of
     * the file left NULL in every existing row, with no UPDATE of the table since.
     */
    List<String> columnsAddedNull = List.of();
    /**
     * A one-column primary key: the integer or smallint ADD COLUMNs of that column in this
     * statement or an earlier one of the file.
     */
    List<Operation> keyColumnAdded = List.of();
    /** The table of the index a DROP INDEX or REINDEX names. */
    String tableOfIndex;
    /** The table a constraint of the schema references (VALIDATE, DROP CONSTRAINT, DROP COLUMN). */
    String refTable;
    /** The type of the constraint VALIDATE or DROP CONSTRAINT names. */
    String constraintType;
    boolean constraintNotValid;
    /** A validated CHECK that a type change re-checks, or a partition's CHECK on attach. */
    String checkExpr;
    String oldDataType;
    List<String> dependentViews = List.of();
    /** Tables with a column of the domain an ALTER DOMAIN checks. */
    List<String> domainTables;
    /** PRIMARY KEY USING INDEX: every column of the index is NOT NULL. */
    boolean keyColumnsNotNull;
    /** A type change to an enum type. */
    boolean toEnumType;
  }

  public Operation(OperationRecord record) {
    this.record = Objects.requireNonNull(record);
  }

  /** What the reader read, immutable. */
  public OperationRecord record() {
    return record;
  }

  private RareFacts rare() {
    if (rare == null) {
      rare = new RareFacts();
    }
    return rare;
  }

  // ------------------------------------------------------------ the reader's facts

  public int getStatementIndex() {
    return record.header().statementIndex();
  }

  public int getLine() {
    return record.header().line();
  }

  public int getStartColumn() {
    return record.header().column();
  }

  public SourceSpan getClause() {
    return record.header().clause();
  }

  public String getKind() {
    return record.header().kind();
  }

  /** The kind as an enum, looked up once when the record was read. */
  public OperationKind getOperationKind() {
    return record.header().operationKind();
  }

  /** The table; for DROP INDEX and REINDEX INDEX, the index's table if the schema knows it. */
  public String getTable() {
    String table = record.table();
    return table == null && rare != null ? rare.tableOfIndex : table;
  }

  public String getColumn() {
    if (record instanceof ColumnChange c) {
      return c.column();
    }
    return record instanceof ObjectChange o ? o.column() : null;
  }

  /** The new name of a rename. */
  public String getNewName() {
    if (record instanceof ColumnChange c) {
      return c.newName();
    } else if (record instanceof ConstraintChange c) {
      return c.newName();
    } else if (record instanceof IndexChange i) {
      return i.newName();
    } else if (record instanceof TableChange t) {
      return t.newName();
    }
    return record instanceof ObjectChange o ? o.newName() : null;
  }

  /** The column's (new) type, canonical. */
  public String getDataType() {
    return record instanceof ColumnChange c ? c.dataType() : null;
  }

  /** For a type change: its USING expression. */
  public String getUsingExpr() {
    return record instanceof ColumnChange c ? c.usingExpr() : null;
  }

  /**
   * The default's text ({@code nextval(...)} for a serial, {@code identity} for an identity),
   * else a generated column's expression.
   */
  public String getDefaultExpr() {
    if (!(record instanceof ColumnChange c)) {
      return null;
    }
    if (c.defaultValue() != null) {
      return c.defaultValue().text();
    }
    return c.generated() == null ? null : c.generated().expression();
  }

  public boolean isHasDefault() {
    return record instanceof ColumnChange c && c.defaultValue() != null;
  }

  /** The default is (or may be) volatile: evaluated per row. */
  public boolean isDefaultVolatile() {
    return record instanceof ColumnChange c && c.defaultValue() != null
        && c.defaultValue().isVolatile();
  }

  /**
   * A column declared NOT NULL; for PRIMARY KEY USING INDEX, every column of the index is NOT
   * NULL (from the schema and the file).
   */
  public boolean isNotNull() {
    if (record instanceof ColumnChange c) {
      return c.notNull();
    }
    return record instanceof ConstraintChange && rare != null
        && rare.keyColumnsNotNull;
  }

  public boolean isSerial() {
    return record instanceof ColumnChange c && c.serial();
  }

  public boolean isIdentity() {
    return record instanceof ColumnChange c && c.identity() != null;
  }

  /** An identity's kind, {@code always} or {@code by default}; null when it is not one. */
  public String getIdentityGeneration() {
    return record instanceof ColumnChange c && c.identity() != null ? c.identity().text() : null;
  }

  /** A foreign key's ON DELETE / ON UPDATE clauses as written, upper case; null for none. */
  public String getReferentialActions() {
    ForeignKeyTarget target = references();
    return target == null ? null : target.actions();
  }

  public boolean isGeneratedStored() {
    return record instanceof ColumnChange c && c.generated() != null && c.generated().stored();
  }

  public boolean isInlinePrimaryKey() {
    return inline() != null && inline().primaryKey();
  }

  public boolean isInlineUnique() {
    return inline() != null && inline().unique();
  }

  public boolean isInlineReferences() {
    return inline() != null && inline().references() != null;
  }

  public boolean isInlineCheck() {
    return inline() != null && inline().check();
  }

  private ColumnChange.InlineConstraints inline() {
    return record instanceof ColumnChange c ? c.inline() : null;
  }

  private ForeignKeyTarget references() {
    if (record instanceof ConstraintChange c) {
      return c.references();
    }
    return inline() == null ? null : inline().references();
  }

  /** Foreign-key, check, unique, primary-key, exclude; for VALIDATE and DROP, the schema's. */
  public String getConstraintType() {
    if (record instanceof ConstraintChange c && c.type() != null) {
      return c.type().id();
    }
    return rare == null ? null : rare.constraintType;
  }

  public String getConstraintName() {
    if (record instanceof ConstraintChange c) {
      return c.name();
    }
    return record instanceof ObjectChange o ? o.constraintName() : null;
  }

  /** The columns of an index or constraint. */
  public List<String> getColumns() {
    if (record instanceof ConstraintChange c) {
      return c.columns();
    }
    return record instanceof IndexChange i ? i.columns() : List.of();
  }

  /**
   * A CHECK's expression; for a type change, a validated CHECK of the schema that reads the
   * column; for ATTACH PARTITION, the partition's first validated CHECK.
   */
  public String getCheckExpr() {
    String check = record instanceof ConstraintChange c ? c.checkExpr()
        : inline() == null ? null : inline().checkExpr();
    return check == null && rare != null ? rare.checkExpr : check;
  }

  /** Added NOT VALID; for VALIDATE and DROP CONSTRAINT, not validated in the schema. */
  public boolean isNotValid() {
    if (record instanceof ConstraintChange c) {
      return c.notValid() || rare != null && rare.constraintNotValid;
    }
    return record instanceof ObjectChange o && o.notValid();
  }

  /** UNIQUE / PRIMARY KEY USING INDEX. */
  public boolean isUsingIndex() {
    return record instanceof ConstraintChange c && c.usingIndex();
  }

  /**
   * The other table the operation locks: a foreign key's referenced table, the partition
   * attached or detached, the parent of CREATE TABLE ... PARTITION OF; from the schema, the
   * table a validated, dropped or dropped column's foreign key references.
   */
  public String getRefTable() {
    String ref = null;
    if (record instanceof TableChange t) {
      ref = t.partition() != null ? t.partition() : t.parent();
    } else if (references() != null) {
      ref = references().table();
    }
    return ref == null && rare != null ? rare.refTable : ref;
  }

  /** The referenced columns of a foreign key (empty: the referenced table's primary key). */
  public List<String> getRefColumns() {
    ForeignKeyTarget target = references();
    return target == null ? List.of() : target.columns();
  }

  public String getIndexName() {
    if (record instanceof IndexChange i) {
      return i.indexName();
    } else if (record instanceof ConstraintChange c) {
      return c.indexName();
    }
    return record instanceof TableChange t ? t.indexName() : null;
  }

  /** CREATE UNIQUE INDEX. */
  public boolean isUnique() {
    return record instanceof IndexChange i && i.unique();
  }

  public boolean isConcurrently() {
    if (record instanceof IndexChange i) {
      return i.concurrently();
    } else if (record instanceof TableChange t) {
      return t.concurrently();
    }
    return record instanceof ObjectChange o && o.concurrently();
  }

  public boolean isIfExists() {
    if (record instanceof ColumnChange c) {
      return c.ifExists();
    } else if (record instanceof ConstraintChange c) {
      return c.ifExists();
    } else if (record instanceof IndexChange i) {
      return i.ifExists();
    } else if (record instanceof TableChange t) {
      return t.ifExists();
    }
    return record instanceof ObjectChange o && o.ifExists();
  }

  public boolean isIfNotExists() {
    if (record instanceof ColumnChange c) {
      return c.ifNotExists();
    } else if (record instanceof IndexChange i) {
      return i.ifNotExists();
    } else if (record instanceof TableChange t) {
      return t.ifNotExists();
    }
    return record instanceof ObjectChange o && o.ifNotExists();
  }

  public boolean isCascade() {
    if (record instanceof ColumnChange c) {
      return c.cascade();
    } else if (record instanceof ConstraintChange c) {
      return c.cascade();
    } else if (record instanceof IndexChange i) {
      return i.cascade();
    } else if (record instanceof TableChange t) {
      return t.cascade();
    }
    return record instanceof ObjectChange o && o.cascade();
  }

  /** UPDATE / DELETE with a WHERE clause (JSqlParser's answer when it parsed the statement). */
  public boolean isHasWhere() {
    if (whereInTree != 0) {
      return whereInTree == 2;
    }
    if (record instanceof DataChange d) {
      return d.hasWhere();
    }
    return record instanceof IndexChange i && i.partial();
  }

  /** UPDATE / DELETE limited to a batch (key range, LIMIT subquery). */
  public boolean isBatched() {
    return record instanceof DataChange d && d.batched();
  }

  /**
   * The named object: a type, trigger, function, setting, a partition attached or detached, the
   * parent of a partition created, the object of an ALTER TABLE action.
   */
  public String getObjectName() {
    if (record instanceof ObjectChange o) {
      return o.objectName();
    } else if (record instanceof TableChange t) {
      return t.partition() != null ? t.partition() : t.parent() != null ? t.parent() : t.named();
    } else if (record instanceof SessionStatement s) {
      return s.setting();
    }
    return record instanceof GrantChange g ? g.objectName() : null;
  }

  /**
   * For COMMENT, GRANT and REINDEX: TABLE, COLUMN, INDEX, ...; a SET's LOCAL or SESSION;
   * CREATE TABLE's PARTITION, AS or LIKE; ENUM for a type change to an enum type.
   */
  public String getObjectType() {
    if (record instanceof ObjectChange o) {
      return o.objectType();
    } else if (record instanceof GrantChange g) {
      return g.objectType();
    } else if (record instanceof IndexChange i) {
      return i.reindexTarget();
    } else if (record instanceof TableChange t) {
      return t.form() == null ? null : t.form().name();
    } else if (record instanceof SessionStatement s) {
      return s.scope() == null ? null : s.scope().name();
    }
    return rare != null && rare.toEnumType ? "ENUM" : null;
  }

  /**
   * A setting's value, an enum label, a lock mode, ALTER DOMAIN's action, a partition bound, a
   * column or table option, {@code temporary} or {@code unlogged}, {@code ONLY} for an index
   * on the parent alone.
   */
  public String getValue() {
    if (record instanceof ObjectChange o) {
      return o.detail();
    } else if (record instanceof SessionStatement s) {
      return s.value();
    } else if (record instanceof ColumnChange c) {
      return c.option();
    } else if (record instanceof IndexChange i) {
      return i.parentOnly() ? "ONLY" : null;
    } else if (record instanceof TableChange t) {
      if (getOperationKind() == OperationKind.ATTACH_PARTITION) {
        return t.partitionBound();
      }
      return t.persistence() != null ? t.persistence().text() : t.option();
    }
    return null;
  }

  /**
   * A remark a rule may quote: why a default counts as volatile; for ALTER DOMAIN, the tables
   * whose columns it checks.
   */
  public String getNote() {
    if (rare != null && rare.domainTables != null) {
      return String.join(", ", rare.domainTables);
    }
    return record instanceof ColumnChange c ? c.note() : null;
  }

  /** CREATE VIEW: its body and the names it mentions. */
  public ViewDefinition getView() {
    return record instanceof ObjectChange o ? o.view() : null;
  }

  /** GRANT / REVOKE on a relation: privileges and grantees. */
  public GrantSpec getGrant() {
    return record instanceof GrantChange g ? g.spec() : null;
  }

  /** Partitioned, per the schema when it knows the table, else per CREATE TABLE's PARTITION BY. */
  public boolean isTablePartitioned() {
    if (partitionedInSchema != 0) {
      return partitionedInSchema == 2;
    }
    return record instanceof TableChange t && t.partitioned();
  }

  // ------------------------------------------------------------ the analyser's facts

  public boolean isTableKnown() {
    return tableKnown;
  }

  public Operation setTableKnown(boolean tableKnown) {
    this.tableKnown = tableKnown;
    return this;
  }

  public boolean isTableExisting() {
    return tableExisting;
  }

  public Operation setTableExisting(boolean tableExisting) {
    this.tableExisting = tableExisting;
    return this;
  }

  public boolean isTableNewInFile() {
    return tableNewInFile;
  }

  public Operation setTableNewInFile(boolean tableNewInFile) {
    this.tableNewInFile = tableNewInFile;
    return this;
  }

  public boolean isColumnAddedInFile() {
    return columnAddedInFile;
  }

  public Operation setColumnAddedInFile(boolean columnAddedInFile) {
    this.columnAddedInFile = columnAddedInFile;
    return this;
  }

  public List<String> getColumnsAddedNull() {
    return rare == null ? List.of() : rare.columnsAddedNull;
  }

  public Operation setColumnsAddedNull(List<String> columnsAddedNull) {
    if (rare != null || !columnsAddedNull.isEmpty()) {
      rare().columnsAddedNull = List.copyOf(columnsAddedNull);
    }
    return this;
  }

  /**
   * The ADD COLUMNs that make the columns of this primary key: this operation itself for an
   * ADD COLUMN with an inline PRIMARY KEY, else those {@link #setKeyColumnAdded} was given.
   */
  public List<Operation> getKeyColumnAdded() {
    return getOperationKind() == OperationKind.ADD_COLUMN && isInlinePrimaryKey()
        ? List.of(this) : rare == null ? List.of() : rare.keyColumnAdded;
  }

  public Operation setKeyColumnAdded(List<Operation> keyColumnAdded) {
    if (rare != null || !keyColumnAdded.isEmpty()) {
      rare().keyColumnAdded = List.copyOf(keyColumnAdded);
    }
    return this;
  }

  /** The schema knows the table: whether it is partitioned. */
  public Operation setTablePartitionedInSchema(boolean partitioned) {
    this.partitionedInSchema = (byte) (partitioned ? 2 : 1);
    return this;
  }

  public boolean isColumnKnown() {
    return columnKnown;
  }

  public Operation setColumnKnown(boolean columnKnown) {
    this.columnKnown = columnKnown;
    return this;
  }

  public boolean isRefTableExisting() {
    return refTableExisting;
  }

  public Operation setRefTableExisting(boolean refTableExisting) {
    this.refTableExisting = refTableExisting;
    return this;
  }

  public boolean isValidatedNotNullCheck() {
    return validatedNotNullCheck;
  }

  public Operation setValidatedNotNullCheck(boolean validatedNotNullCheck) {
    this.validatedNotNullCheck = validatedNotNullCheck;
    return this;
  }

  /**
   * Whether the statement itself (not a subquery) has a WHERE clause, as the statement's
   * tokens or, for a statement only JSqlParser understood, its tree tell it.
   */
  public Operation setHasWhereInTree(boolean hasWhere) {
    this.whereInTree = (byte) (hasWhere ? 2 : 1);
    return this;
  }

  /** For a type change: the type before, from the schema. */
  public String getOldDataType() {
    return rare == null ? null : rare.oldDataType;
  }

  public Operation setOldDataType(String oldDataType) {
    rare().oldDataType = oldDataType;
    return this;
  }

  /** For a type change or a drop of a column: the views that read it, from the schema. */
  public List<String> getDependentViews() {
    return rare == null ? List.of() : rare.dependentViews;
  }

  public Operation setDependentViews(List<String> dependentViews) {
    rare().dependentViews = dependentViews;
    return this;
  }

  /** DROP INDEX, REINDEX INDEX: the table of the index, from the schema. */
  public Operation setTableOfIndex(String table) {
    rare().tableOfIndex = table;
    return this;
  }

  /** The table a constraint of the schema references, for the operations that drop or check it. */
  public Operation setRefTableInSchema(String refTable) {
    rare().refTable = refTable;
    return this;
  }

  /** VALIDATE or DROP CONSTRAINT: the named constraint's type and validity in the schema. */
  public Operation setConstraintInSchema(String type, boolean notValid) {
    rare().constraintType = type;
    rare().constraintNotValid = notValid;
    return this;
  }

  /** The schema's CHECK that the operation re-checks (type change) or may rely on (attach). */
  public Operation setCheckInSchema(String checkExpr) {
    rare().checkExpr = checkExpr;
    return this;
  }

  /** PRIMARY KEY USING INDEX: every column of the index is NOT NULL. */
  public Operation setKeyColumnsNotNull(boolean notNull) {
    rare().keyColumnsNotNull = notNull;
    return this;
  }

  /** A type change whose new type is an enum of the schema. */
  public Operation setToEnumType(boolean toEnum) {
    rare().toEnumType = toEnum;
    return this;
  }

  /** ALTER DOMAIN that checks stored values: the tables with a column of the domain. */
  public Operation setDomainTables(List<String> tables) {
    rare().domainTables = List.copyOf(tables);
    return this;
  }

  public LockFacts getLockFacts() {
    return lockFacts;
  }

  public Operation setLockFacts(LockFacts facts) {
    this.lockFacts = Objects.requireNonNull(facts);
    return this;
  }

  // The rules' names for the facts (DRL reads them as properties: lockMode, scansTable, ...).

  /** Strongest lock on table. */
  public dev.migsafe.api.LockMode getLockMode() {
    return lockFacts.lock();
  }

  /** Strongest lock on refTable. */
  public dev.migsafe.api.LockMode getRefLockMode() {
    return lockFacts.refLock();
  }

  public boolean isRewritesTable() {
    return lockFacts.rewritesTable();
  }

  public boolean isScansTable() {
    return lockFacts.scansTable();
  }

  public boolean isFailsOnNonEmptyTable() {
    return lockFacts.failsOnNonEmptyTable();
  }

  /** True when the operation touches a table that may hold production data. */
  public boolean isOnExistingTable() {
    return tableExisting;
  }

  /** The manual's name of the lock on {@code table}, or null. */
  public String getLockName() {
    return lockFacts.lock() == null ? null : lockFacts.lock().sqlName();
  }

  @Override
  public String toString() {
    String column = getColumn();
    return getKind() + "(" + getTable() + (column == null ? "" : "." + column) + ")";
  }
}
