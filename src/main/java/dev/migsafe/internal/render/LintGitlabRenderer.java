package dev.migsafe.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.Severity;
import dev.migsafe.internal.ci.FingerprintedFinding;
import dev.migsafe.internal.ci.Fingerprints;
import java.nio.file.Path;

/**
 * {@code lint --format gitlab}: a GitLab Code Quality report (the Code Climate subset GitLab
 * reads), a JSON array with one issue per finding. GitLab compares the reports of the source
 * and target branch by {@code fingerprint} to show a merge request only what it adds, so the
 * fingerprint must not change when lines move ({@link dev.migsafe.internal.ci.Fingerprint}).
 * Paths are relative to the repository root.
 */
public final class LintGitlabRenderer {
  private LintGitlabRenderer() {}

  public static String render(LintResult result, RuleDocs docs, Path root) {
    ArrayNode issues = Json.MAPPER.createArrayNode();
    for (FingerprintedFinding f : Fingerprints.of(result, root)) {
      var x = f.finding();
      ObjectNode o = issues.addObject();
      o.put("type", "issue");
      o.put("description", x.message());
      o.put("check_name", x.rule());
      o.put("fingerprint", f.fingerprint().value());
      o.put("severity", severity(x.severity()));
      o.putArray("categories").add("Bug Risk");
      o.putObject("content").put("body", "see: " + docs.url(x.rule()));
      ObjectNode location = o.putObject("location");
      location.put("path", f.path());
      location.putObject("lines").put("begin", Math.max(1, x.line()));
    }
    return Json.write(issues);
  }

  /** GitLab's scale has one more step at the top than ours has below blocker. */
  static String severity(Severity s) {
    return switch (s) {
      case BLOCKER -> "blocker";
      case HIGH -> "critical";
      case MEDIUM -> "major";
      case LOW -> "minor";
      case INFO -> "info";
    };
  }
}
