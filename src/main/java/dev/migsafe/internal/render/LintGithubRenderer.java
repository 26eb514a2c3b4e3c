package dev.migsafe.internal.render;

import dev.migsafe.api.LintResult;
import dev.migsafe.api.Severity;
import dev.migsafe.internal.ci.FingerprintedFinding;
import dev.migsafe.internal.ci.Fingerprints;
import java.nio.file.Path;

/**
 * {@code lint --format github}: one GitHub Actions workflow command per finding, {@code
 * ::error file=F,line=L,col=C,title=RULE::message}, which GitHub shows as an annotation on the
 * line in the pull request. Blocker and high are errors, medium warnings, low and info notices.
 * Paths are relative to the repository root, as GitHub resolves them.
 *
 * <p>Everything after the command name comes from migration files (paths, and messages that
 * quote table names) and is escaped as GitHub's toolkit does, so that no text can end a
 * property or the command or start a new one: in the message {@code %}, CR and LF; in
 * properties also {@code :} and {@code ,}.
 */
public final class LintGithubRenderer {
  private LintGithubRenderer() {}

  public static String render(LintResult result, RuleDocs docs, Path root) {
    StringBuilder sb = new StringBuilder();
    for (FingerprintedFinding f : Fingerprints.of(result, root)) {
      var x = f.finding();
      sb.append("::").append(command(x.severity()))
          .append(" file=").append(property(f.path()))
          .append(",line=").append(Math.max(1, x.line()))
          .append(",col=").append(Math.max(1, x.column()));
      // GitHub takes endColumn only on a one-line annotation, and endLine for several lines.
      if (x.endLine() > x.line()) {
        sb.append(",endLine=").append(x.endLine());
      } else if (x.endLine() == x.line() && x.endColumn() > x.column()) {
        sb.append(",endColumn=").append(x.endColumn());
      }
      sb.append(",title=").append(property(x.rule()))
          .append("::").append(data(x.severity().id() + ": " + x.message() + "\nsee: "
              + docs.url(x.rule())))
          .append('\n');
    }
    return sb.toString();
  }

  static String command(Severity s) {
    return switch (s) {
      case BLOCKER, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "notice";
    };
  }

  /** The message after {@code ::} (toolkit's escapeData). */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value (toolkit's escapeProperty). */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
