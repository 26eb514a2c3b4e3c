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

  public static StepRun run(Connection migration, Connection observer, String schema,
      Plan.Step step, Observation predicted) throws SQLException {
    StepExecutor ex = EXECUTORS.get(migration);
    if (ex == null) {
      ex = new StepExecutor(migration, observer, schema, 17, WaitMeter.NONE, Duration.ZERO);
      EXECUTORS.put(migration, ex);
    }
    return ex.run(step, predicted, "forward");
  }
}
