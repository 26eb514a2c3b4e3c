package dev.migsafe.internal.config;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.ci.RepositoryRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@code .migsafe.yaml} that governs the linted paths when {@code --config} is not
 * given: for each path, the nearest one from its folder up to the root of its git repository,
 * so that {@code migsafe lint services/billing/db} run from anywhere uses the configuration
 * beside the migrations. Outside a repository the search goes no higher than the working
 * directory, so that a stray file in {@code /tmp} or the home folder is never picked up. When
 * none is found that way, the working directory's, as before.
 *
 * <p>One run has one configuration: paths governed by two different files are bad input
 * (exit 2) rather than one file silently winning.
 */
public final class ConfigSearch {
  private ConfigSearch() {}

  /**
   * @param linted the paths given to lint (files or folders; {@code -} for standard input)
   * @param workingDirectory where relative paths start
   */
  public static Optional<Path> forPaths(List<String> linted, Path workingDirectory) {
    Path cwd = workingDirectory.toAbsolutePath().normalize();
    Map<Path, String> found = new LinkedHashMap<>();
    for (String p : linted) {
      if (!p.equals("-")) {
        nearest(cwd.resolve(p).normalize(), cwd).ifPresent(f -> found.putIfAbsent(f, p));
      }
    }
    if (found.size() > 1) {
      var it = found.entrySet().iterator();
      var a = it.next();
      var b = it.next();
      throw MigsafeException.badInput(a.getValue() + " is configured by " + a.getKey() + " but "
          + b.getValue() + " by " + b.getKey() + "; lint them in separate runs, or choose one "
          + "with --config");
    }
    if (found.size() == 1) {
      return Optional.of(found.keySet().iterator().next());
    }
    Path inCwd = cwd.resolve(ConfigLoader.FILE_NAME);
    return Files.isRegularFile(inCwd) ? Optional.of(inCwd) : Optional.empty();
  }

  private static Optional<Path> nearest(Path path, Path cwd) {
    Path start = Files.isDirectory(path) ? path : path.getParent();
    if (start == null) {
      return Optional.empty();
    }
    Optional<Path> repository = RepositoryRoot.find(start);
    Path stop = repository.orElse(start.startsWith(cwd) ? cwd : start);
    for (Path dir = start; dir != null && dir.startsWith(stop); dir = dir.getParent()) {
      Path candidate = dir.resolve(ConfigLoader.FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
