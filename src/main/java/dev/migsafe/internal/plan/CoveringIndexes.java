package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;
import dev.migsafe.internal.plan.Recipe.RecipeStep;
import dev.migsafe.internal.schema.Index;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code drop-covering-indexes} derived step: {@code DROP COLUMN} also drops every index
 * that covers the column, inside its own ACCESS EXCLUSIVE lock on the table, and removing a
 * large index's files is not instant; so each plain index on the column is dropped first with
 * {@code DROP INDEX CONCURRENTLY IF EXISTS}, which takes SHARE UPDATE EXCLUSIVE and lets reads
 * and writes go on. An index that backs a unique or primary-key constraint cannot be dropped
 * on its own (the constraint needs it); it goes with the column, as the constraint does.
 *
 * <p>The column is the change's current column ({@code column}); the recipe's own DROP COLUMN
 * after this step says which name it has by then ({@code {oldColumn}} after a copy-and-swap
 * renamed it away), and the rollback rebuilds each index on that name.
 */
final class CoveringIndexes {
  private static final Pattern DROP_COLUMN = Pattern.compile(
      "(?is)^\\s*ALTER\\s+TABLE\\s+\\{table}\\s+DROP\\s+COLUMN\\s+\\{(column|oldColumn)}\\s*$");

  private CoveringIndexes() {}

  /** One derived statement: its title, SQL and rollback. */
  record Drop(String title, String sql, String rollback) {}

  static List<Drop> drops(RecipeStep s, Change c, Recipe recipe, Schema current) {
    List<Drop> out = new ArrayList<>();
    Table t = current.table(c.table());
    if (t == null || c.column() == null) {
      return out;
    }
    String column = droppedName(s, c, recipe);
    for (Index i : current.indexesOf(c.table())) {
      if (!i.columns().contains(c.column())
          || DerivedSteps.isConstraintIndex(current, c.table(), i.name())) {
        continue;
      }
      List<String> cols = i.columns().stream().map(x -> x.equals(c.column()) ? column : x)
          .map(SqlQuoting::identifier).toList();
      // Only an index on plain columns can be rebuilt from the model, which keeps no
      // expressions or predicates: for any other the rollback is left to the saved definition.
      boolean plain = i.columns().stream().allMatch(x -> t.column(x) != null);
      String rollback = plain ? "CREATE " + (i.unique() ? "UNIQUE " : "")
          + "INDEX CONCURRENTLY IF NOT EXISTS " + SqlQuoting.identifier(i.name()) + " ON "
          + SqlQuoting.identifier(c.table()) + " (" + String.join(", ", cols) + ")" : null;
      out.add(new Drop("Drop " + i.name() + ", which covers " + column + ", concurrently "
          + "before the column goes (SHARE UPDATE EXCLUSIVE: reads and writes go on; not in a "
          + "transaction block)", "DROP INDEX CONCURRENTLY IF EXISTS "
          + SqlQuoting.identifier(i.name()), rollback));
    }
    return out;
  }

  /** The column's name when the recipe drops it: the first DROP COLUMN after {@code s}. */
  private static String droppedName(RecipeStep s, Change c, Recipe recipe) {
    boolean after = false;
    for (RecipeStep step : recipe.steps()) {
      if (step == s) {
        after = true;
        continue;
      }
      Matcher m = after && step.sql() != null ? DROP_COLUMN.matcher(step.sql()) : null;
      if (m != null && m.matches()) {
        return m.group(1).equals("oldColumn") ? c.column() + "_old" : c.column();
      }
    }
    return c.column();
  }
}
