package dev.migsafe.internal.surfaces;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The files of a repository worth reading for surfaces: those of a known language or SQL,
 * minus what {@code .gitignore} files exclude (as git reads them, nested ones included) and
 * {@code .git} itself. Symbolic links are not followed, so a link loop or a link out of the
 * repository is never read; they are counted, like everything else left out.
 */
final class SourceTree {
  /**
   * The files to read, how many paths were left out for each reason, and the JavaScript
   * projects' manifests ({@code package.json}, {@code tsconfig.json}, {@code jsconfig.json}),
   * which say where a module's imports lead.
   */
  record Listing(List<Path> files, Map<SkipReason, Integer> skipped, List<Path> manifests) {}

  private static final java.util.Set<String> MANIFESTS =
      java.util.Set.of("package.json", "tsconfig.json", "jsconfig.json");

  private SourceTree() {}

  static Listing list(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    List<Path> manifests = new ArrayList<>();
    Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
    Deque<Ignores> ignores = new ArrayDeque<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(root) && (dir.getFileName().toString().equals(".git")
            || ignored(ignores, dir, true))) {
          count(skipped, SkipReason.IGNORED);
          return FileVisitResult.SKIP_SUBTREE;
        }
        ignores.push(Ignores.of(dir));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) {
        ignores.pop();
        if (e != null) {
          count(skipped, SkipReason.UNREADABLE);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isSymbolicLink()) {
          count(skipped, SkipReason.SYMBOLIC_LINK);
        } else if (attrs.isRegularFile() && SourceFile.wanted(file.getFileName().toString())) {
          if (ignored(ignores, file, false)) {
            count(skipped, SkipReason.IGNORED);
          } else {
            files.add(file);
          }
        } else if (attrs.isRegularFile() && MANIFESTS.contains(file.getFileName().toString())
            && !ignored(ignores, file, false)) {
          manifests.add(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        count(skipped, SkipReason.UNREADABLE);
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(null);
    manifests.sort(null);
    return new Listing(files, skipped, manifests);
  }

  private static void count(Map<SkipReason, Integer> skipped, SkipReason why) {
    skipped.merge(why, 1, Integer::sum);
  }

  /**
   * Whether the innermost {@code .gitignore} with an opinion ignores the path; a directory's
   * rules are relative to that directory, as git reads them.
   */
  private static boolean ignored(Deque<Ignores> stack, Path path, boolean directory) {
    for (Ignores i : stack) {
      if (i.node() == null) {
        continue;
      }
      String rel = i.dir().relativize(path).toString().replace('\\', '/');
      IgnoreNode.MatchResult r = i.node().isIgnored(rel, directory);
      if (r == IgnoreNode.MatchResult.IGNORED) {
        return true;
      }
      if (r == IgnoreNode.MatchResult.NOT_IGNORED) {
        return false;
      }
    }
    return false;
  }

  /** A directory and the rules of its {@code .gitignore}, or null when it has none. */
  private record Ignores(Path dir, IgnoreNode node) {
    static Ignores of(Path dir) {
      Path file = dir.resolve(".gitignore");
      if (!Files.isRegularFile(file)) {
        return new Ignores(dir, null);
      }
      IgnoreNode node = new IgnoreNode();
      try (InputStream in = Files.newInputStream(file)) {
        node.parse(in);
      } catch (IOException e) {
        return new Ignores(dir, null);
      }
      return new Ignores(dir, node);
    }
  }
}
