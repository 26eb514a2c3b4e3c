package dev.migsafe.internal.sql;

/**
 * {@code grant} or {@code revoke}.
 *
 * @param objectType what is granted on, upper case ({@code TABLE}, {@code SEQUENCE}, ...), or
 *     {@code ROLE} for membership in a role
 * @param table the first relation for TABLE
 * @param objectName the object for the other types
 * @param spec the privileges, relations and grantees on relations; null when only the grant
 *     option is revoked or the statement is not read to its grantees
 */
public record GrantChange(OperationHeader header, String objectType, String table,
    String objectName, GrantSpec spec) implements OperationRecord {}
