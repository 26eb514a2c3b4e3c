package dev.migsafe.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.api.Change;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Plan.Node;
import java.time.Duration;
import java.util.List;

/** {@code plan --format json}, as fixed by the command-line contract. */
public final class PlanJsonRenderer {
  private PlanJsonRenderer() {}

  public static String render(Plan plan) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 1);
    ObjectNode pk = root.putObject("packet");
    pk.put("id", plan.packet().id());
    pk.put("title", plan.packet().title());
    pk.put("owner", plan.packet().owner());
    pk.put("dialect", plan.packet().dialect());
    pk.put("engineVersion", plan.packet().engineVersion());
    strings(pk.putArray("reviewers"), plan.packet().reviewers());
    ArrayNode changes = root.putArray("changes");
    for (Change c : plan.changes()) {
      ObjectNode n = changes.addObject();
      n.put("id", c.id());
      n.put("kind", c.kind());
      n.put("table", c.table());
      putIf(n, "column", c.column());
      putIf(n, "to", c.to());
      putIf(n, "fromType", c.fromType());
      putIf(n, "toType", c.toType());
      if (c.notNull() != null) {
        n.put("notNull", c.notNull());
      }
      putIf(n, "default", c.defaultValue());
      putIf(n, "name", c.name());
      if (c.columns() != null) {
        strings(n.putArray("columns"), c.columns());
      }
      putIf(n, "refTable", c.refTable());
      if (c.refColumns() != null && !c.refColumns().isEmpty()) {
        strings(n.putArray("refColumns"), c.refColumns());
      }
      putIf(n, "expression", c.expression());
      Plan.Rationale why = plan.rationale().stream().filter(r -> r.changeId().equals(c.id()))
          .findFirst().orElse(null);
      if (why != null) {
        rationale(n.putObject("rationale"), why);
      }
    }
    ArrayNode findings = root.putArray("findings");
    for (Plan.PlanFinding f : plan.findings()) {
      ObjectNode n = findings.addObject();
      n.put("rule", f.rule());
      n.put("severity", f.severity().id());
      n.put("changeId", f.changeId());
      n.put("message", f.message());
      n.put("why", f.why());
      n.put("saferAlternative", f.saferAlternative());
    }
    ArrayNode risks = root.putArray("risks");
    for (Plan.Risk r : plan.risks()) {
      ObjectNode n = risks.addObject();
      n.put("stepId", r.stepId());
      n.put("changeId", r.changeId());
      n.put("table", r.table());
      lockFacts(n, r.lock(), r.locks(), r.rewritesTable(), r.scansTable(),
          r.estimatedDuration());
      n.put("inPeakWindow", r.inPeakWindow());
      n.put("exceedsMaxLockWait", r.exceedsMaxLockWait());
      n.put("exceedsMaxStatementTime", r.exceedsMaxStatementTime());
      putIf(n, "note", r.note());
    }
    ArrayNode phases = root.putArray("phases");
    for (Plan.Phase ph : plan.phases()) {
      ObjectNode n = phases.addObject();
      n.put("id", ph.id());
      n.put("name", ph.name());
      ArrayNode steps = n.putArray("steps");
      for (Plan.Step s : ph.steps()) {
        ObjectNode sn = steps.addObject();
        sn.put("id", s.id());
        sn.put("kind", s.kind().id());
        sn.put("changeId", s.changeId());
        sn.put("title", s.title());
        sn.put("sql", s.sql());
        putIf(sn, "action", s.action());
        sn.put("reversible", s.reversible());
        sn.put("rollbackSql", s.rollbackSql());
        sn.put("pointOfNoReturn", s.pointOfNoReturn());
        sn.put("window", s.window());
        sn.put("estimatedDuration", iso(s.estimatedDuration()));
        sn.put("scheduledAt", s.scheduledAt() == null ? null : s.scheduledAt().toString());
        if (s.batched()) {
          sn.put("batched", true);
        }
        putIf(sn, "note", s.note());
      }
    }
    ArrayNode compat = root.putArray("compatibility");
    for (Plan.Compatibility c : plan.compatibility()) {
      ObjectNode n = compat.addObject();
      n.put("changeId", c.changeId());
      verdict(n.putObject("oldAppNewSchema"), c.oldAppNewSchema());
      verdict(n.putObject("newAppOldSchema"), c.newAppOldSchema());
      // Only with plan --code: the places that break under each side.
      places((ObjectNode) n.get("oldAppNewSchema"), "code",
          CodeBySide.of(plan, c.changeId(), Plan.Side.OLD_APP_NEW_SCHEMA));
      places((ObjectNode) n.get("newAppOldSchema"), "code",
          CodeBySide.of(plan, c.changeId(), Plan.Side.NEW_APP_OLD_SCHEMA));
    }
    ArrayNode consumers = root.putArray("consumers");
    for (Plan.ConsumerImpact c : plan.consumers()) {
      ObjectNode n = consumers.addObject();
      n.put("service", c.service());
      n.put("owner", c.owner());
      strings(n.putArray("affectedBy"), c.affectedBy());
      n.put("acknowledged", c.acknowledged());
      places(n, "code", plan.codeSurfaces().stream()
          .filter(cs -> CodeBySide.repository(cs.surface().root()).equals(c.service())).toList());
    }
    // Only with plan --code: the repositories' uses of what the changes drop, rename or narrow.
    if (!plan.codeSurfaces().isEmpty()) {
      ArrayNode code = root.putArray("codeSurfaces");
      for (Plan.CodeSurface cs : plan.codeSurfaces()) {
        ObjectNode n = code.addObject();
        n.put("changeId", cs.changeId());
        n.put("side", cs.side().id());
        SurfaceRenderer.fields(n, cs.surface());
      }
    }
    ArrayNode validations = root.putArray("validations");
    for (Plan.Validation v : plan.validations()) {
      ObjectNode n = validations.addObject();
      n.put("id", v.id());
      n.put("phase", v.phase());
      n.put("sql", v.sql());
      if (v.expect() != null) {
        number(n, "expect", v.expect());
      } else {
        ObjectNode range = n.putObject("expect");
        if (v.min() != null) {
          number(range, "min", v.min());
        }
        if (v.max() != null) {
          number(range, "max", v.max());
        }
      }
      n.put("source", v.source());
      n.put("description", v.description());
      if (v.scan() != null) {
        scan(n.putObject("scan"), v.scan());
      }
    }
    ArrayNode trees = root.putArray("decisionTrees");
    for (Plan.DecisionTree t : plan.decisionTrees()) {
      ObjectNode n = trees.addObject();
      n.put("id", t.id());
      n.put("changeId", t.changeId());
      n.put("title", t.title());
      node(n.putObject("root"), t.root());
      n.put("pointOfNoReturn", t.pointOfNoReturn());
    }
    ArrayNode checklist = root.putArray("checklist");
    for (Plan.ChecklistItem c : plan.checklist()) {
      ObjectNode n = checklist.addObject();
      n.put("id", c.id());
      n.put("phase", c.phase());
      n.put("item", c.item());
      n.put("stopCondition", c.stopCondition());
    }
    ArrayNode gates = root.putArray("gates");
    for (Plan.Gate g : plan.gates()) {
      ObjectNode n = gates.addObject();
      n.put("id", g.id());
      n.put("status", g.status());
      n.put("reason", g.reason());
    }
    ArrayNode declared = root.putArray("targetDifferences");
    for (Plan.TargetDifference d : plan.targetDifferences()) {
      ObjectNode n = declared.addObject();
      n.put("kind", d.kind());
      n.put("object", d.object());
      n.put("reason", d.reason());
    }
    ArrayNode backfills = root.putArray("backfills");
    for (Plan.BackfillControl b : plan.backfills()) {
      ObjectNode n = backfills.addObject();
      n.put("stepId", b.stepId());
      n.put("changeId", b.changeId());
      n.put("table", b.table());
      n.put("progressTable", b.progressTable());
      n.put("primaryKey", b.primaryKey());
      n.put("batchSize", b.batchSize());
      n.put("pauseBetweenBatches", iso(b.pauseBetweenBatches()));
      n.put("estimatedBatches", b.estimatedBatches());
      n.put("estimatedDuration", iso(b.estimatedDuration()));
      n.put("batchTimeout", iso(b.batchTimeout()));
      n.put("resume", b.resume());
      n.put("progressQuery", b.progressQuery());
      n.put("replicaLagQuery", b.replicaLagQuery());
      n.put("replicaLagLimit", iso(b.replicaLagLimit()));
      n.put("deadTupleQuery", b.deadTupleQuery());
      n.put("deadTuplePercentLimit", b.deadTuplePercentLimit());
    }
    ArrayNode similar = root.putArray("similarPastMigrations");
    for (Plan.SimilarMigration s : plan.similarPastMigrations()) {
      ObjectNode n = similar.addObject();
      n.put("id", s.id());
      n.put("score", Math.round(s.score() * 1000) / 1000.0);
      n.put("strength", s.strength().id());
      n.put("catalogSource", s.catalogSource().id());
      n.put("outcome", s.outcome());
      n.put("why", s.why());
    }
    return Json.write(root);
  }

  /** {@code changes[].rationale}, as cli-contract.md places it. */
  private static void rationale(ObjectNode n, Plan.Rationale r) {
    n.put("recipe", r.recipe());
    n.put("directSql", r.directSql());
    lockFacts(n, r.lock(), r.locks(), r.rewritesTable(), r.scansTable(),
        r.estimatedDuration());
    n.put("why", r.why());
  }

  /** What a statement does on the server, the same fields for a risk and a rationale. */
  private static void lockFacts(ObjectNode n, dev.migsafe.api.LockMode lock,
      List<dev.migsafe.api.TableLock> locks, boolean rewrites, boolean scans,
      Duration estimate) {
    n.put("lock", lock == null ? null : lock.sqlName());
    ArrayNode each = n.putArray("locks");
    for (dev.migsafe.api.TableLock l : locks) {
      each.addObject().put("table", l.table()).put("mode", l.mode().sqlName());
    }
    n.put("rewritesTable", rewrites);
    n.put("scansTable", scans);
    n.put("estimatedDuration", iso(estimate));
  }

  private static void node(ObjectNode n, Node node) {
    if (node.isOutcome()) {
      n.put("outcome", node.outcome());
      strings(n.putArray("steps"), node.steps());
      if (node.timeBound() != null) {
        n.put("timeBound", node.timeBound().toString());
      }
      return;
    }
    n.put("question", node.question());
    putIf(n, "fact", node.fact());
    node(n.putObject("yes"), node.yes());
    node(n.putObject("no"), node.no());
  }

  /** Where code breaks, when there is any: {@code root}, {@code path}, {@code line}, ... */
  private static void places(ObjectNode n, String field, java.util.List<Plan.CodeSurface> places) {
    if (places.isEmpty()) {
      return;
    }
    ArrayNode a = n.putArray(field);
    for (Plan.CodeSurface cs : places) {
      ObjectNode p = a.addObject();
      p.put("changeId", cs.changeId());
      p.put("side", cs.side().id());
      p.put("root", cs.surface().root());
      p.put("path", cs.surface().path());
      p.put("line", cs.surface().line());
      p.put("column", cs.surface().column());
    }
  }

  private static void verdict(ObjectNode n, Plan.Verdict v) {
    n.put("compatible", v.compatible());
    n.put("reason", v.reason());
  }

  /** Whole numbers print without a decimal point: {@code "expect": 0}. */
  static void number(ObjectNode n, String key, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      n.put(key, (long) v);
    } else {
      n.put(key, v);
    }
  }

  /** What a validation reads of large tables, and its key-range form when it has one. */
  private static void scan(ObjectNode n, Plan.Scan s) {
    strings(n.putArray("tables"), s.tables());
    n.put("rows", s.rows());
    n.put("estimatedDuration", iso(s.estimatedDuration()));
    if (s.key() != null) {
      n.put("key", s.key());
      n.put("chunkedSql", s.chunkedSql());
      n.put("chunkSize", s.chunkSize());
      n.put("chunks", s.chunks());
    }
    if (s.note() != null) {
      n.put("note", s.note());
    }
  }

  static String iso(Duration d) {
    return d == null ? null : d.toString();
  }

  private static void putIf(ObjectNode n, String key, String value) {
    if (value != null) {
      n.put(key, value);
    }
  }

  private static void strings(ArrayNode a, List<String> values) {
    if (values != null) {
      values.forEach(a::add);
    }
  }
}
