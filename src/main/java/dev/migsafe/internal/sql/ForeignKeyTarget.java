package dev.migsafe.internal.sql;

import java.util.List;

/**
 * What a foreign key references.
 *
 * @param table the referenced table, or null when the statement names none
 * @param columns the referenced columns; empty means the referenced table's primary key
 * @param actions the ON DELETE / ON UPDATE clauses other than NO ACTION, upper case, as {@code
 *     ON DELETE CASCADE}; null for none
 */
public record ForeignKeyTarget(String table, List<String> columns, String actions) {}
