package dev.migsafe.internal.rehearse;

import java.time.Duration;
import java.util.List;

/**
 * What {@link SyntheticData#fill} did.
 *
 * @param tables each filled table, in the order filled
 * @param took the whole fill, sequences and ANALYZE included
 * @param notes what was left out or narrowed, one sentence each (a column left NULL because its
 *     CHECK was not understood, fewer rows than asked because a unique set has fewer values)
 */
public record DataFill(List<TableFill> tables, Duration took, List<String> notes) {

  /** One table: its name as the schema has it, the rows inserted, the time the insert took. */
  public record TableFill(String table, long rows, Duration took) {}

  /** The rows inserted into {@code table}, 0 when it was not filled. */
  public long rowsOf(String table) {
    return tables.stream().filter(t -> t.table().equals(table)).mapToLong(TableFill::rows)
        .sum();
  }
}
