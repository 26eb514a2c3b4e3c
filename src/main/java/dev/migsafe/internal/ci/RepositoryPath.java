package dev.migsafe.internal.ci;

import java.nio.file.Path;

/**
 * A linted file's path as the repository names it: relative to the repository root, with
 * forward slashes, whatever the working directory. GitHub annotations, GitLab's Code Quality
 * report, {@code git diff} and fingerprints all speak of files this way.
 */
public final class RepositoryPath {
  private RepositoryPath() {}

  /**
   * @param path a path as lint reports it (relative to the working directory, or absolute;
   *     {@code -} for standard input, which stays {@code -})
   * @param root the repository root, absolute
   * @return the relative path, or the absolute one for a file outside the repository
   */
  public static String of(String path, Path root) {
    if (path.equals("-")) {
      return path;
    }
    Path abs = Path.of(path).toAbsolutePath().normalize();
    Path r = root.toAbsolutePath().normalize();
    Path shown = abs.startsWith(r) ? r.relativize(abs) : abs;
    return shown.toString().replace('\\', '/');
  }
}
