package dev.migsafe.internal.rules;

import dev.migsafe.api.LockMode;
import dev.migsafe.internal.sql.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The findings of {@code pg-missing-lock-timeout} and {@code pg-missing-statement-timeout}, which
 * report a missing setting once per scope it would be set in: the file, or an explicit
 * transaction (where {@code SET LOCAL} lasts). One {@code SET} fixes every statement of the
 * scope, so one finding, at the first affected statement, lists them all; a scope with one
 * affected statement reads as the per-statement message always did.
 *
 * <p>The rules hand over every candidate statement of the file at once and the grouping by scope
 * happens here, in one pass: a DRL pattern "no earlier statement of the same scope" per
 * statement, and joining each statement with the operations of the whole file, were both
 * quadratic and took minutes on a file of 50,000 statements.
 */
public final class MissingTimeout {
  /** Where to report and what to say. */
  public record Report(StatementFact at, String message) {}

  private record Affected(StatementFact statement, String what) {}

  private MissingTimeout() {}

  /**
   * The lock waits that nothing bounds, one report per scope of {@code statements} (the
   * statements that block writes with no lock_timeout in force).
   */
  public static List<Report> lockWaits(List<?> statements) {
    List<Report> out = new ArrayList<>();
    for (List<StatementFact> group : byScope(statements)) {
      String setting = group.get(0).getLockTimeoutMs() == 0 ? "with lock_timeout disabled (0)"
          : "with no lock_timeout set";
      lockWaits(group, setting).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The scans and rewrites under write-blocking locks that nothing bounds, one report per scope
   * of {@code statements} (the statements that scan or rewrite while blocking writes, with no
   * statement_timeout in force).
   */
  public static List<Report> longLocks(List<?> statements) {
    List<Report> out = new ArrayList<>();
    for (List<StatementFact> group : byScope(statements)) {
      String setting = group.get(0).getStatementTimeoutMs() == 0
          ? "with statement_timeout disabled (0)" : "with no statement_timeout set";
      longLocks(group, setting).ifPresent(out::add);
    }
    return out;
  }

  /** The statements by the scope a timeout setting covers, each group in statement order. */
  private static List<List<StatementFact>> byScope(List<?> statements) {
    Map<Integer, List<StatementFact>> groups = new TreeMap<>();
    for (StatementFact st : sorted(statements)) {
      groups.computeIfAbsent(st.getTimeoutScope(), k -> new ArrayList<>()).add(st);
    }
    return List.copyOf(groups.values());
  }

  private static Optional<Report> lockWaits(List<StatementFact> group, String setting) {
    List<Affected> affected = new ArrayList<>();
    Map<String, LockMode> blockedTables = new TreeMap<>();
    for (StatementFact st : group) {
      Map<String, LockMode> locks = new TreeMap<>();
      for (Operation op : st.getOperations()) {
        if (op.isTableExisting() && op.getLockMode() != null && op.getLockMode().blocksWrites()) {
          locks.merge(op.getTable(), op.getLockMode(), LockMode::strongest);
        }
        if (op.isRefTableExisting() && op.getRefLockMode() != null
            && op.getRefLockMode().blocksWrites()) {
          locks.merge(op.getRefTable(), op.getRefLockMode(), LockMode::strongest);
        }
      }
      if (!locks.isEmpty()) {
        affected.add(new Affected(st, join(locks, (t, m) -> m.sqlName() + " on " + t)));
        locks.forEach((t, m) -> blockedTables.merge(t, m, LockMode::strongest));
      }
    }
    String blocked = join(blockedTables,
        (t, m) -> (m.blocksReads() ? "reads and writes on " : "writes on ") + t);
    return report(affected, single -> "This statement waits for " + single + " " + setting
            + "; while it waits, " + blocked + " queue behind it",
        n -> n + " statements wait for locks that block writes " + setting + ": ",
        "; while each waits, " + blocked + " queue behind it");
  }

  private static Optional<Report> longLocks(List<StatementFact> group, String setting) {
    List<Affected> affected = new ArrayList<>();
    for (StatementFact st : group) {
      // The strongest lock per table over the statement's sub-commands: an ALTER TABLE that
      // adds a column and a foreign key scans under the ACCESS EXCLUSIVE of the former.
      Map<String, LockMode> locks = new TreeMap<>();
      Map<String, String> work = new TreeMap<>();
      for (Operation op : st.getOperations()) {
        if (!op.isTableExisting() || op.getLockMode() == null) {
          continue;
        }
        locks.merge(op.getTable(), op.getLockMode(), LockMode::strongest);
        if (op.isRewritesTable()) {
          work.put(op.getTable(), "rewrites ");
        } else if (op.isScansTable()) {
          work.putIfAbsent(op.getTable(), "scans ");
        }
      }
      work.keySet().removeIf(t -> !locks.get(t).blocksWrites());
      if (!work.isEmpty()) {
        affected.add(new Affected(st,
            join(work, (t, w) -> w + t + " under " + locks.get(t).sqlName())));
      }
    }
    return report(affected, single -> "This statement " + single + " " + setting
            + ", so nothing bounds how long writes stay blocked",
        n -> n + " statements scan or rewrite tables while blocking writes " + setting + ": ",
        "; nothing bounds how long writes stay blocked");
  }

  private static Optional<Report> report(List<Affected> affected,
      Function<String, String> single,
      IntFunction<String> head, String tail) {
    if (affected.isEmpty()) {
      return Optional.empty();
    }
    StatementFact first = affected.get(0).statement();
    if (affected.size() == 1) {
      return Optional.of(new Report(first, single.apply(affected.get(0).what())));
    }
    StringBuilder list = new StringBuilder();
    for (Affected a : affected) {
      list.append(list.length() == 0 ? "" : ", ").append("line ").append(a.statement().getLine())
          .append(" (").append(a.what()).append(')');
    }
    return Optional.of(new Report(first, head.apply(affected.size()) + list + tail));
  }

  private static List<StatementFact> sorted(List<?> group) {
    List<StatementFact> list = new ArrayList<>();
    group.forEach(o -> list.add((StatementFact) o));
    list.sort(Comparator.comparingInt(StatementFact::getIndex));
    return list;
  }

  private static <V> String join(Map<String, V> byTable,
      BiFunction<String, V, String> part) {
    StringBuilder sb = new StringBuilder();
    byTable.forEach((t, v) -> sb.append(sb.length() == 0 ? "" : " and ").append(part.apply(t, v)));
    return sb.toString();
  }
}
