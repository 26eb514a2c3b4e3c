package dev.migsafe.internal.sql;

/**
 * A statement on rows: {@code insert}, {@code update}, {@code delete}, {@code merge}, {@code
 * copy}, {@code truncate}, {@code select}, {@code values} (also each data-modifying CTE).
 *
 * @param table the table written (null for SELECT and VALUES)
 * @param hasWhere an UPDATE or DELETE has a WHERE clause, as far as the tokens show
 * @param batched an UPDATE or DELETE limited to a batch (a key range, a LIMIT subquery)
 */
public record DataChange(OperationHeader header, String table, boolean hasWhere,
    boolean batched) implements OperationRecord {}
