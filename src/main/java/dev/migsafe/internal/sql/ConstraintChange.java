package dev.migsafe.internal.sql;

import java.util.List;

/**
 * A change to a table constraint: {@code add-constraint} (also each constraint of CREATE
 * TABLE), {@code drop-constraint}, {@code validate-constraint}, {@code rename-constraint},
 * {@code alter-constraint}.
 *
 * @param name the constraint's name, or null when the statement gives none
 * @param type what an added constraint is; null for the other kinds (the schema knows it)
 * @param columns the constrained columns (a key's or a foreign key's)
 * @param checkExpr a CHECK's expression
 * @param references what a foreign key references, or null
 * @param usingIndex {@code PRIMARY KEY | UNIQUE USING INDEX}
 * @param indexName the index of USING INDEX
 * @param notValid added {@code NOT VALID}: existing rows are not checked
 * @param newName a rename's new name
 */
public record ConstraintChange(OperationHeader header, String table, String name,
    ConstraintType type, List<String> columns, String checkExpr, ForeignKeyTarget references,
    boolean usingIndex, String indexName, boolean notValid, String newName, boolean ifExists,
    boolean cascade) implements OperationRecord {

  /** The kinds of table constraint, by the names the rules and the schema use. */
  public enum ConstraintType {
    PRIMARY_KEY("primary-key"),
    UNIQUE("unique"),
    FOREIGN_KEY("foreign-key"),
    CHECK("check"),
    EXCLUDE("exclude");

    private final String id;

    ConstraintType(String id) {
      this.id = id;
    }

    /** The name DRL compares, {@code foreign-key}. */
    public String id() {
      return id;
    }
  }
}
