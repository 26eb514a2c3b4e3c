package dev.migsafe.internal.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.Severity;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.SuppressedFinding;
import dev.migsafe.api.TableLock;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * {@code lint --format json}, as fixed by the command-line contract. Written as the run goes:
 * each statement when it has been analysed, each file's findings when it has been judged, the
 * summary at the end; a whole result renders through the same path ({@link #render}).
 */
public final class LintJsonRenderer implements LintStream {
  private final Writer out;
  private final JsonGenerator g;
  private final RuleDocs docs;
  private final LintTally tally = new LintTally();
  private final String toolVersion;
  private final String dialect;
  private final int engineVersion;
  private boolean started;

  /**
   * Writes nothing until the first file starts, so that a run refused before any file (a path
   * that does not exist) leaves no half document behind.
   *
   * @param docs where each finding's {@code docUrl} comes from
   */
  public LintJsonRenderer(Writer out, String toolVersion, RuleDocs docs, String dialect,
      int engineVersion) {
    this.out = out;
    this.g = Json.generator(out);
    this.docs = docs;
    this.toolVersion = toolVersion;
    this.dialect = dialect;
    this.engineVersion = engineVersion;
  }

  private void head() {
    if (started) {
      return;
    }
    started = true;
    write(() -> {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", 1);
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", "migsafe");
      g.writeStringField("version", toolVersion);
      g.writeEndObject();
      g.writeStringField("dialect", dialect);
      g.writeStringField("engineVersion", String.valueOf(engineVersion));
      g.writeArrayFieldStart("files");
    });
  }

  /**
   * @param docs where each finding's {@code docUrl} comes from
   */
  public static String render(LintResult result, String toolVersion, RuleDocs docs) {
    StringWriter sw = new StringWriter();
    LintJsonRenderer r = new LintJsonRenderer(sw, toolVersion, docs, result.dialect(),
        result.engineVersion());
    result.replay(r);
    r.finish();
    return sw.toString();
  }

  @Override
  public void fileStarted(String path, boolean rollback, boolean inTransaction) {
    head();
    tally.file();
    write(() -> {
      g.writeStartObject();
      g.writeStringField("path", path);
      g.writeBooleanField("rollback", rollback);
      g.writeBooleanField("inTransaction", inTransaction);
      g.writeArrayFieldStart("statements");
    });
  }

  @Override
  public void statement(StatementResult s) {
    tally.statement(s);
    write(() -> {
      g.writeStartObject();
      g.writeNumberField("index", s.index());
      g.writeNumberField("line", s.line());
      g.writeNumberField("column", s.column());
      g.writeStringField("sql", s.sql());
      g.writeBooleanField("parsed", s.parsed());
      g.writeStringField("parser", s.parser());
      g.writeStringField("kind", s.kind());
      g.writeArrayFieldStart("locks");
      for (TableLock l : s.locks()) {
        g.writeStartObject();
        g.writeStringField("table", l.table());
        g.writeStringField("mode", l.mode().sqlName());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeBooleanField("rewritesTable", s.rewritesTable());
      g.writeBooleanField("scansTable", s.scansTable());
      g.writeBooleanField("failsOnNonEmptyTable", s.failsOnNonEmptyTable());
      g.writeEndObject();
    });
  }

  @Override
  public void fileFinished(List<Finding> findings, List<SuppressedFinding> suppressed) {
    tally.findings(findings);
    write(() -> {
      g.writeEndArray();
      g.writeArrayFieldStart("findings");
      for (Finding x : findings) {
        g.writeStartObject();
        finding(x);
        g.writeEndObject();
      }
      g.writeEndArray();
      // Accepted by an ignore comment: listed with the reason, never counted in the summary.
      g.writeArrayFieldStart("suppressed");
      for (SuppressedFinding s : suppressed) {
        g.writeStartObject();
        finding(s.finding());
        g.writeStringField("reason", s.reason());
        g.writeNumberField("suppressionLine", s.line());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      // A judged file is complete output: let it reach the reader now.
      g.flush();
    });
  }

  /** Writes the summary and ends the document. */
  @Override
  public void finish() {
    head();
    write(() -> {
      g.writeEndArray();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("files", tally.files());
      g.writeNumberField("statements", tally.statements());
      g.writeNumberField("unparsed", tally.unparsed());
      g.writeObjectFieldStart("findings");
      for (Map.Entry<Severity, Integer> e : tally.bySeverity().entrySet()) {
        g.writeNumberField(e.getKey().id(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    });
    Json.end(g, out);
  }

  @Override
  public LintTally tally() {
    return tally;
  }

  private void finding(Finding x) throws IOException {
    g.writeStringField("rule", x.rule());
    g.writeStringField("severity", x.severity().id());
    g.writeNumberField("line", x.line());
    g.writeNumberField("column", x.column());
    g.writeNumberField("endLine", x.endLine());
    g.writeNumberField("endColumn", x.endColumn());
    g.writeNumberField("statementIndex", x.statementIndex());
    g.writeStringField("message", x.message());
    g.writeStringField("why", x.why());
    g.writeStringField("saferAlternative", x.saferAlternative());
    g.writeStringField("docUrl", docs.url(x.rule()));
    if (x.fix() != null) {
      g.writeObjectFieldStart("fix");
      g.writeStringField("title", x.fix().title());
      g.writeStringField("sql", x.fix().sql());
      g.writeEndObject();
    }
  }

  private interface Output {
    void write() throws IOException;
  }

  private static void write(Output o) {
    try {
      o.write();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
