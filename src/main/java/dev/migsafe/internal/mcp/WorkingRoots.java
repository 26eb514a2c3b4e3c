package dev.migsafe.internal.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The directories the server may read: its working directory, or, once the client declares
 * MCP roots, those roots instead. Every path a client names goes through {@link #resolve}
 * before anything opens it. Containment is decided on real paths, so {@code ..} and a symbolic
 * link that leads out are refused like an absolute path elsewhere; a refusal names the path
 * and the reason, never what the file holds.
 */
final class WorkingRoots {
  /** The catalog the façade reads when there is one: {@code catalog/} of the working directory. */
  static final String CATALOG = "catalog";

  private final Path workingDirectory;
  /** The client's roots as real paths; null while the client has declared none. */
  private volatile List<Path> clientRoots;

  WorkingRoots(Path workingDirectory) {
    this.workingDirectory = realDirectory(workingDirectory);
  }

  Path workingDirectory() {
    return workingDirectory;
  }

  /**
   * Takes the client's {@code roots/list} answer. Roots that are not {@code file:} URIs or not
   * existing directories are left out; an answer with none left allows nothing but what the
   * working directory holds.
   */
  void declare(List<McpSchema.Root> roots) {
    List<Path> out = new ArrayList<>();
    for (McpSchema.Root r : roots) {
      try {
        URI uri = URI.create(r.uri());
        if ("file".equalsIgnoreCase(uri.getScheme())) {
          Path p = Path.of(uri);
          if (Files.isDirectory(p)) {
            out.add(p.toRealPath());
          }
        }
      } catch (IllegalArgumentException | IOException | java.nio.file.FileSystemNotFoundException e) {
        // Not a root this server can read; the others still count.
      }
    }
    clientRoots = out.isEmpty() ? null : List.copyOf(out);
  }

  /** The allowed directories, as real paths. */
  List<Path> allowed() {
    List<Path> roots = clientRoots;
    return roots == null ? List.of(workingDirectory) : roots;
  }

  /**
   * The file {@code given} names, checked: resolved against the working directory (or the
   * first client root when the working directory is outside them), it must exist, be a
   * regular file, and its real path must lie inside an allowed directory.
   *
   * @param what how the argument is called in messages, e.g. {@code packet}
   * @return the path to open: relative to the working directory when it lies inside it (so
   *     output names it as the client did), else the real path
   */
  Path resolve(String what, String given) {
    if (given == null || given.isBlank()) {
      throw new ToolFailure(what + ": a path is required");
    }
    Path named;
    try {
      named = Path.of(given);
    } catch (InvalidPathException e) {
      throw new ToolFailure(what + ": '" + given + "' is not a valid path");
    }
    return check(what, given, base().resolve(named).normalize());
  }

  /**
   * Like {@link #resolve} for a folder to scan: it must exist, be a directory (not a link to
   * one) and lie inside an allowed directory; the scan never follows links out of it.
   */
  Path resolveDirectory(String what, String given) {
    if (given == null || given.isBlank()) {
      throw new ToolFailure(what + ": a path is required");
    }
    Path absolute;
    try {
      absolute = base().resolve(Path.of(given)).normalize();
    } catch (InvalidPathException e) {
      throw new ToolFailure(what + ": '" + given + "' is not a valid path");
    }
    Path real = realOrNearest(absolute);
    if (!inside(real)) {
      throw new ToolFailure(what + ": " + given + ": refused, it is outside "
          + describeAllowed() + (real.equals(absolute) ? "" : " (it resolves to " + real + ")"));
    }
    if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
      throw new ToolFailure(what + ": " + given + ": not a directory");
    }
    return real.startsWith(workingDirectory) ? workingDirectory.relativize(real) : real;
  }

  /** Like {@link #resolve} for a path written inside a file, relative to that file's folder. */
  Path resolveBeside(Path file, String what, String given) {
    Path named;
    try {
      named = Path.of(given);
    } catch (InvalidPathException e) {
      throw new ToolFailure(what + ": '" + given + "' is not a valid path");
    }
    Path folder = file.toAbsolutePath().getParent();
    return check(what, given, folder.resolve(named).normalize());
  }

  /**
   * A file or folder of the project the server was started in ({@code .migsafe.yaml}, {@code
   * catalog/}), which the façade opens by its name relative to the working directory: null when
   * there is none, refused when its real path leads out of both the working directory and the
   * allowed directories (a symbolic link to elsewhere).
   */
  Path projectEntry(String name) {
    Path entry = workingDirectory.resolve(name);
    if (!Files.exists(entry)) {
      return null;
    }
    Path real = realOrNearest(entry);
    if (!real.startsWith(workingDirectory) && !inside(real)) {
      throw new ToolFailure(name + ": refused, it resolves to " + real + ", outside "
          + describeAllowed() + "; declare that directory as a root to use it");
    }
    return Path.of(name);
  }

  private Path check(String what, String given, Path absolute) {
    Path real = realOrNearest(absolute);
    if (!inside(real)) {
      throw new ToolFailure(what + ": " + given + ": refused, it is outside "
          + describeAllowed() + (real.equals(absolute) ? "" : " (it resolves to " + real + ")"));
    }
    if (!Files.exists(absolute)) {
      throw new ToolFailure(what + ": " + given + ": no such file");
    }
    if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
      throw new ToolFailure(what + ": " + given + ": not a regular file");
    }
    if (!Files.isReadable(real)) {
      throw new ToolFailure(what + ": " + given + ": cannot be read (permission denied)");
    }
    return real.startsWith(workingDirectory) ? workingDirectory.relativize(real) : real;
  }

  private String describeAllowed() {
    List<Path> roots = clientRoots;
    return roots == null ? "the working directory " + workingDirectory
        : "the client's roots (" + roots.stream().map(Path::toString)
            .collect(Collectors.joining(", ")) + ")";
  }

  private boolean inside(Path real) {
    return allowed().stream().anyMatch(real::startsWith);
  }

  private Path base() {
    List<Path> roots = allowed();
    return roots.stream().anyMatch(workingDirectory::startsWith) ? workingDirectory : roots.get(0);
  }

  /**
   * The real path of {@code p}; for a path that does not exist, the real path of its nearest
   * existing ancestor with the missing names appended, so that a missing file outside is
   * refused as outside rather than reported as missing.
   */
  private static Path realOrNearest(Path p) {
    Path existing = p;
    List<Path> missing = new ArrayList<>();
    while (existing != null && !Files.exists(existing)) {
      missing.add(0, existing.getFileName());
      existing = existing.getParent();
    }
    if (existing == null) {
      return p;
    }
    try {
      Path real = existing.toRealPath();
      for (Path name : missing) {
        real = real.resolve(name);
      }
      return real;
    } catch (IOException e) {
      return p;
    }
  }

  private static Path realDirectory(Path dir) {
    try {
      return dir.toAbsolutePath().toRealPath();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
  }
}
