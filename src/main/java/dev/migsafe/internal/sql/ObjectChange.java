package dev.migsafe.internal.sql;

/**
 * A change to a schema object other than a table, column, constraint or index: types and enums
 * ({@code create-enum}, {@code add-enum-value}, {@code rename-enum-value}, ...), domains,
 * functions, triggers, policies, rules, schemas, extensions, views, sequences, comments, and
 * the statements the reader only names ({@code do-block}, {@code call}, {@code unknown}).
 *
 * @param objectName the object's name (for {@code unknown}, the first word of the statement)
 * @param objectType COMMENT's object type, upper case
 * @param table the table a trigger, policy, rule or comment is on
 * @param column the column of COMMENT ON COLUMN
 * @param detail what the kind says besides the name: the labels of CREATE TYPE AS ENUM, the
 *     label added or renamed, ALTER DOMAIN's action ({@code add-constraint}, {@code
 *     validate-constraint}, {@code set-not-null} or {@code other})
 * @param constraintName ALTER DOMAIN's constraint
 * @param notValid ALTER DOMAIN ADD ... NOT VALID
 * @param view a view's definition, or null
 */
public record ObjectChange(OperationHeader header, String objectName, String objectType,
    String table, String column, String detail, String newName, String constraintName,
    boolean notValid, ViewDefinition view, boolean concurrently, boolean ifExists,
    boolean ifNotExists, boolean cascade) implements OperationRecord {}
