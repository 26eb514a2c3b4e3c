package dev.migsafe.internal.ci;

import dev.migsafe.api.FileResult;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Narrows what a lint run reports without changing what it analysed: every file stays in the
 * result (its statements were replayed, so later files saw the schema they built), only the
 * findings that are not wanted are dropped, and with them the exit code they would have caused.
 */
public final class ReportedFindings {
  private ReportedFindings() {}

  /**
   * @param keep which findings to report
   * @param keepFile whose files' suppressed findings to keep (SARIF shows them as dismissed)
   */
  public static LintResult retain(LintResult result, Path root,
      Predicate<FingerprintedFinding> keep, Predicate<String> keepFile) {
    Iterator<FingerprintedFinding> all = Fingerprints.of(result, root).iterator();
    List<FileResult> files = new ArrayList<>();
    for (FileResult f : result.files()) {
      List<Finding> kept = new ArrayList<>();
      for (int i = 0; i < f.findings().size(); i++) {
        FingerprintedFinding x = all.next();
        if (keep.test(x)) {
          kept.add(x.finding());
        }
      }
      boolean fileKept = keepFile.test(RepositoryPath.of(f.path(), root));
      files.add(new FileResult(f.path(), f.rollback(), f.inTransaction(), f.statements(), kept,
          fileKept ? f.suppressed() : List.of()));
    }
    return new LintResult(result.dialect(), result.engineVersion(), files);
  }
}
