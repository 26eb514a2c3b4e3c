package dev.migsafe.internal.schema;

import java.util.List;

/**
 * An index.
 *
 * @param name index name
 * @param table the indexed table
 * @param columns indexed columns (expressions left out)
 * @param unique whether it is unique
 */
public record Index(String name, String table, List<String> columns, boolean unique) {}
