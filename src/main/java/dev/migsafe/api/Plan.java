package dev.migsafe.api;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The playbook for one migration packet, as fixed by the {@code plan} part of the command-line
 * contract: changes, findings, risks, the four phases, the compatibility matrix, affected
 * consumers, validations, decision trees, the release checklist, gates, similar past
 * migrations, and why each change's recipe was chosen over its direct statement.
 */
public record Plan(
    PacketSummary packet,
    List<Change> changes,
    List<PlanFinding> findings,
    List<Risk> risks,
    List<Phase> phases,
    List<Compatibility> compatibility,
    List<ConsumerImpact> consumers,
    List<Validation> validations,
    List<DecisionTree> decisionTrees,
    List<ChecklistItem> checklist,
    List<Gate> gates,
    List<SimilarMigration> similarPastMigrations,
    List<TargetDifference> targetDifferences,
    List<BackfillControl> backfills,
    List<Rationale> rationale,
    List<PeakWindow> peakWindows,
    List<CodeSurface> codeSurfaces) {

  /** A plan without code surfaces, as before {@code codeSurfaces} existed. */
  public Plan(PacketSummary packet, List<Change> changes, List<PlanFinding> findings,
      List<Risk> risks, List<Phase> phases, List<Compatibility> compatibility,
      List<ConsumerImpact> consumers, List<Validation> validations,
      List<DecisionTree> decisionTrees, List<ChecklistItem> checklist, List<Gate> gates,
      List<SimilarMigration> similarPastMigrations, List<TargetDifference> targetDifferences,
      List<BackfillControl> backfills, List<Rationale> rationale, List<PeakWindow> peakWindows) {
    this(packet, changes, findings, risks, phases, compatibility, consumers, validations,
        decisionTrees, checklist, gates, similarPastMigrations, targetDifferences, backfills,
        rationale, peakWindows, List.of());
  }

  /** A plan without its peak windows, as before {@code peakWindows} existed. */
  public Plan(PacketSummary packet, List<Change> changes, List<PlanFinding> findings,
      List<Risk> risks, List<Phase> phases, List<Compatibility> compatibility,
      List<ConsumerImpact> consumers, List<Validation> validations,
      List<DecisionTree> decisionTrees, List<ChecklistItem> checklist, List<Gate> gates,
      List<SimilarMigration> similarPastMigrations, List<TargetDifference> targetDifferences,
      List<BackfillControl> backfills, List<Rationale> rationale) {
    this(packet, changes, findings, risks, phases, compatibility, consumers, validations,
        decisionTrees, checklist, gates, similarPastMigrations, targetDifferences, backfills,
        rationale, List.of());
  }

  /** A plan without the why of its recipes, as before {@code rationale} existed. */
  public Plan(PacketSummary packet, List<Change> changes, List<PlanFinding> findings,
      List<Risk> risks, List<Phase> phases, List<Compatibility> compatibility,
      List<ConsumerImpact> consumers, List<Validation> validations,
      List<DecisionTree> decisionTrees, List<ChecklistItem> checklist, List<Gate> gates,
      List<SimilarMigration> similarPastMigrations, List<TargetDifference> targetDifferences,
      List<BackfillControl> backfills) {
    this(packet, changes, findings, risks, phases, compatibility, consumers, validations,
        decisionTrees, checklist, gates, similarPastMigrations, targetDifferences, backfills,
        List.of());
  }

  /** A plan without backfill controls, as before {@code backfills} existed. */
  public Plan(PacketSummary packet, List<Change> changes, List<PlanFinding> findings,
      List<Risk> risks, List<Phase> phases, List<Compatibility> compatibility,
      List<ConsumerImpact> consumers, List<Validation> validations,
      List<DecisionTree> decisionTrees, List<ChecklistItem> checklist, List<Gate> gates,
      List<SimilarMigration> similarPastMigrations, List<TargetDifference> targetDifferences) {
    this(packet, changes, findings, risks, phases, compatibility, consumers, validations,
        decisionTrees, checklist, gates, similarPastMigrations, targetDifferences, List.of(),
        List.of());
  }

  /** A plan that reaches its target exactly, as before {@code targetDifferences} existed. */
  public Plan(PacketSummary packet, List<Change> changes, List<PlanFinding> findings,
      List<Risk> risks, List<Phase> phases, List<Compatibility> compatibility,
      List<ConsumerImpact> consumers, List<Validation> validations,
      List<DecisionTree> decisionTrees, List<ChecklistItem> checklist, List<Gate> gates,
      List<SimilarMigration> similarPastMigrations) {
    this(packet, changes, findings, risks, phases, compatibility, consumers, validations,
        decisionTrees, checklist, gates, similarPastMigrations, List.of(), List.of(),
        List.of());
  }

  /** This plan with the catalog's similar past migrations, which the catalog search adds. */
  public Plan withSimilarPastMigrations(List<SimilarMigration> similar) {
    return new Plan(packet, changes, findings, risks, phases, compatibility, consumers,
        validations, decisionTrees, checklist, gates, List.copyOf(similar), targetDifferences,
        backfills, rationale, peakWindows, codeSurfaces);
  }

  /** This plan with more validations appended, e.g. from the catalog's templates. */
  public Plan withMoreValidations(List<Validation> more) {
    List<Validation> all = new java.util.ArrayList<>(validations);
    all.addAll(more);
    return new Plan(packet, changes, findings, risks, phases, compatibility, consumers,
        List.copyOf(all), decisionTrees, checklist, gates, similarPastMigrations,
        targetDifferences, backfills, rationale, peakWindows, codeSurfaces);
  }

  /** This plan with the gates replaced, e.g. by those a rehearsal decided. */
  public Plan withGates(List<Gate> decided) {
    return new Plan(packet, changes, findings, risks, phases, compatibility, consumers,
        validations, decisionTrees, checklist, List.copyOf(decided), similarPastMigrations,
        targetDifferences, backfills, rationale, peakWindows, codeSurfaces);
  }

  /**
   * This plan with the code that uses what it changes ({@code plan --code}): the surfaces, the
   * findings they raise and the gates as they decide them.
   */
  public Plan withCodeSurfaces(List<CodeSurface> surfaces, List<PlanFinding> moreFindings,
      List<Gate> decided) {
    List<PlanFinding> all = new java.util.ArrayList<>(findings);
    all.addAll(moreFindings);
    return new Plan(packet, changes, List.copyOf(all), risks, phases, compatibility, consumers,
        validations, decisionTrees, checklist, List.copyOf(decided), similarPastMigrations,
        targetDifferences, backfills, rationale, peakWindows, List.copyOf(surfaces));
  }

  /**
   * A place in a consumer's repository that a change breaks on one side of the compatibility
   * matrix: it uses what the change drops, renames or narrows (the old application on the new
   * schema), or it already uses what the change brings in (the new application on the old
   * schema).
   *
   * @param changeId the change
   * @param surface where and how the code uses it
   * @param side the side of the matrix under which this place breaks
   */
  public record CodeSurface(String changeId, Surface surface, Side side) {

    /** A use of what the change removes or narrows: the old application on the new schema. */
    public CodeSurface(String changeId, Surface surface) {
      this(changeId, surface, Side.OLD_APP_NEW_SCHEMA);
    }
  }

  /** A side of the compatibility matrix. */
  public enum Side {
    /** Code that runs today, once the change has run. */
    OLD_APP_NEW_SCHEMA,
    /** Code written for the change, before the change has run. */
    NEW_APP_OLD_SCHEMA;

    /** {@code old-app-new-schema} or {@code new-app-old-schema}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * One occurrence of the packet's peak traffic within the playbook's timeline, in the packet's
   * time zone: the page shades it, because a step drawn inside one is a step that runs while
   * the table is busiest.
   */
  public record PeakWindow(ZonedDateTime start, ZonedDateTime end) {}

  /**
   * A way the schema after every SQL step of the playbook deliberately differs from the
   * packet's target, in the vocabulary of {@code drift}: anything else that differs is a defect
   * of the playbook, which {@code plan} reports as a blocker and {@code rehearse} as a failure.
   *
   * @param kind the difference as {@code drift} names it, e.g. {@code column-nullability}
   * @param object what differs, e.g. {@code orders.currency}
   * @param reason why the playbook ends there instead, e.g. the lock the exact form would take
   */
  public record TargetDifference(String kind, String object, String reason) {}

  /**
   * How operators run, watch, pause and resume one key-range backfill (phase C).
   *
   * @param stepId the batch step, repeated until it changes no row
   * @param progressTable where the next key, the last key and the rows done are kept
   * @param primaryKey the integer key the batches walk
   * @param batchSize keys per batch
   * @param pauseBetweenBatches the pause after each batch
   * @param estimatedBatches batches over the packet's row count, keys taken as dense
   * @param estimatedDuration the whole backfill, pauses included
   * @param batchTimeout a statement_timeout for one batch: ten times its estimate, at least 5 s
   * @param resume how to continue after a stop
   * @param progressQuery percent done and the time left, from the progress table
   * @param replicaLagQuery the largest replay lag of any replica, in seconds
   * @param replicaLagLimit pause while the lag is above this
   * @param deadTupleQuery dead and live tuples of the table
   * @param deadTuplePercentLimit pause while dead tuples exceed this percentage of live ones
   */
  public record BackfillControl(String stepId, String changeId, String table,
      String progressTable, String primaryKey, long batchSize, Duration pauseBetweenBatches,
      long estimatedBatches, Duration estimatedDuration, Duration batchTimeout, String resume,
      String progressQuery, String replicaLagQuery, Duration replicaLagLimit,
      String deadTupleQuery, int deadTuplePercentLimit) {}

  /** Who owns the packet and where it runs. */
  public record PacketSummary(String id, String title, String owner, List<String> reviewers,
      String dialect, String engineVersion) {}

  /** A rule-base finding about a change or a statement of the packet's migration. */
  public record PlanFinding(String rule, Severity severity, String changeId, String message,
      String why, String saferAlternative) {}

  /**
   * The lock and duration risk of one step.
   *
   * @param lock the strongest lock the step takes on any table
   * @param locks the lock it takes on each table, as {@code lint} reports them; a rehearsal
   *     compares these with what the server does
   */
  public record Risk(String stepId, String changeId, String table, LockMode lock,
      List<TableLock> locks, boolean rewritesTable, boolean scansTable,
      Duration estimatedDuration, boolean inPeakWindow, boolean exceedsMaxLockWait,
      boolean exceedsMaxStatementTime, String note) {}

  /** A phase: A additive schema, B code deployment, C backfill, D cutover and cleanup. */
  public record Phase(String id, String name, List<Step> steps) {}

  /**
   * One step of a phase: SQL to run, or an action for people (a deployment, a wait).
   *
   * @param window {@code any}, {@code off-peak} or {@code maintenance}
   * @param batched a backfill batch: run it again, pausing between runs, until it changes no row
   * @param scheduledAt when the timeline puts it, in the packet's time zone; null for actions
   *     without a time
   * @param note what the plan adds to the recipe's step for this packet, or null: how a
   *     backfill longer than the off-peak gap pauses for the peaks, why a step runs without
   *     {@code statement_timeout}
   */
  public record Step(String id, String changeId, String title, String sql, String action,
      boolean reversible, String rollbackSql, boolean pointOfNoReturn, String window,
      Duration estimatedDuration, ZonedDateTime scheduledAt, boolean batched, String note) {

    /** A step without a note, as before {@code note} existed. */
    public Step(String id, String changeId, String title, String sql, String action,
        boolean reversible, String rollbackSql, boolean pointOfNoReturn, String window,
        Duration estimatedDuration, ZonedDateTime scheduledAt, boolean batched) {
      this(id, changeId, title, sql, action, reversible, rollbackSql, pointOfNoReturn, window,
          estimatedDuration, scheduledAt, batched, null);
    }

    /**
     * {@link StepKind#SQL} when the step has SQL to run, else {@link StepKind#ACTION}. Computed
     * from {@code sql} rather than stored, so the two can never disagree.
     */
    public StepKind kind() {
      return sql != null ? StepKind.SQL : StepKind.ACTION;
    }
  }

  /** What a step is: SQL a tool can run, or an action only people can do. */
  public enum StepKind {
    /** Runnable SQL, in {@link Step#sql()}. */
    SQL,
    /** Something people do, in {@link Step#action()}: deploy, wait, approve, watch. */
    ACTION;

    /** The name in every output format: {@code sql} or {@code action}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Why a change's recipe was chosen over the statement a developer would write for it: what
   * that direct statement would do on this table, computed by the same lint machinery and
   * duration model as the playbook's steps, and the reason in one sentence built from those
   * facts.
   *
   * @param changeId the change
   * @param recipe the recipe chosen for it
   * @param directSql the direct statement (several, separated by {@code ;} and a line break,
   *     when the change takes more than one); null when PostgreSQL has none, e.g. for removing
   *     an enum label
   * @param lock the strongest lock the direct statement takes on any table; null when none
   * @param locks its lock on each table
   * @param rewritesTable whether it rewrites a table
   * @param scansTable whether it reads a whole table while holding its lock
   * @param estimatedDuration how long it would run on this table, from the packet's profile
   * @param why one sentence: what the direct statement would do here, and why the recipe
   */
  public record Rationale(String changeId, String recipe, String directSql, LockMode lock,
      List<TableLock> locks, boolean rewritesTable, boolean scansTable,
      Duration estimatedDuration, String why) {}

  /** Whether each application version works with each schema version, for one change. */
  public record Compatibility(String changeId, Verdict oldAppNewSchema,
      Verdict newAppOldSchema) {}

  /** Compatible or not, and why. */
  public record Verdict(boolean compatible, String reason) {}

  /** A dependent service and the changes that affect what it reads or writes. */
  public record ConsumerImpact(String service, String owner, List<String> affectedBy,
      boolean acknowledged) {}

  /**
   * A query to run in a phase, and the result it must give. {@code plan} emits it only when the
   * tables, columns and types it relies on exist at its phase (docs/plan-model.md).
   *
   * @param source {@code invariant}, {@code change} or {@code template}
   * @param scan what it reads of large tables and how to run it in key ranges; null when it
   *     reads none
   */
  public record Validation(String id, String phase, String sql, Double expect, Double min,
      Double max, String source, String description, Scan scan) {

    /** A validation that reads no large table. */
    public Validation(String id, String phase, String sql, Double expect, Double min,
        Double max, String source, String description) {
      this(id, phase, sql, expect, min, max, source, description, null);
    }

    public Validation withPhase(String newPhase) {
      return new Validation(id, newPhase, sql, expect, min, max, source, description, scan);
    }

    public Validation withDescription(String text) {
      return new Validation(id, phase, sql, expect, min, max, source, text, scan);
    }

    public Validation withScan(Scan s) {
      return new Validation(id, phase, sql, expect, min, max, source, description, s);
    }
  }

  /**
   * The cost of a validation that reads large tables in full, and its key-range form.
   *
   * @param tables the large tables it reads
   * @param rows rows it reads, from the packet's table profiles
   * @param estimatedDuration at the throughput model's scan rate, slowed by the write load
   * @param key the column the key ranges split, or null when the query cannot be split
   * @param chunkedSql the query over one key range, {@code key BETWEEN :lo AND :hi} (psql
   *     variables); the results of all ranges add up to the whole query's; null with {@code key}
   * @param chunkSize keys per range, so that one range runs within the statement budget
   * @param chunks ranges over the table's rows, keys taken as dense
   * @param note why it cannot be split, when it cannot
   */
  public record Scan(List<String> tables, long rows, Duration estimatedDuration, String key,
      String chunkedSql, Long chunkSize, Long chunks, String note) {}

  /** A rollback / forward-fix decision tree instantiated for one change. */
  public record DecisionTree(String id, String changeId, String title, Node root,
      String pointOfNoReturn) {}

  /**
   * A node: a question with a yes and a no branch, or an outcome (rollback, forward-fix, halt,
   * proceed) with its steps and time bound.
   *
   * @param fact what the question asks, in the trees' fixed vocabulary (e.g. {@code
   *     pointOfNoReturnPassed}), so that a program can walk the tree; null on an outcome
   */
  public record Node(String question, Node yes, Node no, String outcome, List<String> steps,
      Duration timeBound, String fact) {

    /** A node without its fact, as before {@code fact} existed. */
    public Node(String question, Node yes, Node no, String outcome, List<String> steps,
        Duration timeBound) {
      this(question, yes, no, outcome, steps, timeBound, null);
    }

    public boolean isOutcome() {
      return outcome != null;
    }
  }

  /** A release checklist item with the condition that stops the release. */
  public record ChecklistItem(String id, String phase, String item, String stopCondition) {}

  /** A gate: pending, passed, failed or blocked, and why. */
  public record Gate(String id, String status, String reason) {}

  /** A past migration from the catalog that looks like this one. */
  public record SimilarMigration(String id, double score, String outcome, String why,
      MatchStrength strength, CatalogSource catalogSource) {
    public SimilarMigration {
      java.util.Objects.requireNonNull(strength, "strength");
      java.util.Objects.requireNonNull(catalogSource, "catalogSource");
    }

    /** As before {@code strength} and {@code catalogSource} existed. */
    public SimilarMigration(String id, double score, String outcome, String why) {
      this(id, score, outcome, why, MatchStrength.WEAK, CatalogSource.EXPLICIT);
    }
  }
}
