package dev.migsafe.internal.rules;

import dev.migsafe.api.LockMode;
import dev.migsafe.internal.sql.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The findings of {@code pg-missing-lock-timeout} or {@code pg-missing-statement-timeout} for one
 * file, which report a missing setting once per scope it would be set in: the file, or an
 * explicit transaction (where {@code SET LOCAL} lasts). One {@code SET} fixes every statement of
 * the scope, so one finding, at the first affected statement, lists them all; a scope with one
 * affected statement reads as the per-statement message always did.
 *
 * <p>The rules hand over each candidate statement as the rule session meets it, in windows of
 * statements (issue 15: memory); this class keeps, per scope, its first statement and one line
 * of text per affected statement, never the statements themselves. A DRL pattern "no earlier
 * statement of the same scope" per statement was quadratic and took minutes on a file of 50,000
 * statements.
 */
final class MissingTimeout {
  /** Which of the two rules. */
  enum Kind {
    /** pg-missing-lock-timeout: statements that block writes with no lock_timeout in force. */
    LOCK_WAITS,
    /** pg-missing-statement-timeout: scans and rewrites under write-blocking locks. */
    LONG_LOCKS
  }

  /** Where to report and what to say. */
  record Report(StatementFact at, String message) {}

  /** What one scope has gathered so far. */
  private static final class Scope {
    final String setting;
    StatementFact first;
    String firstWhat;
    int affected;
    final StringBuilder list = new StringBuilder();
    /** LOCK_WAITS: the strongest write-blocking lock per table over the scope's statements. */
    final Map<String, LockMode> blockedTables = new TreeMap<>();

    Scope(String setting) {
      this.setting = setting;
    }

    void add(StatementFact st, String what) {
      if (first == null) {
        first = st;
        firstWhat = what;
      }
      affected++;
      list.append(list.length() == 0 ? "" : ", ").append("line ").append(st.getLine())
          .append(" (").append(what).append(')');
    }
  }

  private final Kind kind;
  /** Candidates of the current run of the rule session, in the order the rule met them. */
  private final List<StatementFact> pending = new ArrayList<>();
  /** By the scope a timeout setting covers, -1 (the rest of the file) first. */
  private final Map<Integer, Scope> scopes = new TreeMap<>();

  MissingTimeout(Kind kind) {
    this.kind = kind;
  }

  /** A candidate statement of the current run. */
  void add(StatementFact st) {
    pending.add(st);
  }

  /**
   * Takes in the run's candidates in statement order; runs come in file order, so each scope's
   * statements are taken in statement order.
   */
  void endRun() {
    pending.sort(Comparator.comparingInt(StatementFact::getIndex));
    for (StatementFact st : pending) {
      Scope scope = scopes.computeIfAbsent(st.getTimeoutScope(), k -> new Scope(setting(st)));
      String what = kind == Kind.LOCK_WAITS ? lockWait(st, scope.blockedTables) : longLock(st);
      if (what != null) {
        scope.add(st, what);
      }
    }
    pending.clear();
  }

  /** One report per scope with an affected statement, in scope order. */
  List<Report> reports() {
    List<Report> out = new ArrayList<>();
    for (Scope s : scopes.values()) {
      if (s.first != null) {
        out.add(new Report(s.first, kind == Kind.LOCK_WAITS ? lockWaits(s) : longLocks(s)));
      }
    }
    return out;
  }

  /** The setting in force at the scope's first candidate statement. */
  private String setting(StatementFact st) {
    return kind == Kind.LOCK_WAITS
        ? st.getLockTimeoutMs() == 0 ? "with lock_timeout disabled (0)" : "with no lock_timeout set"
        : st.getStatementTimeoutMs() == 0 ? "with statement_timeout disabled (0)"
            : "with no statement_timeout set";
  }

  /** The write-blocking locks the statement waits for, or null when it takes none. */
  private static String lockWait(StatementFact st, Map<String, LockMode> blockedTables) {
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
    if (locks.isEmpty()) {
      return null;
    }
    locks.forEach((t, m) -> blockedTables.merge(t, m, LockMode::strongest));
    return join(locks, (t, m) -> m.sqlName() + " on " + t);
  }

  /** The scans and rewrites the statement does under write-blocking locks, or null. */
  private static String longLock(StatementFact st) {
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
    return work.isEmpty() ? null
        : join(work, (t, w) -> w + t + " under " + locks.get(t).sqlName());
  }

  private static String lockWaits(Scope s) {
    String blocked = join(s.blockedTables,
        (t, m) -> (m.blocksReads() ? "reads and writes on " : "writes on ") + t);
    return s.affected == 1
        ? "This statement waits for " + s.firstWhat + " " + s.setting + "; while it waits, "
            + blocked + " queue behind it"
        : s.affected + " statements wait for locks that block writes " + s.setting + ": "
            + s.list + "; while each waits, " + blocked + " queue behind it";
  }

  private static String longLocks(Scope s) {
    return s.affected == 1
        ? "This statement " + s.firstWhat + " " + s.setting
            + ", so nothing bounds how long writes stay blocked"
        : s.affected + " statements scan or rewrite tables while blocking writes " + s.setting
            + ": " + s.list + "; nothing bounds how long writes stay blocked";
  }

  private static <V> String join(Map<String, V> byTable, BiFunction<String, V, String> part) {
    StringBuilder sb = new StringBuilder();
    byTable.forEach((t, v) -> sb.append(sb.length() == 0 ? "" : " and ").append(part.apply(t, v)));
    return sb.toString();
  }
}
