package dev.migsafe.internal.rehearse;

import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal.Observation;
import dev.migsafe.api.Rehearsal.StepRun;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

/** Test access to the package-private step executor, one per migration session. */
public final class StepExecutorAccess {
  private static final Map<Connection, StepExecutor> EXECUTORS = new IdentityHashMap<>();

  private StepExecutorAccess() {}

  public static StepRun run(javax.sql.DataSource ds, Connection migration, Connection observer,
      String schema, Plan.Step step, Observation predicted) throws SQLException {
    return run(ds, migration, observer, schema, 17, step, predicted);
  }

  /** As above, on a server of the given major version. */
  public static StepRun run(javax.sql.DataSource ds, Connection migration, Connection observer,
      String schema, int serverMajor, Plan.Step step, Observation predicted) throws SQLException {
    StepExecutor ex = EXECUTORS.get(migration);
    if (ex == null) {
      ConnectionFactory probes = new ConnectionFactory() {
        @Override
        public Connection open() throws SQLException {
          Connection c = ds.getConnection();
          try (var st = c.createStatement()) {
            st.execute("SET search_path = " + schema);
          }
          return c;
        }

        @Override
        public String host() {
          return "localhost";
        }
      };
      ex = new StepExecutor(migration, observer, probes, java.util.List.of(schema), serverMajor,
          WaitMeter.NONE,
          Duration.ZERO);
      EXECUTORS.put(migration, ex);
    }
    return ex.run(step, predicted, "forward");
  }
}
