package dev.migsafe.internal.ci;

import dev.migsafe.api.MigsafeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The files a branch changed since it left {@code REF}: what {@code git diff --name-only} lists
 * against the merge base of {@code REF} and {@code HEAD}, compared with the working tree so that
 * uncommitted edits count, plus untracked files that git does not ignore (a migration not yet
 * added). Paths are relative to the repository root, as {@link RepositoryPath} gives them.
 */
public final class ChangedFiles {
  private ChangedFiles() {}

  /** Any failure (no git, no repository, an unknown REF) is bad input naming REF: exit 2. */
  public static Set<String> since(String ref, Path root) {
    if (ref.isBlank() || ref.startsWith("-")) {
      // A REF that git would read as an option.
      throw MigsafeException.badInput("--changed-since '" + ref + "': not a git revision");
    }
    String base = git(root, ref, "merge-base", ref, "HEAD").strip();
    Set<String> changed = new TreeSet<>();
    changed.addAll(nulSeparated(git(root, ref, "diff", "--name-only", "-z", base, "--")));
    changed.addAll(nulSeparated(git(root, ref, "ls-files", "-z", "--others",
        "--exclude-standard")));
    return changed;
  }

  private static List<String> nulSeparated(String out) {
    return Arrays.stream(out.split("\0")).filter(s -> !s.isEmpty()).toList();
  }

  private static String git(Path root, String ref, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
    command.addAll(List.of(args));
    Path err = null;
    try {
      err = Files.createTempFile("migsafe-git", ".err");
      // core.quotePath off: names are read as written, NUL-separated.
      command.add(3, "-c");
      command.add(4, "core.quotePath=false");
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw MigsafeException.badInput("--changed-since '" + ref + "': git did not answer in "
            + "60 s");
      }
      if (p.exitValue() != 0) {
        String why = Files.readString(err).strip().lines().findFirst().orElse("");
        throw MigsafeException.badInput("--changed-since '" + ref + "': git " + args[0]
            + " failed" + (why.isEmpty() ? "" : ": " + why));
      }
      return out;
    } catch (IOException e) {
      throw MigsafeException.badInput("--changed-since '" + ref + "': git cannot be run ("
          + e.getMessage() + "); it must be on PATH");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw MigsafeException.badInput("--changed-since '" + ref + "': interrupted");
    } finally {
      if (err != null) {
        try {
          Files.deleteIfExists(err);
        } catch (IOException ignored) {
          // A temporary file left behind is harmless.
        }
      }
    }
  }
}
