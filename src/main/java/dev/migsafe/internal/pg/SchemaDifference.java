package dev.migsafe.internal.pg;

/**
 * One way a schema differs from the expected one.
 *
 * @param kind what differs, e.g. {@code missing-column}, {@code column-type}, {@code
 *     invalid-index}; see {@link SchemaComparison} for all kinds
 * @param object the table, {@code table.column}, {@code table.constraint}, {@code table.index},
 *     enum, view or sequence, quoted where a person would have to quote it
 * @param expected the expected value (a type, a definition, ...), or null when it should be absent
 * @param actual the value found, or null when it is absent
 * @param message one sentence saying what differs and where
 */
public record SchemaDifference(String kind, String object, String expected, String actual,
    String message) {}
