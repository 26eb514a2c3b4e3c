package dev.migsafe.internal.rehearse;

import dev.migsafe.api.Rehearsal.ForwardFixRun;
import dev.migsafe.api.Rehearsal.RollbackStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs a change's forward-fix at the point it is written for, and undoes it. The playbook has
 * not failed, so the fix is a rehearsal of what an operator would type under pressure: does
 * every statement name objects that exist then, and does the server accept it? It runs in one
 * transaction that is rolled back, on a session of its own (the packet's role, like every step),
 * so the steps after it start from the state the playbook left.
 */
final class ForwardFixExecutor {
  /** Long enough for the workload's row locks to pass; short enough not to hang a run. */
  private static final String LOCK_TIMEOUT = "5s";
  private static final Pattern CONCURRENTLY = Pattern.compile("(?i)\\s+CONCURRENTLY\\b");
  private static final Pattern ADD_ENUM_VALUE = Pattern.compile(
      "(?is)^\\s*ALTER\\s+TYPE\\b.*\\bADD\\s+VALUE\\b.*");

  private final ScratchDatabase db;

  ForwardFixExecutor(ScratchDatabase db) {
    this.db = db;
  }

  ForwardFixRun run(ForwardFixPath fix) {
    List<String> notes = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    for (String sql : fix.statements()) {
      if (db.serverMajor() < 12 && ADD_ENUM_VALUE.matcher(sql).matches()) {
        // Before 12 it cannot run in a transaction block, and it cannot be undone after.
        return new ForwardFixRun(fix.changeId(), fix.treeId(), fix.afterStep(), fix.answers(),
            List.of(), null, "not run: PostgreSQL " + db.serverMajor() + " refuses ALTER TYPE "
                + "... ADD VALUE in a transaction block, and a committed enum value cannot be "
                + "removed from the rehearsal's state");
      }
      String inTransaction = CONCURRENTLY.matcher(sql).replaceAll("");
      if (!inTransaction.equals(sql) && notes.isEmpty()) {
        notes.add("run without CONCURRENTLY inside the rolled-back transaction");
      }
      statements.add(inTransaction);
    }
    List<RollbackStatement> ran = new ArrayList<>();
    String error = null;
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
        for (int i = 0; i < statements.size() && error == null; i++) {
          long t0 = System.nanoTime();
          try {
            st.execute(statements.get(i));
          } catch (SQLException e) {
            error = Errors.describe(e);
          }
          ran.add(new RollbackStatement(fix.changeId(), fix.treeId(), fix.statements().get(i),
              (System.nanoTime() - t0) / 1_000_000, 1, error));
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      error = "the forward-fix session failed: " + Errors.describe(e);
    }
    if (ran.size() < statements.size()) {
      notes.add((statements.size() - ran.size()) + " statement(s) after the failing one did not "
          + "run");
    }
    return new ForwardFixRun(fix.changeId(), fix.treeId(), fix.afterStep(), fix.answers(),
        List.copyOf(ran), error, notes.isEmpty() ? null : String.join("; ", notes));
  }
}
