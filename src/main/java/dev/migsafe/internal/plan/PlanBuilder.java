package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;
import dev.migsafe.api.FileResult;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintOptions;
import dev.migsafe.api.LockMode;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.MigrationPacket.TableProfile;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Plan.Compatibility;
import dev.migsafe.api.Plan.ConsumerImpact;
import dev.migsafe.api.Plan.DecisionTree;
import dev.migsafe.api.Plan.Phase;
import dev.migsafe.api.Plan.PlanFinding;
import dev.migsafe.api.Plan.Risk;
import dev.migsafe.api.Plan.Step;
import dev.migsafe.api.Plan.Verdict;
import dev.migsafe.api.Severity;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.TableLock;
import dev.migsafe.api.TransactionMode;
import dev.migsafe.api.ValidationTemplate;
import dev.migsafe.internal.catalog.TemplateValidations;
import dev.migsafe.internal.lint.Linter;
import dev.migsafe.internal.rules.RuleBase;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import dev.migsafe.internal.schema.Table;
import dev.migsafe.internal.sql.SqlSplitter;
import dev.migsafe.internal.sql.SqlTypes;
import dev.migsafe.internal.sql.Volatility;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the playbook for a packet: diff the schemas, let the rule base choose a recipe per
 * change, expand the recipes into phased steps, judge every SQL step with the lint machinery
 * (lock, rewrite, scan), estimate durations from the table profiles, place the steps outside
 * peak windows, and derive compatibility, consumers, validations, decision trees, the
 * checklist, the gates, and why each recipe rather than its change's direct statement.
 */
public final class PlanBuilder {
  private static final List<String> PHASE_IDS = List.of("A", "B", "C", "D");
  private static final Map<String, String> PHASE_NAMES = Map.of(
      "A", "additive schema changes",
      "B", "dual-write / dual-read code deployment",
      "C", "throttled backfill",
      "D", "cutover and cleanup");

  private final PlanKnowledgeBase kb;
  private final RecipeLibrary recipes;
  private final TreeLibrary trees;
  private final ThroughputModel model;
  private final java.time.LocalDateTime start;

  public PlanBuilder(PlanKnowledgeBase kb, RecipeLibrary recipes, TreeLibrary trees,
      ThroughputModel model, java.time.LocalDateTime start) {
    this.kb = kb;
    this.recipes = recipes;
    this.trees = trees;
    this.model = model;
    this.start = start;
  }

  /** The playbook with the generated validations and the packet's invariants. */
  public Plan build(MigrationPacket p) {
    return build(p, List.of());
  }

  /** The playbook, with the catalog's validation templates that fit its changes too. */
  public Plan build(MigrationPacket p, List<ValidationTemplate> validationTemplates) {
    int version = p.dialect().equals("postgresql") ? Integer.parseInt(p.engineVersion())
        : LintOptions.NEWEST_POSTGRESQL;
    Schema current = SchemaReader.read(p.schema().current());
    Schema target = p.schema().target() != null ? SchemaReader.read(p.schema().target())
        : applyMigration(current, p);
    List<Change> changes = SchemaDiff.diff(current, target, p.renames(), p.transforms());
    List<PlanFinding> findings = new ArrayList<>(UndeclaredMoves.of(changes, target));
    findings.addAll(InboundForeignKeys.narrowReferences(changes, current, target));
    if (!p.migration().isEmpty()) {
      findings.addAll(checkMigration(p, current, target, version));
    }

    long batchSize = p.backfill().batchSize() != null ? p.backfill().batchSize()
        : ChangeTemplate.DEFAULT_BATCH_SIZE;
    List<PlanChange> facts = new ArrayList<>();
    for (Change c : changes) {
      facts.add(fact(c, p, current, version));
    }
    kb.select(facts);

    // Expand recipes, then number steps per phase in execution order.
    Map<String, List<StepExpander.Draft>> byPhase = new LinkedHashMap<>();
    PHASE_IDS.forEach(ph -> byPhase.put(ph, new ArrayList<>()));
    Map<String, Template> templates = new LinkedHashMap<>();
    List<Compatibility> compatibility = new ArrayList<>();
    for (PlanChange f : facts) {
      Change c = f.change();
      if (f.getRecipe() == null) {
        findings.add(new PlanFinding("plan-no-recipe", Severity.HIGH, c.id(),
            "No safe recipe covers " + c.kind() + " on " + c.table()
                + "; the playbook has no steps for it",
            "migsafe plans only changes its recipe library knows how to make safely.",
            "Plan this change by hand, or add a recipe under library/recipes/."));
        continue;
      }
      Recipe r = recipes.get(f.getRecipe());
      Template t = ChangeTemplate.of(forRecipe(c, r, current, target), current, target,
          batchSize);
      templates.put(c.id(), t);
      for (StepExpander.Draft d : StepExpander.expand(f, r, t, current, target)) {
        byPhase.get(d.step().phase()).add(d);
      }
      compatibility.add(new Compatibility(c.id(),
          new Verdict(r.oldAppNewSchema().compatible(), t.fill(r.oldAppNewSchema().reason())),
          new Verdict(r.newAppOldSchema().compatible(), t.fill(r.newAppOldSchema().reason()))));
    }
    ViewRebuilds.wrap(byPhase, current, target);
    List<KeyRangeBackfill.Expansion> backfills = keyRanges(byPhase, current);
    java.util.Set<String> helperTables = new java.util.HashSet<>();
    backfills.forEach(b -> helperTables.add(b.progressTable()));
    dropHelpers(byPhase);
    addSessionSettings(byPhase, p);

    Map<StepExpander.Draft, StatementResult> analysis = analyse(byPhase, current, version);
    Map<StepExpander.Draft, NewTableLocks.Facts> newTables = NewTableLocks.of(
        List.copyOf(analysis.keySet()), current, target, version);
    DurationModel durations = new DurationModel(model, p, batchSize);
    VerificationWindow verification = VerificationWindow.of(p);
    ZonedDateTime begin = start != null ? start.atZone(p.traffic().timezone())
        : ZonedDateTime.now(p.traffic().timezone()).truncatedTo(java.time.temporal.ChronoUnit.HOURS)
            .plusHours(1);
    Timeline timeline = new Timeline(p.traffic(), begin);
    List<Phase> phases = new ArrayList<>();
    List<Risk> risks = new ArrayList<>();
    Map<String, String> pointOfNoReturn = new LinkedHashMap<>();
    Map<String, List<String>> rollbacks = new LinkedHashMap<>();
    Duration maxLock = p.constraints().maxLockWait() == null ? Duration.ofSeconds(2)
        : p.constraints().maxLockWait();
    Duration maxStatement = p.constraints().maxStatementTime();
    for (String ph : PHASE_IDS) {
      List<JudgedStep> judged = new ArrayList<>();
      for (StepExpander.Draft d : byPhase.get(ph)) {
        PlanChange f = d.change() == null ? null : onItsTable(d, facts.stream()
            .filter(x -> x.change() == d.change()).findFirst().orElseThrow(), p, current,
            version);
        StatementResult st = analysis.get(d);
        List<TableLock> stepLocks = locksOf(d, st, helperTables, newTables);
        LockMode lock = st == null ? null : stepLocks.stream().map(TableLock::mode)
            .reduce(null, LockMode::strongest);
        boolean rewrites = st != null && st.rewritesTable();
        boolean scans = st != null && st.scansTable();
        Duration estimate = estimate(d, f, rewrites, scans, durations, verification);
        String where = window(d, f, lock, rewrites, scans, estimate, maxLock);
        // The server reads a new table the playbook created when it validates a key or builds
        // an index on it; the table is empty, so estimate and window stay as lint judged them.
        scans |= newTables.containsKey(d) && newTables.get(d).scans();
        JudgedStep j = new JudgedStep(d, lock, rewrites, scans, estimate, where,
            JudgedStep.Tie.NONE, null);
        VacuumHorizon.warning(d, f, estimate).ifPresent(findings::add);
        StatementTimeouts.Setting bound = d.step().action() != null ? null
            : StatementTimeouts.of(d.sql(), d.backfill(), estimate, durations.batch(),
                maxStatement);
        if (bound == null) {
          judged.add(j);
        } else {
          judged.add(sessionSetting(ph, bound.sql(), bound.title(), JudgedStep.Tie.NEXT,
              durations));
          judged.add(j.withNote(bound.note()));
          judged.add(sessionSetting(ph, StatementTimeouts.RESET_SQL,
              StatementTimeouts.RESET_TITLE, JudgedStep.Tie.PREVIOUS, durations));
        }
      }
      List<PhaseSchedule.Slot> slots = PhaseSchedule.of(judged, timeline);
      List<Step> steps = new ArrayList<>();
      for (int i = 0; i < judged.size(); i++) {
        String id = ph + (i + 1);
        JudgedStep j = judged.get(i);
        StepExpander.Draft d = j.draft();
        String changeId = d.change() == null ? null : d.change().id();
        boolean isAction = d.step().action() != null;
        String sql = isAction ? null : d.sql();
        ZonedDateTime at = slots.get(i).at();
        Timeline.Paused paused = slots.get(i).paused();
        String title = d.step().waits() == Recipe.Wait.VERIFICATION_WINDOW
            ? d.title() + " (" + verification.describe() + ")" : d.title();
        String note = j.note();
        if (paused != null) {
          if (paused.stretches() > 1) {
            note = j.withNote(PeakOverruns.pauseNote(paused, j.estimate())).note();
            findings.add(PeakOverruns.paused(id, changeId, title, paused, j.estimate()));
          }
        } else if (!j.window().equals("any") && changeId != null) {
          Timeline.Interval peak = timeline.firstPeakMet(at, j.estimate());
          if (peak != null) {
            findings.add(PeakOverruns.runsThrough(id, changeId, title, at, j.estimate(), peak,
                j.lock() != null && j.lock().blocksWrites()));
          }
        }
        steps.add(new Step(id, changeId, title, sql,
            isAction ? templates.get(changeId).fill(d.step().action()) : null,
            d.rollbackSql() != null, d.rollbackSql(), d.step().pointOfNoReturn(), j.window(),
            j.estimate(), at, d.backfill(), note));
        if (changeId == null) {
          continue;
        }
        if (d.step().pointOfNoReturn()) {
          pointOfNoReturn.putIfAbsent(changeId, id);
        }
        if (d.rollbackSql() != null && !pointOfNoReturn.containsKey(changeId)) {
          rollbacks.computeIfAbsent(changeId, k -> new ArrayList<>()).add(0, d.rollbackSql());
        }
        if (sql != null) {
          Duration statementTime = d.backfill() ? durations.batch() : j.estimate();
          boolean blocks = j.lock() != null && j.lock().blocksWrites();
          // A backfill that pauses through the peaks never runs in one.
          boolean inPeak = paused == null && timeline.overlapsPeak(at, j.estimate());
          risks.add(new Risk(id, changeId, d.change().table(), j.lock(),
              locksOf(d, analysis.get(d), helperTables, newTables), j.rewrites(),
              j.scans(), j.estimate(), inPeak,
              blocks && j.estimate().compareTo(maxLock) > 0,
              maxStatement != null && statementTime.compareTo(maxStatement) > 0,
              d.backfill() ? "repeated in batches of " + batchSize + " rows" : null));
        }
      }
      phases.add(new Phase(ph, PHASE_NAMES.get(ph), steps));
    }

    List<DecisionTree> decisionTrees = new ArrayList<>();
    for (PlanChange f : facts) {
      Template t = templates.get(f.getId());
      if (t == null) {
        continue;
      }
      Recipe r = recipes.get(f.getRecipe());
      // The recipe names the tree written for what it does: the other trees of the same change
      // kind describe other recipes (an in-place tree on a copy-and-swap would tell the
      // operator to undo steps that never ran). Only a recipe without a tree of its own falls
      // back to every tree written for the change's kind.
      List<String> ids = r.tree() != null ? List.of(r.tree()) : trees.guarding(f.getKind());
      for (String treeId : ids) {
        TreeDefinition def = trees.get(treeId);
        if (def != null) {
          decisionTrees.add(TreeInstantiator.of(def, f.getId(), t,
              rollbacks.getOrDefault(f.getId(), List.of()), pointOfNoReturn.get(f.getId())));
        }
      }
    }

    // One replay of the playbook serves the end-state proof and the placing of validations.
    PhaseSchemas phaseSchemas = PhaseSchemas.of(current, phases, target);
    Schema replayed = phaseSchemas.afterCutover();
    List<Plan.TargetDifference> declared = TargetDeclarations.of(replayed, target, version);
    for (Plan.TargetDifference d : PlaybookReplay.differences(replayed, target)) {
      boolean isDeclared = declared.stream().anyMatch(x -> x.kind().equals(d.kind())
          && x.object().equals(d.object()));
      if (!isDeclared) {
        findings.add(new PlanFinding("plan-target-not-reached", Severity.BLOCKER, null,
            "After every SQL step of the playbook, " + d.object() + " differs from the target ("
                + d.kind() + "): " + d.reason(),
            "The playbook's SQL, replayed in order on the current schema, must yield the "
                + "target schema; a difference nobody declared means the migration does not "
                + "do what the target says.",
            "Add the missing step to the recipe, or declare the difference with its reason."));
      }
    }

    ValidationPlacement.Placed validations = placeValidations(p, changes, validationTemplates,
        phases, phaseSchemas);
    findings.addAll(validations.leftOut());

    List<ConsumerImpact> consumers = ConsumerImpacts.of(p.consumers(), changes);
    boolean canary = facts.stream().anyMatch(f -> f.isLarge() && f.isHot());
    return new Plan(
        new Plan.PacketSummary(p.id(), p.title(), p.owner(), p.reviewers(), p.dialect(),
            p.engineVersion()),
        changes, findings, risks, phases, compatibility, consumers,
        validations.validations(), decisionTrees,
        ReleaseChecklist.of(p, phases, risks, canary),
        Gates.of(p, consumers, decisionTrees), List.of(), declared,
        BackfillControls.of(backfills, phases, p, durations.batch()),
        RecipeRationale.of(facts, templates, recipes, current, version, durations, p),
        timeline.peaksOver(phases));
  }

  /**
   * Generated checks, the packet's invariants and the catalog's templates, placed at the phase
   * where they can run and mean something ({@link ValidationPlacement}).
   */
  private ValidationPlacement.Placed placeValidations(MigrationPacket p, List<Change> changes,
      List<ValidationTemplate> templates, List<Phase> phases, PhaseSchemas schemas) {
    List<ValidationCandidate> candidates = new ArrayList<>(
        ValidationGenerator.of(changes, p.invariants()));
    TemplateValidations.of(changes, templates, p.dialect()).stream()
        .map(ValidationCandidate::of).forEach(candidates::add);
    return ValidationPlacement.of(candidates, phases, schemas, new ScanCosts(p, model));
  }

  private static Schema applyMigration(Schema current, MigrationPacket p) {
    Schema s = current.copy();
    p.migration().forEach(m -> {
      if (m.sql() != null) {
        SchemaReader.apply(s, m.sql());
      }
    });
    return s;
  }

  /** The packet's own migration, linted, and checked to reach the target schema. */
  private static List<PlanFinding> checkMigration(MigrationPacket p, Schema current,
      Schema target, int version) {
    List<PlanFinding> out = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    p.migration().forEach(m -> {
      if (m.sql() != null) {
        sql.append(m.sql()).append(m.sql().strip().endsWith(";") ? "\n" : ";\n");
      }
    });
    Linter linter = new Linter(RuleBase.shared(), LintOptions.defaults()
        .withEngineVersion(version).withTransactionMode(TransactionMode.AUTO));
    FileResult r = linter.lintText("migration", sql.toString(), current.copy());
    for (Finding f : r.findings()) {
      List<String> tables = f.statementIndex() < 0 || f.statementIndex() >= r.statements().size()
          ? List.of() : r.statements().get(f.statementIndex()).locks().stream()
              .map(TableLock::table).toList();
      out.add(new PlanFinding(f.rule(), WorkloadSeverity.scale(f.severity(), tables, p.tables()),
          null, "migration statement at line " + f.line() + ": " + f.message(), f.why(),
          f.saferAlternative()));
    }
    Schema reached = current.copy();
    SchemaReader.apply(reached, sql.toString());
    List<Change> missing = SchemaDiff.diff(reached, target, p.renames());
    if (!missing.isEmpty()) {
      List<String> what = missing.stream().map(c -> c.kind() + " " + c.table()
          + (c.column() == null ? "" : "." + c.column())).toList();
      out.add(new PlanFinding("plan-migration-does-not-reach-target", Severity.HIGH, null,
          "The packet's migration does not reach the target schema: " + String.join(", ", what)
              + " still differ",
          "The statements that will run and the schema that was reviewed disagree; one of them "
              + "is wrong.",
          "Make the migration and schema.target agree, then plan again."));
    }
    return out;
  }

  private PlanChange fact(Change c, MigrationPacket p, Schema current, int version) {
    TableProfile prof = p.tables().get(c.table());
    long rows = prof == null || prof.rows() == null ? 0 : prof.rows();
    double size = prof == null || prof.sizeGb() == null ? 0 : prof.sizeGb();
    double writes = prof == null || prof.writesPerSecond() == null ? 0 : prof.writesPerSecond();
    boolean rewrites = c.kind().equals("change-type")
        && SqlTypes.typeChangeRewrites(c.fromType(), c.toType(), version, false);
    Table t = current.table(c.table());
    boolean pk = t != null && c.column() != null && t.constraints().stream()
        .anyMatch(k -> k.type().equals("primary-key") && k.columns().contains(c.column()));
    boolean volatileDefault = c.defaultValue() != null && !SqlSplitter.split("SELECT "
        + c.defaultValue()).isEmpty() && Volatility.classify(SqlSplitter.split("SELECT "
        + c.defaultValue()).get(0).tokens()) != Volatility.Kind.CONSTANT;
    return new PlanChange(c, version, rows, size, writes, rewrites, pk, volatileDefault);
  }

  /**
   * The change's fact, or, for a step of the change on another table (a retyped key's swap
   * validates the foreign keys of the tables that reference it), a fact of that table's
   * profile, so that the step's duration and window come from the table it scans.
   */
  private PlanChange onItsTable(StepExpander.Draft d, PlanChange f, MigrationPacket p,
      Schema current, int version) {
    if (d.sql() == null || d.backfill()) {
      return f;
    }
    List<dev.migsafe.internal.sql.SourceStatement> statements = SqlSplitter.split(d.sql());
    if (statements.size() != 1) {
      return f;
    }
    var read = dev.migsafe.internal.sql.PgStatementReader.read(statements.get(0));
    String table = read.records().isEmpty() ? null : read.records().get(0).table();
    if (table == null || table.equals(f.change().table()) || current.table(table) == null) {
      return f;
    }
    return fact(Change.of(f.change().kind(), table), p, current, version);
  }

  /** Runs the plan's own SQL steps through the lint machinery, in execution order. */
  private static Map<StepExpander.Draft, StatementResult> analyse(
      Map<String, List<StepExpander.Draft>> byPhase, Schema current, int version) {
    List<StepExpander.Draft> order = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    for (String ph : PHASE_IDS) {
      for (StepExpander.Draft d : byPhase.get(ph)) {
        if (d.step().action() == null && d.sql() != null) {
          order.add(d);
          sql.append(d.sql()).append(";\n");
        }
      }
    }
    Linter linter = new Linter(RuleBase.shared(), LintOptions.defaults()
        .withEngineVersion(version).withTransactionMode(TransactionMode.NEVER));
    FileResult r = linter.lintText("plan", sql.toString(), current.copy());
    Map<StepExpander.Draft, StatementResult> out = new LinkedHashMap<>();
    for (int i = 0; i < order.size() && i < r.statements().size(); i++) {
      out.put(order.get(i), r.statements().get(i));
    }
    return out;
  }

  /**
   * A step's duration: SQL from the duration model; a deployment (every action of phase B, and
   * an action marked {@code wait: deployment}) from the model; a wait for the verification
   * window as long as that window; any other action (a check, an approval) takes no time the
   * plan can know.
   */
  private static Duration estimate(StepExpander.Draft d, PlanChange f, boolean rewrites,
      boolean scans, DurationModel durations, VerificationWindow verification) {
    if (d.step().action() != null) {
      if (d.step().waits() == Recipe.Wait.VERIFICATION_WINDOW) {
        return verification.duration();
      }
      return d.step().phase().equals("B") || d.step().waits() == Recipe.Wait.DEPLOYMENT
          ? durations.deploy() : Duration.ZERO;
    }
    if (f != null && d.backfill()) {
      return durations.backfill(f);
    }
    return durations.statement(d.sql(), f, rewrites, scans);
  }

  /** A session setting of the playbook's own, tied to the step it serves. */
  private static JudgedStep sessionSetting(String phase, String sql, String title,
      JudgedStep.Tie tie, DurationModel durations) {
    StepExpander.Draft d = new StepExpander.Draft(null, null, new Recipe.RecipeStep(phase,
        title, sql, null, null, null, false, null, null), title, sql, null, false);
    return new JudgedStep(d, null, false, false, durations.catalogChange(), "any", tie,
        null);
  }

  /**
   * Where a step may run: a lock that blocks writes held longer than maxLockWait needs the
   * maintenance window; heavy reading or writing of a large table must avoid peak traffic.
   */
  private static String window(StepExpander.Draft d, PlanChange f, LockMode lock,
      boolean rewrites, boolean scans, Duration estimate, Duration maxLock) {
    if (d.step().action() != null || f == null) {
      return "any";
    }
    if (lock != null && lock.blocksWrites() && estimate.compareTo(maxLock) > 0) {
      return "maintenance";
    }
    if ((scans || rewrites || d.backfill()) && (f.isLarge() || f.isHot())) {
      return "off-peak";
    }
    if (lock == LockMode.ACCESS_EXCLUSIVE && f.isHot()) {
      return "off-peak";
    }
    return "any";
  }

  /**
   * The locks lint reports for a step, plus the one on a helper table the playbook drops: lint
   * leaves out locks on tables created earlier in the same script, which carry no risk, but a
   * rehearsal sees the drop's ACCESS EXCLUSIVE and must find it predicted.
   */
  private static List<TableLock> locksOf(StepExpander.Draft d, StatementResult st,
      java.util.Set<String> helperTables, Map<StepExpander.Draft, NewTableLocks.Facts> newTables) {
    List<TableLock> locks = new ArrayList<>(st == null ? List.of() : st.locks());
    if (newTables.containsKey(d)) {
      locks.addAll(newTables.get(d).locks());
    }
    for (String helper : helperTables) {
      if (d.sql() != null && d.sql().equals("DROP TABLE IF EXISTS "
          + SqlQuoting.identifier(helper))) {
        locks.add(new TableLock(helper, LockMode.ACCESS_EXCLUSIVE));
      }
    }
    return List.copyOf(locks);
  }

  /**
   * Each recipe backfill over an integer primary key becomes key-range batches with their
   * progress in a table of their own, dropped at the end of phase D ({@link KeyRangeBackfill}).
   */
  private static List<KeyRangeBackfill.Expansion> keyRanges(
      Map<String, List<StepExpander.Draft>> byPhase, Schema current) {
    List<KeyRangeBackfill.Expansion> out = new ArrayList<>();
    List<StepExpander.Draft> phaseC = new ArrayList<>();
    for (StepExpander.Draft d : byPhase.get("C")) {
      var expansion = d.backfill() ? KeyRangeBackfill.of(d, current)
          : java.util.Optional.<KeyRangeBackfill.Expansion>empty();
      if (expansion.isPresent()) {
        phaseC.addAll(expansion.get().phaseC());
        out.add(expansion.get());
      } else {
        phaseC.add(d);
      }
    }
    byPhase.put("C", phaseC);
    out.forEach(e -> byPhase.get("D").add(e.cleanup()));
    return out;
  }

  /**
   * Helper functions the recipes create (the trigger function that copies a column) are shared
   * by every change of the packet that uses them, so they are dropped once, last, after every
   * trigger that calls them is gone: the playbook leaves nothing of its own behind.
   */
  private static void dropHelpers(Map<String, List<StepExpander.Draft>> byPhase) {
    for (String function : List.of("migsafe_copy_column", "migsafe_sync_columns",
        "migsafe_move_column")) {
      boolean created = byPhase.values().stream().flatMap(List::stream)
          .anyMatch(d -> d.sql() != null && d.sql().contains("FUNCTION " + function + "("));
      if (created) {
        String sql = "DROP FUNCTION IF EXISTS " + function + "()";
        String title = "Drop the helper function " + function + " now that no trigger uses it";
        byPhase.get("D").add(new StepExpander.Draft(null, null, new Recipe.RecipeStep("D",
            title, sql, null, null, null, false, null, null), title, sql, null, false));
      }
    }
  }

  /**
   * Every session that runs DDL starts with lock_timeout at the packet's maxLockWait: a step
   * that cannot get its lock gives up instead of queueing every query of the table behind it.
   * A setting lives as long as its session, and the SQL after a deployment or a wait of days
   * runs in a new one, so the setting is repeated after every action of the phase, before the
   * next DDL.
   */
  private static void addSessionSettings(Map<String, List<StepExpander.Draft>> byPhase,
      MigrationPacket p) {
    Duration maxLock = p.constraints().maxLockWait() == null ? Duration.ofSeconds(2)
        : p.constraints().maxLockWait();
    String value = maxLock.toMillis() + "ms";
    String sql = "SET lock_timeout = " + SqlQuoting.literal(value);
    for (String ph : List.of("A", "C", "D")) {
      List<StepExpander.Draft> with = new ArrayList<>();
      boolean sessionSet = false;
      String after = null;
      for (StepExpander.Draft d : byPhase.get(ph)) {
        if (d.step().action() != null) {
          sessionSet = false;
          after = d.title();
        } else if (d.sql() != null && !d.backfill() && !sessionSet) {
          String title = "Set lock_timeout to " + value + " (maxLockWait) for this session"
              + (after == null ? "" : ": a new session after \"" + after + "\"");
          with.add(new StepExpander.Draft(null, null, new Recipe.RecipeStep(ph,
              "Set lock_timeout for this session", sql, null, null, null, false, null, null),
              title, sql, null, false));
          sessionSet = true;
        }
        with.add(d);
      }
      byPhase.put(ph, with);
    }
  }

  /**
   * Fields some recipes need that the diff does not carry (library/recipes/README.md): the
   * primary key's constraint name for a key type swap, the stage name of a table drop.
   */
  private static Change forRecipe(Change c, Recipe r, Schema current, Schema target) {
    Table t = current.table(c.table());
    switch (r.id()) {
      case "change-type-primary-key" -> {
        if (t != null) {
          for (dev.migsafe.internal.schema.Constraint k : t.constraints()) {
            if (k.type().equals("primary-key")) {
              c = c.withName(k.name());
            }
          }
          var col = t.column(c.column());
          // An identity, now or in the target, is no default to move: the recipe's identity
          // steps make it (SET DEFAULT identity is not SQL).
          boolean identity = col != null && col.identity() || ChangeTemplate.targetIdentity(
              target, c.table(), c.column());
          if (c.defaultValue() == null && col != null && col.defaultExpr() != null
              && !identity) {
            c = c.withDefault(col.defaultExpr());
          }
        }
      }
      case "drop-table" -> c = c.withTo(c.table() + "_deprecated");
      default -> { }
    }
    return c;
  }
}
