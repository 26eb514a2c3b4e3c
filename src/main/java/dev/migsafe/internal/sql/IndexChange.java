package dev.migsafe.internal.sql;

import java.util.List;

/**
 * A change to an index: {@code create-index}, {@code drop-index}, {@code alter-index}, {@code
 * rename-index}, {@code reindex}.
 *
 * @param table the indexed table; for DROP INDEX and REINDEX INDEX the statement does not name
 *     it (null)
 * @param indexName the index, or for REINDEX of a schema or database that name
 * @param columns the indexed columns (expressions left out)
 * @param partial the index has a WHERE clause
 * @param parentOnly {@code CREATE INDEX ... ON ONLY}: the partitioned table's own index, no
 *     partition's built
 * @param reindexTarget REINDEX's object type, upper case: {@code TABLE}, {@code INDEX}, ...
 */
public record IndexChange(OperationHeader header, String table, String indexName,
    List<String> columns, boolean unique, boolean concurrently, boolean partial,
    boolean parentOnly, String reindexTarget, String newName, boolean ifExists,
    boolean ifNotExists, boolean cascade) implements OperationRecord {}
