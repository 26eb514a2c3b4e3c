package dev.migsafe.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What happened when a playbook ran on a real PostgreSQL: each step with the locks the server
 * took next to the ones the plan predicted, the validations and invariants of each phase, the
 * rollback from the last reversible point with its verification, and the gates that this
 * evidence decides. The {@code rehearse} part of the command-line contract.
 *
 * @param packetId the packet rehearsed
 * @param server where it ran
 * @param data how the tables were filled before the first step
 * @param steps every SQL step that ran, in the order it ran
 * @param validations every validation run, in the order it ran
 * @param rollback the rollback from the last reversible point
 * @param gates the playbook's gates, with the two that need evidence decided
 * @param stopped why the rehearsal stopped early, or null when it ran to the end
 * @param workload the background workload that ran during the steps
 * @param notes what a reader should know about this run (scale, skipped actions)
 * @param endState whether the playbook, run to its end, left the schema the packet's target
 *     describes, apart from the differences the plan declares
 * @param forwardFixes per change with a point of no return, the first forward-fix its decision
 *     tree offers after it, executed right after that point and rolled back
 */
public record Rehearsal(
    String packetId,
    Server server,
    Data data,
    List<StepRun> steps,
    List<ValidationRun> validations,
    RollbackRun rollback,
    List<Plan.Gate> gates,
    Stop stopped,
    WorkloadSummary workload,
    List<String> notes,
    EndState endState,
    List<ForwardFixRun> forwardFixes) {

  /** A rehearsal without forward-fix runs, as before they were rehearsed. */
  public Rehearsal(String packetId, Server server, Data data, List<StepRun> steps,
      List<ValidationRun> validations, RollbackRun rollback, List<Plan.Gate> gates, Stop stopped,
      WorkloadSummary workload, List<String> notes, EndState endState) {
    this(packetId, server, data, steps, validations, rollback, gates, stopped, workload, notes,
        endState, List.of());
  }

  /** A rehearsal without an end-state check, as before the check existed. */
  public Rehearsal(String packetId, Server server, Data data, List<StepRun> steps,
      List<ValidationRun> validations, RollbackRun rollback, List<Plan.Gate> gates, Stop stopped,
      WorkloadSummary workload, List<String> notes) {
    this(packetId, server, data, steps, validations, rollback, gates, stopped, workload, notes,
        EndState.notChecked("this rehearsal did not check the end state"));
  }

  /**
   * The steps that do not match the plan: those whose observation differs from the prediction
   * (our knowledge is wrong there) and those that failed, which showed nothing to match.
   */
  public List<StepRun> mismatches() {
    return steps.stream().filter(s -> !s.matchesPrediction()).toList();
  }

  /** The steps that ran without error and whose observation differs from the prediction. */
  public List<StepRun> differingSteps() {
    return steps.stream().filter(s -> s.error() == null && !s.matchesPrediction()).toList();
  }

  /** The steps the server rejected. */
  public List<StepRun> failedSteps() {
    return steps.stream().filter(s -> s.error() != null).toList();
  }

  /** The forward-fixes whose SQL the server rejected at the point they are written for. */
  public List<ForwardFixRun> failedForwardFixes() {
    return forwardFixes.stream().filter(f -> f.error() != null).toList();
  }

  /** True when every gate this rehearsal decides passed. */
  public boolean gatesPassed() {
    return gates.stream().noneMatch(g -> g.status().equals("failed"));
  }

  /**
   * The server the rehearsal ran on.
   *
   * @param version PostgreSQL's version, e.g. {@code 17.5}
   * @param embedded true for a server this run started and stopped; false for a staging server
   * @param scratch the scratch database or schema the rehearsal created and removed
   */
  public record Server(String version, boolean embedded, String scratch) {}

  /**
   * How the tables were filled.
   *
   * @param source {@code synthetic} or the data file's name
   * @param rows rows per table after filling
   * @param durationMs how long filling took
   */
  public record Data(String source, Map<String, Long> rows, long durationMs) {}

  /**
   * One step as it ran.
   *
   * @param pass {@code forward} up to the last reversible point; {@code forward-fix} for the
   *     steps from the point of no return on, which can only be fixed forward
   * @param batches how many times a batched backfill step ran (1 for other steps)
   * @param mismatches what differs between prediction and observation, in words
   * @param error the server's error, or null
   * @param estimated the plan's estimate of the step's duration in production, or null
   * @param projectedMs the measured duration scaled to the production row count, for steps whose
   *     cost grows with the rows (backfills, rewrites, scans, index builds); null otherwise
   * @param matchesPrediction the step ran and what it did is what the plan predicted; always
   *     false for a step that failed, which showed nothing that could match
   */
  public record StepRun(String id, String phase, String changeId, String pass, String sql,
      long durationMs, int batches, Observation predicted, Observation observed,
      boolean matchesPrediction, List<String> mismatches, String error, Duration estimated,
      Long projectedMs) {

    /** How far the projection may be from the estimate, either way, before it is flagged. */
    public static final double ESTIMATE_TOLERANCE = 3.0;

    public StepRun {
      matchesPrediction = matchesPrediction && error == null;
    }

    /** The projection to production divided by the plan's estimate; null without both. */
    public Double projectionRatio() {
      if (projectedMs == null || estimated == null || estimated.isZero()) {
        return null;
      }
      return projectedMs / (double) estimated.toMillis();
    }

    /**
     * The projection is more than {@link #ESTIMATE_TOLERANCE} times above or below the plan's
     * estimate: the throughput model, or the rehearsal's data, is off for this step.
     */
    public boolean projectionFarFromEstimate() {
      Double r = projectionRatio();
      return r != null && (r > ESTIMATE_TOLERANCE || r < 1 / ESTIMATE_TOLERANCE);
    }

    /** This run with the plan's estimate and the projection to production. */
    public StepRun withDurations(Duration estimate, Long projection) {
      return new StepRun(id, phase, changeId, pass, sql, durationMs, batches, predicted,
          observed, matchesPrediction, mismatches, error, estimate, projection);
    }
  }

  /**
   * Locks, rewrite and scan of a step: predicted by the plan, or observed on the server.
   *
   * @param rewritesTable null when unknown
   * @param scansTable null when unknown (a scan is observed only inside a transaction)
   * @param maxWorkloadWaitMs the longest any workload query waited while the step ran; null in a
   *     prediction
   * @param method how the locks were observed: {@code in-transaction} (read from {@code
   *     pg_locks} by the step's own session before commit, exact) or {@code sampled} (polled from
   *     a second session while the step ran, for statements that cannot run in a transaction)
   */
  public record Observation(List<TableLock> locks, Boolean rewritesTable, Boolean scansTable,
      Long maxWorkloadWaitMs, String method) {}

  /**
   * One validation or invariant run.
   *
   * @param phase the phase it belongs to in the plan
   * @param ranAt when it ran: {@code before}, {@code after-backfill}, {@code after-cutover} or
   *     {@code after-rollback}
   * @param result the number the query returned, or null when it failed
   * @param defect the query itself is broken: it raised an error (or returned no number)
   *     instead of a result, which is a defect of the playbook, not a finding about the data
   */
  public record ValidationRun(String id, String phase, String ranAt, String source,
      Double result, Double expect, Double min, Double max, boolean passed, String error,
      boolean defect) {

    /** A run whose query is broken exactly when it has an error. */
    public ValidationRun(String id, String phase, String ranAt, String source, Double result,
        Double expect, Double min, Double max, boolean passed, String error) {
      this(id, phase, ranAt, source, result, expect, min, max, passed, error, error != null);
    }
  }

  /**
   * The rollback from the last reversible point.
   *
   * @param fromStep the last step that ran before the rollback
   * @param timeBound the decision trees' bound for the rollback, summed over the changes
   * @param withinBound the measured duration, and the projection to production where there is
   *     one, are within the bound
   * @param projectedDurationMs the rollback at production's row counts: the statements that
   *     copy rows back scaled like a backfill, the others as measured; null when not executed
   * @param differences how the schema after the rollback differs from the current schema
   * @param keptByDesign differences that a step made which the playbook deliberately does not
   *     undo before its point of no return (a step without a rollback, such as dropping a NOT
   *     NULL the old release no longer needs); listed, and not counted against the restore
   */
  public record RollbackRun(boolean executed, String fromStep, long durationMs,
      Duration timeBound, boolean withinBound, Long projectedDurationMs, boolean schemaRestored,
      boolean invariantsHold, List<RollbackStatement> statements, List<String> differences,
      List<String> keptByDesign, String error, String reason) {}

  /**
   * One statement of the rollback.
   *
   * @param source the decision tree or step it comes from
   */
  public record RollbackStatement(String changeId, String source, String sql, long durationMs,
      int batches, String error) {}

  /**
   * The schema the playbook left, compared with the packet's target schema built on the same
   * server.
   *
   * @param checked false when the run did not complete the playbook, or the packet has no
   *     target schema; {@code reason} says which
   * @param reached checked, and every difference is one the plan declares
   * @param reason why it was not checked, or what was compared
   * @param differences every way the end state differs from the target, declared or not
   */
  public record EndState(boolean checked, boolean reached, String reason,
      List<EndStateDifference> differences) {

    public static EndState notChecked(String reason) {
      return new EndState(false, false, reason, List.of());
    }

    /** The differences the plan does not declare: the playbook misses these. */
    public List<EndStateDifference> undeclared() {
      return differences.stream().filter(d -> !d.declared()).toList();
    }
  }

  /**
   * One way the end state differs from the target, in the vocabulary of {@code migsafe drift}.
   *
   * @param kind e.g. {@code column-nullability}, {@code sequence-type}
   * @param object e.g. {@code orders.currency}
   * @param expected the target's value, or null when the object should be absent
   * @param actual the value the playbook left, or null when it is absent
   * @param declared the plan's {@code targetDifferences} name this kind and object
   * @param reason the plan's reason when declared, else null
   */
  public record EndStateDifference(String kind, String object, String expected, String actual,
      String message, boolean declared, String reason) {}

  /**
   * One change's forward-fix, executed right after its point of no return inside a transaction
   * that is rolled back, so that the playbook goes on from the state it left. Statements that
   * PostgreSQL refuses in a transaction block run without {@code CONCURRENTLY}: same names,
   * columns and checks, which is what the run proves.
   *
   * @param afterStep the step that passed the point of no return
   * @param answers the decision tree's answers that lead to this outcome
   * @param statements each statement with its duration and error; those after an error did not run
   * @param error the first statement's error, or null when every statement ran
   * @param note what the run changed about the statements, or why it did not run them
   */
  public record ForwardFixRun(String changeId, String treeId, String afterStep,
      List<String> answers, List<RollbackStatement> statements, String error, String note) {}

  /** Where and why the rehearsal stopped early. */
  public record Stop(String at, String reason) {}

  /**
   * The background workload.
   *
   * @param enabled false when the server is not on this machine (the workload is loopback only)
   * @param reason why it was disabled, or how it was scaled
   */
  public record WorkloadSummary(boolean enabled, String reason, long queries, long errors,
      long maxWaitMs) {}
}
