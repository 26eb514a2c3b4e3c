package dev.migsafe.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The root of the git repository a run works in: the nearest folder, from the working directory
 * up, that holds {@code .git} (a folder, or a file in a worktree or submodule). Code scanning
 * resolves SARIF locations against it. Outside any repository it is the working directory.
 */
final class RepositoryRoot {
  private RepositoryRoot() {}

  static Path of(Path workingDirectory) {
    Path start = workingDirectory.toAbsolutePath().normalize();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    return start;
  }
}
