package dev.migsafe.internal.sql;

/**
 * One typed change operation read from a statement: a statement has one or more (an ALTER TABLE
 * with three sub-commands has three). It is a fact of the rule base, so it is a mutable bean with
 * getters: the reader fills what the SQL says, the analyser adds what the schema and the lock
 * knowledge say.
 */
public final class Operation {
  /** 0-based index of the statement in its file. */
  private int statementIndex;
  private int line;
  private int startColumn;
  /** The clause the operation was read from, or null when it is the whole statement. */
  private SourceSpan clause;
  /** Change kind, kebab-case: add-column, create-index, .... */
  private String kind;
  private OperationKind operationKind;
  /** The table it changes, normalised (schema-qualified unless public). */
  private String table;
  private String column;
  /** The new name of a rename. */
  private String newName;
  /** The column's (new) type, canonical. */
  private String dataType;
  /** For a type change: the type before, from the schema. */
  private String oldDataType;
  /** For a type change: its USING expression. */
  private String usingExpr;
  private String defaultExpr;
  private boolean hasDefault;
  /** The default is (or may be) volatile: evaluated per row. */
  private boolean defaultVolatile;
  private boolean notNull;
  private boolean serial;
  private boolean identity;
  /** An identity's kind, {@code always} or {@code by default}; null when it is not one. */
  private String identityGeneration;
  /** A foreign key's ON DELETE / ON UPDATE clauses as written, upper case; null for none. */
  private String referentialActions;
  private boolean generatedStored;
  private boolean inlinePrimaryKey;
  private boolean inlineUnique;
  private boolean inlineReferences;
  private boolean inlineCheck;
  /** Foreign-key, check, unique, primary-key, exclude. */
  private String constraintType;
  private String constraintName;
  /** The columns of an index or constraint. */
  private java.util.List<String> columns = java.util.List.of();
  private String checkExpr;
  private boolean notValid;
  /** UNIQUE / PRIMARY KEY USING INDEX. */
  private boolean usingIndex;
  /** The referenced table of a foreign key. */
  private String refTable;
  /** The referenced columns of a foreign key (empty: the referenced table's primary key). */
  private java.util.List<String> refColumns = java.util.List.of();
  private String indexName;
  /** CREATE UNIQUE INDEX. */
  private boolean unique;
  private boolean concurrently;
  private boolean ifExists;
  private boolean ifNotExists;
  private boolean cascade;
  /** UPDATE / DELETE with a WHERE clause. */
  private boolean hasWhere;
  /** UPDATE / DELETE limited to a batch (key range, LIMIT subquery). */
  private boolean batched;
  /** The named object: type, trigger, function, setting, index. */
  private String objectName;
  /** For COMMENT, GRANT and DROP: TABLE, COLUMN, INDEX, .... */
  private String objectType;
  /** A setting's value, an enum label, a lock mode. */
  private String value;
  /** The table is in the schema as it stands before this statement. */
  private boolean tableKnown;
  /** The table existed before this migration file: it may hold data. */
  private boolean tableExisting;
  /** The table was created earlier in the same migration file. */
  private boolean tableNewInFile;
  /** An earlier statement of the file added this table's column of this name (ADD COLUMN). */
  private boolean columnAddedInFile;
  /**
   * SET NOT NULL and ADD CONSTRAINT: the columns of the table that an earlier ADD COLUMN of the
   * file left NULL in every existing row, with no UPDATE of the table since.
   */
  private java.util.List<String> columnsAddedNull = java.util.List.of();
  /**
   * A one-column primary key: the integer or smallint ADD COLUMNs of that column in this
   * statement or an earlier one of the file.
   */
  private java.util.List<Operation> keyColumnAdded = java.util.List.of();
  private boolean tablePartitioned;
  private boolean columnKnown;
  private boolean refTableExisting;
  /** A validated CHECK (column IS NOT NULL) exists. */
  private boolean validatedNotNullCheck;
  private boolean typeChangeRewrites;
  /** The server's facts for this operation, set once its schema facts are known. */
  private dev.migsafe.internal.model.LockFacts lockFacts =
      dev.migsafe.internal.model.LockFacts.NONE;
  /** A reader's remark that a rule may quote, e.g. why a default counts as volatile. */
  private String note;
  /** CREATE VIEW: its body and the names it mentions. */
  private ViewDefinition view;
  /** GRANT / REVOKE on a relation: privileges and grantees. */
  private GrantSpec grant;
  /** For a type change or a drop of a column: the views that read it, from the schema. */
  private java.util.List<String> dependentViews = java.util.List.of();

  public Operation(String kind) {
    setKind(kind);
  }

  public int getStatementIndex() {
    return statementIndex;
  }

  public Operation setStatementIndex(int statementIndex) {
    this.statementIndex = statementIndex;
    return this;
  }

  public int getLine() {
    return line;
  }

  public Operation setLine(int line) {
    this.line = line;
    return this;
  }

  public int getStartColumn() {
    return startColumn;
  }

  public Operation setStartColumn(int startColumn) {
    this.startColumn = startColumn;
    return this;
  }

  public SourceSpan getClause() {
    return clause;
  }

  public Operation setClause(SourceSpan clause) {
    this.clause = clause;
    return this;
  }

  public String getKind() {
    return kind;
  }

  /** The kind as an enum, looked up once when the kind is set. */
  public OperationKind getOperationKind() {
    return operationKind;
  }

  public Operation setKind(String kind) {
    this.kind = kind;
    this.operationKind = OperationKind.of(kind);
    return this;
  }

  public String getTable() {
    return table;
  }

  public Operation setTable(String table) {
    this.table = table;
    return this;
  }

  public String getColumn() {
    return column;
  }

  public Operation setColumn(String column) {
    this.column = column;
    return this;
  }

  public String getNewName() {
    return newName;
  }

  public Operation setNewName(String newName) {
    this.newName = newName;
    return this;
  }

  public String getDataType() {
    return dataType;
  }

  public Operation setDataType(String dataType) {
    this.dataType = dataType;
    return this;
  }

  public String getOldDataType() {
    return oldDataType;
  }

  public Operation setOldDataType(String oldDataType) {
    this.oldDataType = oldDataType;
    return this;
  }

  public String getUsingExpr() {
    return usingExpr;
  }

  public Operation setUsingExpr(String usingExpr) {
    this.usingExpr = usingExpr;
    return this;
  }

  public String getDefaultExpr() {
    return defaultExpr;
  }

  public Operation setDefaultExpr(String defaultExpr) {
    this.defaultExpr = defaultExpr;
    return this;
  }

  public boolean isHasDefault() {
    return hasDefault;
  }

  public Operation setHasDefault(boolean hasDefault) {
    this.hasDefault = hasDefault;
    return this;
  }

  public boolean isDefaultVolatile() {
    return defaultVolatile;
  }

  public Operation setDefaultVolatile(boolean defaultVolatile) {
    this.defaultVolatile = defaultVolatile;
    return this;
  }

  public boolean isNotNull() {
    return notNull;
  }

  public Operation setNotNull(boolean notNull) {
    this.notNull = notNull;
    return this;
  }

  public boolean isSerial() {
    return serial;
  }

  public Operation setSerial(boolean serial) {
    this.serial = serial;
    return this;
  }

  public boolean isIdentity() {
    return identity;
  }

  public Operation setIdentity(boolean identity) {
    this.identity = identity;
    return this;
  }

  public String getIdentityGeneration() {
    return identityGeneration;
  }

  public Operation setIdentityGeneration(String identityGeneration) {
    this.identityGeneration = identityGeneration;
    return this;
  }

  public String getReferentialActions() {
    return referentialActions;
  }

  public Operation setReferentialActions(String referentialActions) {
    this.referentialActions = referentialActions;
    return this;
  }

  public boolean isGeneratedStored() {
    return generatedStored;
  }

  public Operation setGeneratedStored(boolean generatedStored) {
    this.generatedStored = generatedStored;
    return this;
  }

  public boolean isInlinePrimaryKey() {
    return inlinePrimaryKey;
  }

  public Operation setInlinePrimaryKey(boolean inlinePrimaryKey) {
    this.inlinePrimaryKey = inlinePrimaryKey;
    return this;
  }

  public boolean isInlineUnique() {
    return inlineUnique;
  }

  public Operation setInlineUnique(boolean inlineUnique) {
    this.inlineUnique = inlineUnique;
    return this;
  }

  public boolean isInlineReferences() {
    return inlineReferences;
  }

  public Operation setInlineReferences(boolean inlineReferences) {
    this.inlineReferences = inlineReferences;
    return this;
  }

  public boolean isInlineCheck() {
    return inlineCheck;
  }

  public Operation setInlineCheck(boolean inlineCheck) {
    this.inlineCheck = inlineCheck;
    return this;
  }

  public String getConstraintType() {
    return constraintType;
  }

  public Operation setConstraintType(String constraintType) {
    this.constraintType = constraintType;
    return this;
  }

  public String getConstraintName() {
    return constraintName;
  }

  public Operation setConstraintName(String constraintName) {
    this.constraintName = constraintName;
    return this;
  }

  public java.util.List<String> getColumns() {
    return columns;
  }

  public Operation setColumns(java.util.List<String> columns) {
    this.columns = columns;
    return this;
  }

  public String getCheckExpr() {
    return checkExpr;
  }

  public Operation setCheckExpr(String checkExpr) {
    this.checkExpr = checkExpr;
    return this;
  }

  public boolean isNotValid() {
    return notValid;
  }

  public Operation setNotValid(boolean notValid) {
    this.notValid = notValid;
    return this;
  }

  public boolean isUsingIndex() {
    return usingIndex;
  }

  public Operation setUsingIndex(boolean usingIndex) {
    this.usingIndex = usingIndex;
    return this;
  }

  public String getRefTable() {
    return refTable;
  }

  public Operation setRefTable(String refTable) {
    this.refTable = refTable;
    return this;
  }

  public java.util.List<String> getRefColumns() {
    return refColumns;
  }

  public Operation setRefColumns(java.util.List<String> refColumns) {
    this.refColumns = refColumns;
    return this;
  }

  public String getIndexName() {
    return indexName;
  }

  public Operation setIndexName(String indexName) {
    this.indexName = indexName;
    return this;
  }

  public boolean isUnique() {
    return unique;
  }

  public Operation setUnique(boolean unique) {
    this.unique = unique;
    return this;
  }

  public boolean isConcurrently() {
    return concurrently;
  }

  public Operation setConcurrently(boolean concurrently) {
    this.concurrently = concurrently;
    return this;
  }

  public boolean isIfExists() {
    return ifExists;
  }

  public Operation setIfExists(boolean ifExists) {
    this.ifExists = ifExists;
    return this;
  }

  public boolean isIfNotExists() {
    return ifNotExists;
  }

  public Operation setIfNotExists(boolean ifNotExists) {
    this.ifNotExists = ifNotExists;
    return this;
  }

  public boolean isCascade() {
    return cascade;
  }

  public Operation setCascade(boolean cascade) {
    this.cascade = cascade;
    return this;
  }

  public boolean isHasWhere() {
    return hasWhere;
  }

  public Operation setHasWhere(boolean hasWhere) {
    this.hasWhere = hasWhere;
    return this;
  }

  public boolean isBatched() {
    return batched;
  }

  public Operation setBatched(boolean batched) {
    this.batched = batched;
    return this;
  }

  public String getObjectName() {
    return objectName;
  }

  public Operation setObjectName(String objectName) {
    this.objectName = objectName;
    return this;
  }

  public String getObjectType() {
    return objectType;
  }

  public Operation setObjectType(String objectType) {
    this.objectType = objectType;
    return this;
  }

  public String getValue() {
    return value;
  }

  public Operation setValue(String value) {
    this.value = value;
    return this;
  }

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

  public java.util.List<String> getColumnsAddedNull() {
    return columnsAddedNull;
  }

  public Operation setColumnsAddedNull(java.util.List<String> columnsAddedNull) {
    this.columnsAddedNull = java.util.List.copyOf(columnsAddedNull);
    return this;
  }

  /**
   * The ADD COLUMNs that make the columns of this primary key: this operation itself for an
   * ADD COLUMN with an inline PRIMARY KEY, else those {@link #setKeyColumnAdded} was given.
   */
  public java.util.List<Operation> getKeyColumnAdded() {
    return "add-column".equals(kind) && inlinePrimaryKey ? java.util.List.of(this) : keyColumnAdded;
  }

  public Operation setKeyColumnAdded(java.util.List<Operation> keyColumnAdded) {
    this.keyColumnAdded = java.util.List.copyOf(keyColumnAdded);
    return this;
  }

  public boolean isTablePartitioned() {
    return tablePartitioned;
  }

  public Operation setTablePartitioned(boolean tablePartitioned) {
    this.tablePartitioned = tablePartitioned;
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

  public boolean isTypeChangeRewrites() {
    return typeChangeRewrites;
  }

  public Operation setTypeChangeRewrites(boolean typeChangeRewrites) {
    this.typeChangeRewrites = typeChangeRewrites;
    return this;
  }

  public dev.migsafe.internal.model.LockFacts getLockFacts() {
    return lockFacts;
  }

  public Operation setLockFacts(dev.migsafe.internal.model.LockFacts facts) {
    this.lockFacts = java.util.Objects.requireNonNull(facts);
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

  public String getNote() {
    return note;
  }

  public Operation setNote(String note) {
    this.note = note;
    return this;
  }

  public ViewDefinition getView() {
    return view;
  }

  public Operation setView(ViewDefinition view) {
    this.view = view;
    return this;
  }

  public java.util.List<String> getDependentViews() {
    return dependentViews;
  }

  public Operation setDependentViews(java.util.List<String> dependentViews) {
    this.dependentViews = dependentViews;
    return this;
  }

  public GrantSpec getGrant() {
    return grant;
  }

  public Operation setGrant(GrantSpec grant) {
    this.grant = grant;
    return this;
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
    return kind + "(" + table + (column == null ? "" : "." + column) + ")";
  }
}
