package dev.migsafe.internal.check;

import dev.migsafe.api.Change;
import dev.migsafe.api.FileResult;
import dev.migsafe.api.Finding;
import dev.migsafe.api.MigrationCheck.Item;
import dev.migsafe.api.MigrationCheck.Verdict;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.MigrationPacket.TableProfile;
import dev.migsafe.api.Severity;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.TableLock;
import dev.migsafe.internal.model.TableScale;
import dev.migsafe.internal.plan.WorkloadSeverity;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import dev.migsafe.internal.sql.ColumnChange;
import dev.migsafe.internal.sql.OperationKind;
import dev.migsafe.internal.sql.OperationRecord;
import dev.migsafe.internal.sql.PgStatementReader;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lint result judged for one packet: each finding's severity scaled by the workload of the
 * tables its statement locks (as {@code plan} scales them), then read as a verdict. A drop or
 * rename the packet itself intends is for people to weigh (its readers are the consumers'
 * point), not a reason to refuse the SQL; any other blocker or high finding is.
 */
final class LintCheck {
  /** Rules whose finding is the packet's own intent when the diff has the same change. */
  private static final Map<String, String> INTENT_RULES = Map.of(
      "pg-drop-column", "drop-column", "pg-drop-table", "drop-table",
      "pg-rename-column", "rename-column", "pg-rename-table", "rename-table");

  private LintCheck() {}

  /**
   * @param current the packet's current schema: a drop in {@code down} of what is not in it
   *     undoes what {@code up} added
   */
  static List<Item> judge(String source, String script, FileResult result,
      MigrationPacket packet, List<Change> intended, Schema current) {
    List<Item> out = new ArrayList<>();
    // The statements whole: a result's sql is cut for display when it is long.
    List<SourceStatement> statements = SqlSplitter.split(script);
    Set<Integer> refused = new HashSet<>();
    for (Finding f : result.findings()) {
      StatementResult st = f.statementIndex() < 0 ? null
          : result.statements().get(f.statementIndex());
      List<String> tables = st == null ? List.of()
          : st.locks().stream().map(TableLock::table).toList();
      Severity severity = WorkloadSeverity.scale(f.severity(), tables, packet.tables());
      Verdict verdict = st != null && source.equals("down")
          && undoesUp(f.rule(), statements.get(f.statementIndex()), current)
          ? Verdict.PASS : verdict(f.rule(), severity, tables, intended);
      if (verdict == Verdict.FAIL) {
        refused.add(f.statementIndex());
      }
      out.add(new Item(f.rule(), verdict, source + ":" + f.line() + ":" + f.column(),
          severity.id() + (severity != f.severity() ? " for this workload (the rule says "
              + f.severity().id() + ")" : "") + ": " + f.message()
              + (verdict != Verdict.FAIL && INTENT_RULES.containsKey(f.rule())
                  && severity.atLeast(Severity.HIGH)
                  ? verdict == Verdict.PASS ? "; it removes what up added, as a rollback must"
                      : "; the packet intends this change, so its readers decide (consumers)"
                  : "")));
    }
    for (StatementResult st : result.statements()) {
      if (!refused.contains(st.index())) {
        heavyLock(source, st, packet.tables()).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * A drop in {@code down} of a table or column the current schema does not have: the
   * rollback removes what {@code up} added, which is what a rollback is for.
   */
  private static boolean undoesUp(String rule, SourceStatement st, Schema current) {
    if (!rule.equals("pg-drop-column") && !rule.equals("pg-drop-table")) {
      return false;
    }
    for (OperationRecord r : PgStatementReader.read(st).records()) {
      Table t = r.table() == null ? null : current.table(r.table());
      boolean added = r instanceof ColumnChange c
          && c.header().operationKind() == OperationKind.DROP_COLUMN
          ? t == null || c.column() == null || t.column(c.column()) == null
          : r.header().operationKind() == OperationKind.DROP_TABLE && t == null;
      if (!added) {
        return false;
      }
    }
    return true;
  }

  private static Verdict verdict(String rule, Severity severity, List<String> tables,
      List<Change> intended) {
    if (severity.atLeast(Severity.HIGH)) {
      String kind = INTENT_RULES.get(rule);
      boolean intent = kind != null && intended.stream()
          .anyMatch(c -> c.kind().equals(kind) && tables.contains(c.table()));
      return intent ? Verdict.NEEDS_REVIEW : Verdict.FAIL;
    }
    return severity == Severity.MEDIUM ? Verdict.NEEDS_REVIEW : Verdict.PASS;
  }

  /**
   * A statement that blocks writes while it rewrites or reads a whole table the packet
   * profiles as large or hot, when no rule refused it already: whatever the rule base knows,
   * that is an outage of the table for as long as the rewrite or scan lasts.
   */
  private static java.util.Optional<Item> heavyLock(String source, StatementResult st,
      Map<String, TableProfile> profiles) {
    if (!st.rewritesTable() && !st.scansTable()) {
      return java.util.Optional.empty();
    }
    for (TableLock lock : st.locks()) {
      TableProfile p = profiles.get(lock.table());
      if (p == null || !lock.mode().blocksWrites()) {
        continue;
      }
      // The plan's own thresholds, so that check and plan call the same table busy.
      if (TableScale.isLarge(p) || TableScale.isHot(p)) {
        return java.util.Optional.of(new Item("blocks-writes-on-busy-table", Verdict.FAIL,
            source + ":" + st.line() + ":" + st.column(), "takes " + lock.mode().sqlName()
                + " on " + lock.table() + " (" + describe(p) + ") and "
                + (st.rewritesTable() ? "rewrites" : "reads") + " the whole table under it:"
                + " writes wait until it ends"));
      }
    }
    return java.util.Optional.empty();
  }

  private static String describe(TableProfile p) {
    List<String> parts = new ArrayList<>();
    if (p.rows() != null) {
      parts.add(p.rows() + " rows");
    }
    if (p.sizeGb() != null) {
      parts.add(p.sizeGb() + " GB");
    }
    if (p.writesPerSecond() != null) {
      parts.add(p.writesPerSecond() + " writes/s");
    }
    return String.join(", ", parts);
  }
}
