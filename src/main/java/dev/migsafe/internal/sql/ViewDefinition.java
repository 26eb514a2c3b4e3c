package dev.migsafe.internal.sql;

import java.util.List;
import java.util.Set;

/**
 * What {@code CREATE [OR REPLACE] [MATERIALIZED] VIEW} says: the body after {@code AS},
 * verbatim, so that a playbook can recreate the view exactly as the schema file wrote it, and
 * the names the body mentions, from which the schema works out the columns it depends on.
 *
 * @param body the query after {@code AS} (with any {@code WITH CHECK OPTION}), as written
 * @param columns the view's own column names, when the statement lists them
 * @param names every identifier of the body, folded, and each dotted name whole ({@code a.b})
 * @param star the body selects {@code *} somewhere: the view then reads every column of the
 *     relations it names, fixed when it was created
 * @param withNoData a materialized view created {@code WITH NO DATA}
 */
public record ViewDefinition(String body, List<String> columns, Set<String> names, boolean star,
    boolean withNoData) {}
