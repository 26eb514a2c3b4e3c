package dev.migsafe.internal.rehearse;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal.RollbackRun;
import dev.migsafe.api.Rehearsal.RollbackStatement;
import dev.migsafe.api.Rehearsal.Stop;
import dev.migsafe.api.Rehearsal.ValidationRun;
import dev.migsafe.internal.pg.SchemaComparison;
import dev.migsafe.internal.pg.SchemaDifference;
import dev.migsafe.internal.pg.SchemaSnapshot;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rollback of a rehearsal: what to undo, running it against the clock, and checking that it
 * worked. When the forward pass reached the last reversible point, each change is undone along
 * its decision trees' fullest rollback; when it stopped earlier, the steps that ran are undone
 * newest first. Then the schema is compared with the starting snapshot and the {@code before}
 * validations run again.
 */
final class RollbackExecutor {
  /** The table a copy-back UPDATE writes: its first identifier, quoted or not. */
  private static final java.util.regex.Pattern UPDATED_TABLE = java.util.regex.Pattern.compile(
      "(?is)^\\s*UPDATE\\s+(\"(?:[^\"]|\"\")+\"|[\\w.]+).*");

  private final Plan plan;
  private final List<String> schemas;
  private final List<Plan.Validation> validations;
  private final Consumer<String> progress;
  private final MigrationPacket packet;
  private final Map<String, Long> rehearsalRows;
  private final Map<String, List<SchemaDifference>> keptEffects;

  /**
   * @param keptEffects what each step without a rollback changed, by step id: a difference after
   *     the rollback that one of them made is kept by design, not a failed restore
   */
  RollbackExecutor(MigrationPacket packet, Plan plan, List<String> schemas,
      List<Plan.Validation> validations, Map<String, Long> rehearsalRows,
      Map<String, List<SchemaDifference>> keptEffects, Consumer<String> progress) {
    this.keptEffects = keptEffects;
    this.packet = packet;
    this.rehearsalRows = rehearsalRows;
    this.plan = plan;
    this.schemas = schemas;
    this.validations = validations;
    this.progress = progress;
  }

  /**
   * @param done the steps that ran, in order
   * @param reachedEnd true when they end at the last reversible point
   * @param stopped why the forward pass stopped, or null
   * @param runs where the after-rollback validation runs are added
   */
  RollbackRun run(Connection migration, Connection observer, List<Plan.Step> done,
      boolean reachedEnd, Stop stopped, Map<String, SchemaSnapshot> start, Duration pause,
      ValidationRunner validationRunner, List<ValidationRun> runs) throws SQLException {
    String fromStep = done.isEmpty() ? null : done.get(done.size() - 1).id();
    List<RollbackStatement> plannedStatements = new ArrayList<>();
    Duration bound = Duration.ZERO;
    Map<String, RollbackPath> paths = RollbackPath.of(plan);
    Set<String> changed = new LinkedHashSet<>();
    done.forEach(s -> {
      if (s.changeId() != null) {
        changed.add(s.changeId());
      }
    });
    List<String> changes = new ArrayList<>(changed);
    java.util.Collections.reverse(changes);
    for (String changeId : changes) {
      RollbackPath path = paths.get(changeId);
      if (path != null && path.timeBound() != null) {
        bound = bound.plus(path.timeBound());
      }
      // The tree's rollback undoes every reversible step of its change; in a packet of several
      // changes the run can stop at another change's point of no return before this change's
      // later reversible steps (its own swap) ran, and then only what ran is undone.
      if (reachedEnd && path != null && allReversibleRan(changeId, done)) {
        path.statements().forEach(sql -> plannedStatements.add(
            new RollbackStatement(changeId, path.treeId(), sql, 0, 0, null)));
      } else {
        // Stopped part-way: undo exactly the steps that ran, newest first.
        for (int i = done.size() - 1; i >= 0; i--) {
          Plan.Step s = done.get(i);
          if (changeId.equals(s.changeId()) && s.rollbackSql() != null) {
            plannedStatements.add(new RollbackStatement(changeId, s.id(), s.rollbackSql(), 0, 0,
                null));
          }
        }
      }
    }
    if (done.isEmpty() && plannedStatements.isEmpty()) {
      return notExecuted(null, stopped == null
          ? "no SQL step runs before the point of no return: only forward-fix remains"
          : "nothing ran before the rehearsal stopped", false);
    }

    progress.accept("rolling back from " + (fromStep == null ? "the start" : fromStep));
    List<RollbackStatement> executed = new ArrayList<>();
    String error = null;
    long t0 = System.nanoTime();
    try (Statement st = migration.createStatement()) {
      for (RollbackStatement p : plannedStatements) {
        long s0 = System.nanoTime();
        int batches = 0;
        String e = null;
        try {
          for (SourceStatement one : SqlSplitter.split(p.sql())) {
            boolean batch = RollbackPath.isBatch(one.text());
            int first = -1;
            boolean more;
            do {
              st.execute(one.text());
              batches++;
              int rows = st.getUpdateCount();
              first = first < 0 ? rows : first;
              // Caught up, as in StepExecutor: the rest is what the workload's inserts add.
              more = batch && rows > 0 && !(batches > 1 && rows * 10L < first)
                  && batches < StepExecutor.MAX_BATCHES;
              if (more) {
                Thread.sleep(pause.toMillis());
              }
            } while (more);
          }
        } catch (SQLException ex) {
          e = Errors.describe(ex);
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          e = "interrupted";
        }
        executed.add(new RollbackStatement(p.changeId(), p.source(), p.sql(),
            (System.nanoTime() - s0) / 1_000_000, batches, e));
        if (e != null) {
          error = p.source() + ": " + e;
          break;
        }
      }
    }
    long durationMs = (System.nanoTime() - t0) / 1_000_000;
    long projected = 0;
    for (RollbackStatement s : executed) {
      java.util.regex.Matcher m = UPDATED_TABLE.matcher(s.sql());
      Long p = RollbackPath.isBatch(s.sql()) && m.matches() ? Projection.projectMs(packet,
          m.group(1).replaceAll("^\"|\"$", "").replace("\"\"", "\""), rehearsalRows,
          s.durationMs(), s.batches(), pause.toMillis(), true) : null;
      projected += p == null ? s.durationMs() : p;
    }
    List<SchemaDifference> differences = new ArrayList<>(SchemaState.compare(start,
        SchemaState.read(observer, schemas)));
    List<String> kept = new ArrayList<>();
    differences.removeIf(d -> {
      for (Map.Entry<String, List<SchemaDifference>> e : keptEffects.entrySet()) {
        if (e.getValue().stream().anyMatch(x -> x.kind().equals(d.kind())
            && x.object().equals(d.object()) && java.util.Objects.equals(x.actual(), d.actual()))) {
          kept.add(d.message() + " (step " + e.getKey() + ", which the playbook does not undo)");
          return true;
        }
      }
      return false;
    });
    List<ValidationRun> again = validationRunner.run(validations, "after-rollback",
        RehearsalRunner.ALL_SOURCES);
    runs.addAll(again);
    boolean withinBound = bound.isZero()
        || durationMs <= bound.toMillis() && projected <= bound.toMillis();
    return new RollbackRun(true, fromStep, durationMs, bound.isZero() ? null : bound, withinBound,
        projected, differences.isEmpty(), again.stream().allMatch(ValidationRun::passed), List.copyOf(executed),
        differences.stream().map(SchemaDifference::message).toList(), List.copyOf(kept), error,
        reachedEnd ? "from the last reversible point, along the decision trees' rollback"
            : "from where the rehearsal stopped, undoing the steps that ran");
  }


  /** Whether every step of the change that has a rollback, up to its point of no return, ran. */
  private boolean allReversibleRan(String changeId, List<Plan.Step> done) {
    Set<String> ran = new java.util.HashSet<>();
    done.forEach(s -> ran.add(s.id()));
    for (Plan.Phase ph : plan.phases()) {
      for (Plan.Step s : ph.steps()) {
        if (!changeId.equals(s.changeId())) {
          continue;
        }
        if (s.pointOfNoReturn()) {
          return true;
        }
        if (s.rollbackSql() != null && !ran.contains(s.id())) {
          return false;
        }
      }
    }
    return true;
  }

  static RollbackRun notExecuted(String fromStep, String reason, boolean failed) {
    return new RollbackRun(false, fromStep, 0, null, false, null, false, false, List.of(),
        List.of(), List.of(), failed ? reason : null, reason);
  }

}
