package dev.migsafe.internal.ci;

import dev.migsafe.api.FileResult;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fingerprints every reported finding of a lint run, in the run's order. */
public final class Fingerprints {
  private Fingerprints() {}

  public static List<FingerprintedFinding> of(LintResult result, Path root) {
    List<FingerprintedFinding> all = new ArrayList<>();
    for (FileResult f : result.files()) {
      String path = RepositoryPath.of(f.path(), root);
      Map<String, Integer> seen = new HashMap<>();
      for (Finding x : f.findings()) {
        String statement = statementText(f, x);
        int occurrence = seen.merge(x.rule() + '\n' + Fingerprint.normalise(statement), 1,
            Integer::sum);
        all.add(new FingerprintedFinding(path, x,
            Fingerprint.of(x.rule(), path, statement, occurrence)));
      }
    }
    return all;
  }

  /** A file-level finding (no statement) is identified by its rule and file alone. */
  private static String statementText(FileResult f, Finding x) {
    int i = x.statementIndex();
    return i >= 0 && i < f.statements().size() ? f.statements().get(i).sql() : "";
  }
}
