package dev.migsafe.internal.sql;

/**
 * A change to a table as a whole: {@code create-table}, {@code drop-table}, {@code
 * rename-table}, {@code set-schema}, partitions ({@code attach-partition}, {@code
 * detach-partition}, {@code detach-partition-finalize}), the ALTER TABLE actions on storage,
 * triggers, rules, row security, inheritance and ownership, and maintenance ({@code vacuum},
 * {@code vacuum-full}, {@code cluster}, {@code analyze}, {@code refresh-materialized-view}).
 *
 * @param table the table (for attach and detach, the partitioned parent)
 * @param partition the partition attached or detached
 * @param partitionBound ATTACH's bound as written after the partition, or {@code DEFAULT}
 * @param parent CREATE TABLE ... PARTITION OF: the partitioned table
 * @param form CREATE TABLE's form other than a column list, or null
 * @param persistence CREATE TEMPORARY or UNLOGGED TABLE, else null
 * @param partitioned CREATE TABLE ... PARTITION BY
 * @param named the other object the action names: the schema of SET SCHEMA, a tablespace, an
 *     access method, an inherited table, a type, the owner, a trigger or rule, a materialized
 *     view refreshed
 * @param option the text of an action's value: storage parameters, a replica identity
 * @param indexName CLUSTER's or CLUSTER ON's index
 * @param newName a rename's new name
 */
public record TableChange(OperationHeader header, String table, String partition,
    String partitionBound, String parent, CreateForm form, Persistence persistence,
    boolean partitioned, String named, String option, String indexName, String newName,
    boolean concurrently, boolean ifExists, boolean ifNotExists, boolean cascade)
    implements OperationRecord {

  /** How CREATE TABLE gives the table its columns when not by a list of its own. */
  public enum CreateForm {
    /** {@code PARTITION OF parent}. */
    PARTITION,
    /** {@code AS query} or {@code OF type}. */
    AS,
    /** A {@code LIKE other} element in the list. */
    LIKE
  }

  /** A table that is not an ordinary logged one. */
  public enum Persistence {
    TEMPORARY("temporary"),
    UNLOGGED("unlogged");

    private final String text;

    Persistence(String text) {
      this.text = text;
    }

    /** The name the rules compare, {@code temporary}. */
    public String text() {
      return text;
    }
  }
}
