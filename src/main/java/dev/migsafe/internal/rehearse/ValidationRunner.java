package dev.migsafe.internal.rehearse;

import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal.ValidationRun;
import dev.migsafe.internal.sql.ReadOnlyQuery;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs the plan's validations of one moment of the rehearsal. A validation is a query that
 * returns one number; it passes when the number equals {@code expect} or lies within {@code
 * min}..{@code max}. A query that fails counts as a failed validation, with the server's error,
 * and is marked a defect of the playbook: {@code plan} only emits validations whose tables,
 * columns and types exist at their phase, so an error means the playbook is wrong, not the data.
 */
final class ValidationRunner {
  private final Connection connection;

  ValidationRunner(Connection connection) {
    this.connection = connection;
  }

  /**
   * The validations that belong to a moment: {@code always} runs at every moment, {@code
   * before} also after a rollback (the state it restores), the others at their own.
   */
  static boolean belongs(Plan.Validation v, String ranAt) {
    return switch (v.phase()) {
      case "always" -> true;
      case "before" -> ranAt.equals("before") || ranAt.equals("after-rollback");
      default -> v.phase().equals(ranAt);
    };
  }

  List<ValidationRun> run(List<Plan.Validation> all, String ranAt, Set<String> sources) {
    List<ValidationRun> out = new ArrayList<>();
    for (Plan.Validation v : all) {
      if (belongs(v, ranAt) && sources.contains(v.source())) {
        out.add(run(v, ranAt));
      }
    }
    return out;
  }

  /**
   * Runs one validation in its own {@code READ ONLY} transaction with a {@code
   * statement_timeout}, after checking that it is one query as a whole: a validation may come
   * from the packet (an invariant) and must not change anything, whatever it says.
   */
  ValidationRun run(Plan.Validation v, String ranAt) {
    var problem = ReadOnlyQuery.check(v.sql());
    if (problem.isPresent()) {
      return failed(v, ranAt, "not run: the query " + problem.get().message() + " (line "
          + problem.get().line() + ", column " + problem.get().column() + ")");
    }
    boolean autoCommit = true;
    try {
      autoCommit = connection.getAutoCommit();
      if (!autoCommit) {
        connection.commit();
      }
      connection.setAutoCommit(false);
      try (Statement st = connection.createStatement()) {
        st.execute("SET TRANSACTION READ ONLY");
        st.execute("SET LOCAL statement_timeout = '" + ReadOnlyQuery.TIMEOUT_SETTING + "'");
        try (ResultSet rs = st.executeQuery(v.sql())) {
          return judge(v, ranAt, rs);
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      return failed(v, ranAt, Errors.describe(e));
    }
  }

  private static ValidationRun judge(Plan.Validation v, String ranAt, ResultSet rs)
      throws SQLException {
    if (!rs.next()) {
      return failed(v, ranAt, "the query returned no row");
    }
    Object value = rs.getObject(1);
    if (!(value instanceof Number n)) {
      return failed(v, ranAt, "the query returned " + (value == null ? "NULL" : "a non-number")
          + " instead of a number");
    }
    double result = n.doubleValue();
    boolean passed = v.expect() != null ? result == v.expect()
        : (v.min() == null || result >= v.min()) && (v.max() == null || result <= v.max());
    return new ValidationRun(v.id(), v.phase(), ranAt, v.source(), result, v.expect(),
        v.min(), v.max(), passed, null, false);
  }

  /** A validation that produced no result: its query is broken, whatever the data holds. */
  private static ValidationRun failed(Plan.Validation v, String ranAt, String error) {
    return new ValidationRun(v.id(), v.phase(), ranAt, v.source(), null, v.expect(), v.min(),
        v.max(), false, error, true);
  }
}
