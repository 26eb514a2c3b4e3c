package dev.migsafe.internal.ci;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The root of the git repository a run works in: the nearest folder, from a starting folder
 * up, that holds {@code .git} (a folder, or a file in a worktree or submodule). Code scanning
 * resolves SARIF locations against it, and the search for {@code .migsafe.yaml} stops there.
 */
public final class RepositoryRoot {
  private RepositoryRoot() {}

  /** The repository root above {@code start}; outside any repository, {@code start} itself. */
  public static Path of(Path start) {
    return find(start).orElse(start.toAbsolutePath().normalize());
  }

  /** The repository root above {@code start}, if {@code start} is in a repository. */
  public static Optional<Path> find(Path start) {
    for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
