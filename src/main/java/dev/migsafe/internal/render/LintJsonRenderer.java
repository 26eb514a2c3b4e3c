package dev.migsafe.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.api.FileResult;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.Severity;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.SuppressedFinding;
import dev.migsafe.api.TableLock;
import java.util.Map;

/** {@code lint --format json}, as fixed by the command-line contract. */
public final class LintJsonRenderer {
  private LintJsonRenderer() {}

  /**
   * @param docs where each finding's {@code docUrl} comes from
   */
  public static String render(LintResult result, String toolVersion, RuleDocs docs) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 1);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "migsafe");
    tool.put("version", toolVersion);
    root.put("dialect", result.dialect());
    root.put("engineVersion", String.valueOf(result.engineVersion()));
    ArrayNode files = root.putArray("files");
    for (FileResult f : result.files()) {
      ObjectNode fn = files.addObject();
      fn.put("path", f.path());
      fn.put("rollback", f.rollback());
      fn.put("inTransaction", f.inTransaction());
      ArrayNode sts = fn.putArray("statements");
      for (StatementResult s : f.statements()) {
        ObjectNode sn = sts.addObject();
        sn.put("index", s.index());
        sn.put("line", s.line());
        sn.put("column", s.column());
        sn.put("sql", s.sql());
        sn.put("parsed", s.parsed());
        sn.put("parser", s.parser());
        sn.put("kind", s.kind());
        ArrayNode locks = sn.putArray("locks");
        for (TableLock l : s.locks()) {
          ObjectNode ln = locks.addObject();
          ln.put("table", l.table());
          ln.put("mode", l.mode().sqlName());
        }
        sn.put("rewritesTable", s.rewritesTable());
        sn.put("scansTable", s.scansTable());
        sn.put("failsOnNonEmptyTable", s.failsOnNonEmptyTable());
      }
      ArrayNode fs = fn.putArray("findings");
      for (Finding x : f.findings()) {
        finding(fs.addObject(), x, docs);
      }
      // Accepted by an ignore comment: listed with the reason, never counted in the summary.
      ArrayNode ss = fn.putArray("suppressed");
      for (SuppressedFinding s : f.suppressed()) {
        ObjectNode sn = finding(ss.addObject(), s.finding(), docs);
        sn.put("reason", s.reason());
        sn.put("suppressionLine", s.line());
      }
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("files", result.files().size());
    summary.put("statements", result.statementCount());
    summary.put("unparsed", result.unparsedCount());
    ObjectNode counts = summary.putObject("findings");
    for (Map.Entry<Severity, Integer> e : result.countBySeverity().entrySet()) {
      counts.put(e.getKey().id(), e.getValue());
    }
    return Json.write(root);
  }

  private static ObjectNode finding(ObjectNode xn, Finding x, RuleDocs docs) {
    xn.put("rule", x.rule());
    xn.put("severity", x.severity().id());
    xn.put("line", x.line());
    xn.put("column", x.column());
    xn.put("endLine", x.endLine());
    xn.put("endColumn", x.endColumn());
    xn.put("statementIndex", x.statementIndex());
    xn.put("message", x.message());
    xn.put("why", x.why());
    xn.put("saferAlternative", x.saferAlternative());
    xn.put("docUrl", docs.url(x.rule()));
    if (x.fix() != null) {
      ObjectNode fix = xn.putObject("fix");
      fix.put("title", x.fix().title());
      fix.put("sql", x.fix().sql());
    }
    return xn;
  }
}
