package dev.migsafe.internal.rehearse;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal;
import dev.migsafe.api.Rehearsal.Data;
import dev.migsafe.api.Rehearsal.RollbackRun;
import dev.migsafe.api.Rehearsal.StepRun;
import dev.migsafe.api.Rehearsal.Stop;
import dev.migsafe.api.Rehearsal.ValidationRun;
import dev.migsafe.internal.pg.SchemaComparison;
import dev.migsafe.internal.pg.SchemaDifference;
import dev.migsafe.internal.pg.SchemaSnapshot;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a playbook on a scratch database, in the order an operator would, and records the
 * evidence:
 *
 * <ol>
 *   <li>the current schema is loaded, its snapshot kept as the state a rollback must restore,
 *       and the tables are filled;
 *   <li>the validations of {@code before} run; a failure stops here, as the checklist says;
 *   <li>the forward pass runs every SQL step up to the last reversible point (the step before
 *       the first point of no return, or before the transaction that commits it), observing
 *       each one while the workload runs; the {@code after-backfill} validations run once phase
 *       C is done, and a failing invariant stops the rehearsal;
 *   <li>the rollback from that point runs the decision trees' rollback SQL, timed against their
 *       bound, then the schema is compared with the starting snapshot and the {@code before}
 *       validations run again;
 *   <li>the forward-fix pass replays the playbook from the start and runs the steps from the
 *       point of no return on, which can only be fixed forward, then the {@code after-cutover}
 *       validations. Right after each change's point of no return, the first forward-fix its
 *       decision tree offers runs and is rolled back ({@link ForwardFixExecutor}).
 * </ol>
 */
public final class RehearsalRunner {
  static final Set<String> ALL_SOURCES = Set.of("invariant", "change", "template");

  private final MigrationPacket packet;
  private final Plan plan;
  private final ScratchDatabase db;
  private final RehearsalOptions options;
  private final java.util.function.Consumer<String> progress;
  private final List<StepRun> stepRuns = new ArrayList<>();
  private final List<ValidationRun> validationRuns = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  /** The plan's validations without the invariants the packet keeps for production data. */
  private final List<Plan.Validation> validationsToRun;
  private Map<String, Long> rehearsalRows = Map.of();
  /** The rows per table the synthetic fill was asked for; null when the team's data was loaded. */
  private Map<String, Long> requestedRows;
  /** What the steps without a rollback changed in the schema, step id to differences. */
  private final Map<String, List<SchemaDifference>> keptEffects = new LinkedHashMap<>();
  private Connection observerConnection;
  /** The workload behind the steps, told when the old application goes away. */
  private BackgroundWorkload backgroundWorkload;
  /** The schemas the packet's tables live in: where locks are observed and state compared. */
  private List<String> schemas = List.of();
  /** The target schema built on the same server, or null when the packet has none. */
  private Map<String, SchemaSnapshot> target;
  /** The schemas the end state is compared in: the current schema's and the target's. */
  private List<String> endSchemas = List.of();
  private Rehearsal.EndState endState;
  private Stop stopped;
  private boolean backfillValidated;
  private boolean cutoverReached;
  /** The forward-fixes still to run, in plan order; each runs once its point is passed. */
  private final List<ForwardFixPath> pendingFixes = new ArrayList<>();
  private final List<Rehearsal.ForwardFixRun> forwardFixRuns = new ArrayList<>();
  /** Every plan step's position, actions included: a point of no return may be either. */
  private final Map<String, Integer> stepOrder = new LinkedHashMap<>();

  /** @param progress told what the rehearsal is doing, one line at a time */
  public RehearsalRunner(MigrationPacket packet, Plan plan, ScratchDatabase db,
      RehearsalOptions options, java.util.function.Consumer<String> progress) {
    this.packet = packet;
    this.plan = plan;
    this.db = db;
    this.options = options;
    this.progress = progress;
    Set<String> productionOnly = new java.util.HashSet<>();
    packet.invariants().forEach(i -> {
      if (!i.rehearse()) {
        productionOnly.add(i.id());
        notes.add("Invariant " + i.id() + " was not rehearsed: the packet marks it as holding "
            + "on production data only (rehearse: false).");
      }
    });
    this.validationsToRun = plan.validations().stream().filter(v ->
        !(v.source().equals("invariant") && productionOnly.contains(v.id()))).toList();
  }

  public Rehearsal run() {
    try (Connection migration = db.connect(); Connection observer = db.connect()) {
      return run(migration, observer);
    } catch (SQLException e) {
      throw new MigsafeException(MigsafeException.Kind.BAD_INPUT,
          "the rehearsal database failed: " + Errors.describe(e));
    }
  }

  private Rehearsal run(Connection migration, Connection observer) throws SQLException {
    this.observerConnection = observer;
    String source = packet.currentSchemaSource();
    progress.accept("loading the current schema");
    dev.migsafe.internal.pg.SqlScript.run(migration, source, packet.schema().current());
    schemas = SchemaState.schemasOf(SchemaReader.read(packet.schema().current()), db.schema());
    Map<String, SchemaSnapshot> start = SchemaState.read(observer, schemas);
    if (packet.schema().target() != null) {
      // Built before the first step, so that DDL the server rejects is bad input at once.
      progress.accept("building the target schema for the end-state check");
      java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(schemas);
      all.addAll(SchemaState.schemasOf(SchemaReader.read(packet.schema().target()),
          db.schema()));
      endSchemas = List.copyOf(all);
      target = EndStateCheck.target(db, packet, endSchemas);
    }
    progress.accept(options.dataFile() == null ? "filling the tables" : "loading "
        + options.dataFile());
    Schema schema = SchemaReader.read(packet.schema().current());
    Data data = fill(migration, schema);
    rehearsalRows = data.rows();

    BackgroundWorkload workload = BackgroundWorkload.start(db, packet, plan, schema,
        insertRows(migration, schema), data, options);
    RollbackRun rollback;
    try {
      backgroundWorkload = workload;
      rollback = rehearse(migration, observer, start, workload);
    } finally {
      workload.stop();
    }
    return new Rehearsal(packet.id(),
        new Rehearsal.Server(db.serverVersion(), db.embedded(), db.description()), data,
        List.copyOf(stepRuns), List.copyOf(validationRuns), rollback,
        RehearsalGates.decide(plan.gates(), validationRuns, rollback, stopped, cutoverReached),
        stopped, workload.summary(), List.copyOf(notes),
        endState != null ? endState : Rehearsal.EndState.notChecked(notCheckedBecause(rollback)),
        List.copyOf(forwardFixRuns));
  }

  /** Why the end state was not compared with the target. */
  private String notCheckedBecause(RollbackRun rollback) {
    if (target == null) {
      return "the packet has no target schema";
    }
    if (stopped != null) {
      return "the playbook did not run to its end: " + stopped.reason();
    }
    if (!rollback.schemaRestored()) {
      return "the steps from the point of no return on were not rehearsed: the rollback did "
          + "not restore the schema they start from";
    }
    return "the playbook did not run to its end";
  }

  /**
   * The schema the last step left, against the target. Taken before the after-cutover checks
   * (they read rows, not the catalog) and before anything is rolled back.
   */
  private Rehearsal.EndState checkEndState() throws SQLException {
    if (target == null) {
      return Rehearsal.EndState.notChecked("the packet has no target schema");
    }
    progress.accept("comparing the end state with the target schema");
    Map<String, SchemaSnapshot> reached;
    try {
      reached = SchemaState.read(observerConnection, endSchemas);
    } catch (MigsafeException e) {
      // A schema the target has and the playbook never created.
      return Rehearsal.EndState.notChecked("the end state cannot be read: " + e.getMessage());
    }
    return EndStateCheck.judge(target, reached, plan.targetDifferences());
  }

  /** The workload's inserts: from the synthetic fill's plans; none over the team's own data. */
  private Map<String, InsertRow> insertRows(Connection c, Schema schema) throws SQLException {
    if (!options.workload()) {
      return Map.of();
    }
    if (requestedRows == null) {
      notes.add("The workload inserts no rows: over the team's data (--data) migsafe cannot "
          + "tell which key values are still free.");
      return Map.of();
    }
    return InsertRows.build(c, schema, SchemaReader.read(packet.schema().target() == null
        ? packet.schema().current() : packet.schema().target()), requestedRows, notes);
  }

  /** Synthetic rows shaped by the packet, or the team's sample; the rows counted either way. */
  private Data fill(Connection c, Schema schema) throws SQLException {
    long t0 = System.nanoTime();
    if (options.dataFile() != null) {
      SyntheticData.load(c, options.dataFile());
      Map<String, Long> rows = new LinkedHashMap<>();
      for (String table : schema.tables().keySet()) {
        try (Statement st = c.createStatement();
            var rs = st.executeQuery("SELECT count(*) FROM " + dev.migsafe.internal.plan.SqlQuoting.identifier(table))) {
          rs.next();
          rows.put(table, rs.getLong(1));
        }
      }
      return new Data(options.dataFile().getFileName().toString(), rows,
          (System.nanoTime() - t0) / 1_000_000);
    }
    Map<String, Long> wanted = SyntheticData.rowsPerTable(schema, packet, options.scale());
    db.dataDirectory().ifPresent(dir -> DiskBudget.check(dir, schema, wanted));
    requestedRows = wanted;
    DataFill fill = SyntheticData.fill(c, schema, wanted);
    notes.addAll(fill.notes());
    notes.addAll(TargetShape.fillNullsTheTargetForbids(c, schema,
        SchemaReader.read(packet.schema().target() == null ? packet.schema().current()
            : packet.schema().target())));
    Map<String, Long> rows = new LinkedHashMap<>();
    fill.tables().forEach(t -> rows.put(t.table(), t.rows()));
    return new Data("synthetic", rows, fill.took().toMillis());
  }

  private RollbackRun rehearse(Connection migration, Connection observer,
      Map<String, SchemaSnapshot> start,
      BackgroundWorkload workload) throws SQLException {
    ValidationRunner validations = new ValidationRunner(migration);
    progress.accept("validations before the first step");
    List<ValidationRun> before = validations.run(validationsToRun, "before", ALL_SOURCES);
    validationRuns.addAll(before);
    ValidationRun failed = firstFailure(before);
    if (failed != null) {
      stopped = new Stop("before", "validation " + failed.id() + " failed before the first step"
          + (options.dataFile() == null ? ": the synthetic rows do not satisfy it; load the "
              + "team's sample with --data FILE.sql, or mark an invariant that only production "
              + "data satisfies with rehearse: false" : ""));
      return RollbackExecutor.notExecuted(null,
          "nothing ran: the rehearsal stopped before the first step", false);
    }

    List<Plan.Step> steps = sqlSteps();
    int reversibleEnd = lastReversiblePoint(steps);
    Duration pause = pauseBetweenBatches();
    StepExecutor executor = new StepExecutor(migration, observer, db, schemas,
        db.serverMajor(),
        workload, pause);

    int ran = forward(executor, validations, steps, 0, reversibleEnd, "forward", true);
    executor.abandonPlanTransaction();
    RollbackRun rollback = rollBack(migration, observer, validations, steps, ran, start, pause);
    if (stopped == null && reversibleEnd < steps.size()) {
      if (!rollback.schemaRestored()) {
        notes.add("The steps from the point of no return on were not rehearsed: the rollback "
            + "did not restore the schema they start from.");
      } else {
        pendingFixes.addAll(ForwardFixPath.of(plan));
        forward(executor, validations, steps, 0, steps.size(), "forward-fix", false);
        executor.abandonPlanTransaction();
        pendingFixes.forEach(f -> notes.add("The forward-fix of " + f.changeId() + " ("
            + f.treeId() + ") did not run: the rehearsal did not pass " + f.afterStep() + "."));
      }
    }
    return rollback;
  }

  /**
   * Runs {@code steps[from, to)}; returns how many ran without error. Steps before the last
   * reversible point are recorded only in the first pass; the second replays them silently.
   */
  private int forward(StepExecutor executor, ValidationRunner validations, List<Plan.Step> steps,
      int from, int to, String pass, boolean record) throws SQLException {
    int reversibleEnd = lastReversiblePoint(steps);
    int ran = 0;
    for (int i = from; i < to; i++) {
      Plan.Step step = steps.get(i);
      if (!backfillValidated && phaseRank(step) > phaseRank("C")) {
        if (!afterBackfill(validations)) {
          return ran;
        }
      }
      if (phaseRank(step) >= phaseRank("D")) {
        // Cutover deploys the new application everywhere: the old one stops writing.
        backgroundWorkload.retireOldApplication();
      }
      boolean recorded = record || i >= reversibleEnd;
      progress.accept((recorded ? "step " : "replaying step ") + step.id()
          + (step.title() == null ? "" : ": " + step.title()));
      // A step the playbook does not undo before the point of no return leaves its effect
      // after a rollback by design (the decision tree says so); record what that effect is.
      boolean kept = record && i < reversibleEnd && step.rollbackSql() == null
          && !step.batched();
      Map<String, SchemaSnapshot> before = kept ? SchemaState.read(observerConnection, schemas)
          : null;
      StepRun r = Projection.of(executor.run(step, Predictions.of(plan, step.id()),
          i >= reversibleEnd ? "forward-fix" : "forward"), step, packet, rehearsalRows,
          pauseBetweenBatches().toMillis());
      if (kept && r.error() == null && !executor.inPlanTransaction()) {
        List<SchemaDifference> effect = SchemaState.compare(before,
            SchemaState.read(observerConnection, schemas));
        if (!effect.isEmpty()) {
          keptEffects.put(step.id(), effect);
        }
      }
      if (recorded || r.error() != null) {
        stepRuns.add(r);
      }
      if (r.error() != null) {
        stopped = new Stop(step.id(), "step " + step.id() + " failed: " + r.error());
        return ran;
      }
      ran++;
      if (!record && !executor.inPlanTransaction()) {
        runDueForwardFixes(step);
      }
    }
    if (to == steps.size()) {
      endState = checkEndState();
      if (!backfillValidated && !afterBackfill(validations)) {
        return ran;
      }
      progress.accept("validations after cutover");
      List<ValidationRun> after = validations.run(validationsToRun, "after-cutover",
          ALL_SOURCES);
      validationRuns.addAll(after);
      cutoverReached = true;
      ValidationRun failed = firstFailure(after);
      if (failed != null) {
        stopped = new Stop("after-cutover", "validation " + failed.id() + " failed after cutover");
      }
    }
    return ran;
  }

  /** Runs the forward-fixes whose point of no return {@code step} has reached or passed. */
  private void runDueForwardFixes(Plan.Step step) {
    if (stepOrder.isEmpty()) {
      plan.phases().forEach(ph -> ph.steps().forEach(s -> stepOrder.put(s.id(), stepOrder.size())));
    }
    int at = stepOrder.getOrDefault(step.id(), -1);
    var it = pendingFixes.iterator();
    while (it.hasNext()) {
      ForwardFixPath fix = it.next();
      if (stepOrder.getOrDefault(fix.afterStep(), Integer.MAX_VALUE) <= at) {
        it.remove();
        progress.accept("forward-fix of " + fix.changeId() + " after " + fix.afterStep()
            + " (rolled back)");
        forwardFixRuns.add(new ForwardFixExecutor(db).run(fix));
      }
    }
  }

  /** The after-backfill validations; false (and stopped) when an invariant fails. */
  private boolean afterBackfill(ValidationRunner validations) {
    backfillValidated = true;
    progress.accept("validations after the backfill");
    List<ValidationRun> runs = validations.run(validationsToRun, "after-backfill", ALL_SOURCES);
    validationRuns.addAll(runs);
    ValidationRun failed = firstFailure(runs);
    if (failed != null) {
      stopped = new Stop("after-backfill", "validation " + failed.id() + " failed after the "
          + "backfill: the playbook stops here");
      return false;
    }
    return true;
  }

  private RollbackRun rollBack(Connection migration, Connection observer,
      ValidationRunner validations, List<Plan.Step> steps, int ran,
      Map<String, SchemaSnapshot> start,
      Duration pause) throws SQLException {
    if (ran == 0 && stopped != null && !stepRuns.isEmpty()
        && stepRuns.get(stepRuns.size() - 1).error() != null) {
      // The first step failed: nothing ran that needs undoing, but verify that.
      notes.add("The first SQL step failed; the rollback only verifies the starting state.");
    }
    // The trees' rollback undoes everything up to the last reversible point; when the
    // rehearsal stopped earlier, only the steps that ran are undone.
    boolean reachedEnd = ran == lastReversiblePoint(steps)
        && (stopped == null || stopped.at().equals("after-cutover"));
    return new RollbackExecutor(packet, plan, schemas, validationsToRun, rehearsalRows,
        keptEffects, progress).run(migration,
        observer, steps.subList(0, ran), reachedEnd, stopped, start, pause, validations,
        validationRuns);
  }

  private List<Plan.Step> sqlSteps() {
    List<Plan.Step> out = new ArrayList<>();
    for (Plan.Phase ph : plan.phases()) {
      for (Plan.Step s : ph.steps()) {
        if (s.sql() != null) {
          out.add(s);
        } else if (ph.id().equals("B") && !notes.contains(B_NOTE)) {
          notes.add(B_NOTE);
        }
      }
    }
    return out;
  }

  private static final String B_NOTE = "Phase B is application code and was not rehearsed; "
      + "steps that are actions for people (deployments, waits) were skipped.";

  /**
   * The index of the first step that must not run before the rollback is rehearsed: the first
   * point of no return, or the {@code BEGIN} of the transaction that contains it (a transaction
   * that commits the point of no return is undone by not committing it).
   */
  static int lastReversiblePoint(List<Plan.Step> steps) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).pointOfNoReturn()) {
        for (int j = i; j >= 0; j--) {
          String sql = steps.get(j).sql();
          if (j < i && StepKind.closesTransaction(sql)) {
            break;
          }
          if (StepKind.opensTransaction(sql)) {
            return j;
          }
        }
        return i;
      }
    }
    return steps.size();
  }

  private Duration pauseBetweenBatches() {
    Duration p = packet.backfill() == null || packet.backfill().pauseBetweenBatches() == null
        ? Duration.ofMillis(100) : packet.backfill().pauseBetweenBatches();
    return p.compareTo(options.maxPause()) > 0 ? options.maxPause() : p;
  }

  private static int phaseRank(Plan.Step step) {
    return phaseRank(StepExecutor.phaseOf(step));
  }

  private static int phaseRank(String phase) {
    return "ABCD".indexOf(phase);
  }

  private static ValidationRun firstFailure(List<ValidationRun> runs) {
    return runs.stream().filter(v -> !v.passed()).findFirst().orElse(null);
  }
}
