package dev.migsafe.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal;
import dev.migsafe.api.TableLock;
import java.util.List;

/** The rehearsal as the {@code rehearse --format json} part of the command-line contract. */
public final class RehearsalJsonRenderer {
  private RehearsalJsonRenderer() {}

  public static String render(Rehearsal r) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 1);
    root.putObject("packet").put("id", r.packetId());
    ObjectNode server = root.putObject("server");
    server.put("version", r.server().version());
    server.put("embedded", r.server().embedded());
    server.put("scratch", r.server().scratch());
    ObjectNode data = root.putObject("data");
    data.put("source", r.data().source());
    ObjectNode rows = data.putObject("rows");
    r.data().rows().forEach(rows::put);
    data.put("durationMs", r.data().durationMs());

    ArrayNode steps = root.putArray("steps");
    for (Rehearsal.StepRun s : r.steps()) {
      ObjectNode n = steps.addObject();
      n.put("id", s.id());
      n.put("phase", s.phase());
      n.put("changeId", s.changeId());
      n.put("pass", s.pass());
      n.put("sql", s.sql());
      n.put("durationMs", s.durationMs());
      n.put("batches", s.batches());
      n.put("estimatedDuration", PlanJsonRenderer.iso(s.estimated()));
      if (s.projectedMs() == null) {
        n.putNull("projectedDurationMs");
      } else {
        n.put("projectedDurationMs", s.projectedMs());
      }
      observation(n.putObject("predicted"), s.predicted());
      observation(n.putObject("observed"), s.observed());
      if (s.projectionRatio() == null) {
        n.putNull("projectionRatio");
      } else {
        PlanJsonRenderer.number(n, "projectionRatio", Math.round(s.projectionRatio() * 100) / 100.0);
      }
      n.put("projectionFarFromEstimate", s.projectionFarFromEstimate());
      n.put("matchesPrediction", s.matchesPrediction());
      strings(n.putArray("mismatches"), s.mismatches());
      n.put("error", s.error());
    }

    ArrayNode validations = root.putArray("validations");
    for (Rehearsal.ValidationRun v : r.validations()) {
      ObjectNode n = validations.addObject();
      n.put("id", v.id());
      n.put("phase", v.phase());
      n.put("ranAt", v.ranAt());
      n.put("source", v.source());
      putNumber(n, "result", v.result());
      putNumber(n, "expect", v.expect());
      if (v.min() != null) {
        putNumber(n, "min", v.min());
      }
      if (v.max() != null) {
        putNumber(n, "max", v.max());
      }
      n.put("passed", v.passed());
      n.put("error", v.error());
      if (v.defect()) {
        n.put("defect", true);
      }
    }

    Rehearsal.RollbackRun rb = r.rollback();
    ObjectNode rollback = root.putObject("rollback");
    rollback.put("executed", rb.executed());
    rollback.put("fromStep", rb.fromStep());
    rollback.put("durationMs", rb.durationMs());
    rollback.put("timeBound", PlanJsonRenderer.iso(rb.timeBound()));
    rollback.put("withinBound", rb.withinBound());
    if (rb.projectedDurationMs() == null) {
      rollback.putNull("projectedDurationMs");
    } else {
      rollback.put("projectedDurationMs", rb.projectedDurationMs());
    }
    rollback.put("schemaRestored", rb.schemaRestored());
    rollback.put("invariantsHold", rb.invariantsHold());
    rollback.put("reason", rb.reason());
    rollback.put("error", rb.error());
    statements(rollback.putArray("statements"), rb.statements());
    strings(rollback.putArray("differences"), rb.differences());
    strings(rollback.putArray("keptByDesign"), rb.keptByDesign());

    ArrayNode gates = root.putArray("gates");
    for (Plan.Gate g : r.gates()) {
      gates.addObject().put("id", g.id()).put("status", g.status()).put("reason", g.reason());
    }
    if (r.stopped() == null) {
      root.putNull("stopped");
    } else {
      root.putObject("stopped").put("at", r.stopped().at()).put("reason", r.stopped().reason());
    }
    Rehearsal.WorkloadSummary w = r.workload();
    root.putObject("workload").put("enabled", w.enabled()).put("reason", w.reason())
        .put("queries", w.queries()).put("errors", w.errors()).put("maxWaitMs", w.maxWaitMs());
    strings(root.putArray("notes"), r.notes());
    Rehearsal.EndState end = r.endState();
    ObjectNode endState = root.putObject("endState");
    endState.put("checked", end.checked());
    endState.put("reached", end.reached());
    endState.put("reason", end.reason());
    ArrayNode differences = endState.putArray("differences");
    for (Rehearsal.EndStateDifference d : end.differences()) {
      ObjectNode n = differences.addObject();
      n.put("kind", d.kind());
      n.put("object", d.object());
      n.put("expected", d.expected());
      n.put("actual", d.actual());
      n.put("message", d.message());
      n.put("declared", d.declared());
      n.put("reason", d.reason());
    }
    ArrayNode fixes = root.putArray("forwardFixes");
    for (Rehearsal.ForwardFixRun f : r.forwardFixes()) {
      ObjectNode n = fixes.addObject();
      n.put("changeId", f.changeId());
      n.put("tree", f.treeId());
      n.put("afterStep", f.afterStep());
      strings(n.putArray("answers"), f.answers());
      statements(n.putArray("statements"), f.statements());
      n.put("error", f.error());
      n.put("note", f.note());
    }
    return Json.write(root);
  }

  private static void statements(ArrayNode out, List<Rehearsal.RollbackStatement> statements) {
    for (Rehearsal.RollbackStatement s : statements) {
      ObjectNode n = out.addObject();
      n.put("changeId", s.changeId());
      n.put("source", s.source());
      n.put("sql", s.sql());
      n.put("durationMs", s.durationMs());
      n.put("batches", s.batches());
      n.put("error", s.error());
    }
  }

  private static void observation(ObjectNode n, Rehearsal.Observation o) {
    ArrayNode locks = n.putArray("locks");
    for (TableLock l : o.locks()) {
      locks.addObject().put("table", l.table()).put("mode", l.mode().sqlName());
    }
    n.put("rewritesTable", o.rewritesTable());
    n.put("scansTable", o.scansTable());
    if (o.maxWorkloadWaitMs() != null) {
      n.put("maxWorkloadWaitMs", o.maxWorkloadWaitMs());
    }
    n.put("method", o.method());
  }

  private static void putNumber(ObjectNode n, String field, Double d) {
    if (d == null) {
      n.putNull(field);
    } else {
      PlanJsonRenderer.number(n, field, d);
    }
  }

  private static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }
}
