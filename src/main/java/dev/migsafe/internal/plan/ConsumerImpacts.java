package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;
import dev.migsafe.api.MigrationPacket.Consumer;
import dev.migsafe.api.Plan.ConsumerImpact;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which consumers a change affects, at column granularity: a service reading the whole table
 * is affected by a dropped column; one reading other columns of it is not.
 */
final class ConsumerImpacts {
  /** Kinds that break code reading the column (or the table, for table kinds). */
  private static final Set<String> BREAK_READERS = Set.of("drop-column", "move-column",
      "rename-column",
      "change-type", "drop-table", "rename-table", "remove-enum-value");
  /** Kinds that can make writes fail. */
  private static final Set<String> BREAK_WRITERS = Set.of("drop-column", "move-column",
      "rename-column",
      "change-type", "drop-table", "rename-table", "set-not-null", "add-foreign-key",
      "add-check", "add-unique", "add-primary-key", "remove-enum-value");

  private ConsumerImpacts() {}

  static List<ConsumerImpact> of(List<Consumer> consumers, List<Change> changes) {
    List<ConsumerImpact> out = new ArrayList<>();
    for (Consumer c : consumers) {
      List<String> affectedBy = new ArrayList<>();
      for (Change ch : changes) {
        if (affects(c, ch)) {
          affectedBy.add(ch.id());
        }
      }
      out.add(new ConsumerImpact(c.service(), c.owner(), affectedBy, c.acknowledged()));
    }
    return out;
  }

  static boolean affects(Consumer c, Change ch) {
    boolean tableLevel = ch.column() == null;
    boolean addNotNullWithoutDefault = ch.kind().equals("add-column")
        && Boolean.TRUE.equals(ch.notNull()) && ch.defaultValue() == null;
    if (BREAK_READERS.contains(ch.kind()) && touches(c.reads(), ch.table(), ch.column(),
        tableLevel)) {
      return true;
    }
    if ((BREAK_WRITERS.contains(ch.kind()) || addNotNullWithoutDefault)
        && touches(c.writes(), ch.table(), ch.column(), tableLevel
            || ch.columns() != null && !ch.kind().equals("move-column")
            || addNotNullWithoutDefault)) {
      return true;
    }
    return false;
  }

  /**
   * Whether a list of {@code table} / {@code table.column} references touches the change: a
   * whole-table reference always does; a column reference only names its own column, unless
   * the change concerns the whole table.
   */
  private static boolean touches(List<String> refs, String table, String column,
      boolean wholeTable) {
    for (String r : refs) {
      if (r.equals(table)) {
        return true;
      }
      if (r.startsWith(table + ".")) {
        String col = r.substring(table.length() + 1);
        if (wholeTable || col.equals(column)) {
          return true;
        }
      }
    }
    return false;
  }
}
