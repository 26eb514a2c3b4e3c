package dev.migsafe.internal.plan;

import dev.migsafe.api.FileResult;
import dev.migsafe.api.LintOptions;
import dev.migsafe.api.LockMode;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.Plan;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.TableLock;
import dev.migsafe.api.TransactionMode;
import dev.migsafe.internal.lint.Linter;
import dev.migsafe.internal.rules.RuleBase;
import dev.migsafe.internal.schema.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why each change gets its recipe rather than its direct statement. The direct statements are
 * judged like the playbook's own SQL: the lint machinery on the current schema and the packet's
 * engine version gives their locks, rewrites and scans, and the same duration model gives how
 * long they would run on the packet's tables. The sentence puts those facts first and the
 * recipe's own {@code why} after them, so a recipe never states a figure that could be wrong
 * for this table.
 */
final class RecipeRationale {
  private RecipeRationale() {}

  /** What a change's direct statements do together. */
  private record Facts(List<TableLock> locks, LockMode lock, boolean rewrites, boolean scans,
      boolean failsOnRows, boolean writesEveryRow, boolean copiesEveryRow, Duration estimate) {}

  static List<Plan.Rationale> of(List<PlanChange> facts, Map<String, Template> templates,
      RecipeLibrary recipes, Schema current, int version, DurationModel durations,
      MigrationPacket p) {
    Map<PlanChange, DirectStatement> direct = new LinkedHashMap<>();
    StringBuilder sql = new StringBuilder();
    for (PlanChange f : facts) {
      Template t = templates.get(f.getId());
      if (t == null) {
        continue;
      }
      DirectStatement d = DirectStatement.of(f.change(), t, p);
      direct.put(f, d);
      d.statements().forEach(s -> sql.append(s).append(";\n"));
    }
    // One script, in change order, as a developer would write the migration: each statement
    // is judged on the current schema as the ones before it left it.
    Linter linter = new Linter(RuleBase.shared(), LintOptions.defaults()
        .withEngineVersion(version).withTransactionMode(TransactionMode.NEVER));
    List<StatementResult> results = sql.length() == 0 ? List.of()
        : linter.lintText("direct", sql.toString(), current.copy()).statements();
    List<Plan.Rationale> out = new ArrayList<>();
    int next = 0;
    for (Map.Entry<PlanChange, DirectStatement> e : direct.entrySet()) {
      PlanChange f = e.getKey();
      DirectStatement d = e.getValue();
      int n = d.statements().size();
      List<StatementResult> mine = next + n <= results.size() ? results.subList(next, next + n)
          : List.of();
      next += n;
      Facts x = judge(d, mine, f, durations);
      Recipe r = recipes.get(f.getRecipe());
      out.add(new Plan.Rationale(f.getId(), r.id(), d.statements().isEmpty() ? null
          : String.join(";\n", d.statements()), x.lock(), x.locks(), x.rewrites(), x.scans(),
          d.statements().isEmpty() ? null : x.estimate(),
          sentence(d, x, templates.get(f.getId()), r, durations)));
    }
    return out;
  }

  private static Facts judge(DirectStatement d, List<StatementResult> results, PlanChange f,
      DurationModel durations) {
    Map<String, LockMode> byTable = new LinkedHashMap<>();
    boolean rewrites = false;
    boolean scans = false;
    boolean fails = false;
    boolean writesEveryRow = false;
    boolean copiesEveryRow = false;
    Duration estimate = Duration.ZERO;
    for (int i = 0; i < d.statements().size(); i++) {
      String sql = d.statements().get(i);
      StatementResult st = i < results.size() ? results.get(i) : null;
      boolean rw = st != null && st.rewritesTable();
      boolean sc = st != null && st.scansTable();
      if (st != null) {
        st.locks().forEach(l -> byTable.merge(l.table(), l.mode(), LockMode::strongest));
        fails |= st.failsOnNonEmptyTable();
      }
      rewrites |= rw;
      scans |= sc;
      writesEveryRow |= sql.regionMatches(true, 0, "UPDATE", 0, 6);
      // A move's INSERT ... SELECT copies every row of the table: as long as an UPDATE of it.
      boolean copy = sql.regionMatches(true, 0, "INSERT", 0, 6);
      copiesEveryRow |= copy;
      estimate = estimate.plus(copy ? durations.everyRow(f) : durations.statement(sql, f, rw, sc));
    }
    List<TableLock> locks = byTable.entrySet().stream()
        .map(x -> new TableLock(x.getKey(), x.getValue())).toList();
    LockMode lock = byTable.values().stream().reduce(null, LockMode::strongest);
    return new Facts(locks, lock, rewrites, scans, fails && f.getRows() > 0, writesEveryRow,
        copiesEveryRow,
        estimate);
  }

  /**
   * One sentence: what the direct statement would do here, computed; then the recipe's reason,
   * or its title when it gives none.
   */
  private static String sentence(DirectStatement d, Facts x, Template t, Recipe r,
      DurationModel durations) {
    String reason = r.why() == null ? "the recipe instead: " + lowerFirst(r.title())
        : t.fill(r.why().strip());
    return what(d, x, t, durations) + "; " + (reason.endsWith(".") ? reason : reason + ".");
  }

  private static String what(DirectStatement d, Facts x, Template t, DurationModel durations) {
    if (d.statements().isEmpty()) {
      return d.none();
    }
    String table = t.fill("{table}");
    String est = "est. " + DurationText.human(x.estimate());
    if (x.failsOnRows()) {
      return d.verb() + " fails on " + table + ", which already has rows";
    }
    if (x.copiesEveryRow()) {
      return d.verb() + " reads every row of " + table + " and writes its copy in one "
          + "transaction (" + est + "), then drops the column, with nothing to fall back on";
    }
    if (x.writesEveryRow()) {
      // The ALTERs around the UPDATE only change the catalog; the UPDATE is the long part.
      return d.verb() + " writes every row of " + table + " in one transaction (" + est + ")";
    }
    if (x.rewrites()) {
      return d.verb() + " rewrites " + table + " (" + est + ") under " + under(x, table)
          + ", " + blocking(x.lock());
    }
    if (x.scans()) {
      return d.verb() + " scans " + table + " (" + est + ") under " + under(x, table)
          + ", " + blocking(x.lock());
    }
    if (x.lock() == null) {
      return d.verb() + " is catalog-only and locks no table (" + est + ")";
    }
    if (x.lock().blocksWrites() && x.estimate().compareTo(durations.catalogChange()) > 0) {
      return d.verb() + " holds " + under(x, table) + " (" + est + "), " + blocking(x.lock());
    }
    return d.verb() + " is catalog-only (" + x.lock().sqlName() + " on " + tables(x) + ", "
        + est + ")";
  }

  /** The strongest lock, and the tables it is on when that is not just the change's table. */
  private static String under(Facts x, String table) {
    String on = tables(x);
    return x.lock().sqlName() + (on.equals(table) ? "" : " on " + on);
  }

  private static String tables(Facts x) {
    List<String> names = x.locks().stream().filter(l -> l.mode() == x.lock())
        .map(l -> SqlQuoting.identifier(l.table())).toList();
    return names.size() <= 1 ? String.join("", names)
        : String.join(", ", names.subList(0, names.size() - 1)) + " and "
            + names.get(names.size() - 1);
  }

  private static String blocking(LockMode lock) {
    if (lock.blocksReads()) {
      return "blocking reads and writes";
    }
    return lock.blocksWrites() ? "blocking writes" : "while reads and writes go on";
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
