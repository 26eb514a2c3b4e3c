package dev.migsafe.internal.render;

import dev.migsafe.api.Finding;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.SuppressedFinding;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code lint --format compact}: one line per finding, {@code FILE:LINE:COLUMN: severity
 * rule-id message}, and nothing else, for editors' error lists, grep and diffs between runs.
 * A message is one sentence; a line break in one would split a finding, so it becomes a space.
 * Each file's lines are written as soon as it has been judged.
 */
public final class LintCompactRenderer extends FileFindingsStream {
  private final Writer out;

  public LintCompactRenderer(Writer out) {
    this.out = out;
  }

  public static String render(LintResult result) {
    StringWriter sw = new StringWriter();
    LintCompactRenderer r = new LintCompactRenderer(sw);
    result.replay(r);
    r.finish();
    return sw.toString();
  }

  @Override
  void file(String path, boolean rollback, boolean inTransaction, List<Finding> findings,
      List<SuppressedFinding> suppressed) {
    try {
      for (Finding x : findings) {
        out.write(path + ':' + x.line() + ':' + x.column() + ": " + x.severity().id() + ' '
            + x.rule() + ' ' + x.message().replaceAll("\\s*\\R\\s*", " ") + '\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void finish() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
