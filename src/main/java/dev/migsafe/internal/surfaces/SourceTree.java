package dev.migsafe.internal.surfaces;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RecursiveTask;
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

  /**
   * Never fails: a directory that cannot be read, the root included, is counted as
   * {@link SkipReason#UNREADABLE}.
   */
  static Listing list(Path root) {
    Part all = new Visit(root, null).invoke();
    all.files.sort(null);
    all.manifests.sort(null);
    return new Listing(all.files, all.skipped, all.manifests);
  }

  /** What one directory and those under it hold. */
  private static final class Part {
    final List<Path> files = new ArrayList<>();
    final List<Path> manifests = new ArrayList<>();
    final Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);

    void count(SkipReason why) {
      skipped.merge(why, 1, Integer::sum);
    }

    void add(Part other) {
      files.addAll(other.files);
      manifests.addAll(other.manifests);
      other.skipped.forEach((k, v) -> skipped.merge(k, v, Integer::sum));
    }
  }

  /**
   * One directory, its subdirectories listed in parallel: listing asks the file system about
   * each entry, and a repository of 100,000 files took seconds on one thread while the other
   * waited. Links are not followed (an entry's own attributes are read).
   */
  private static final class Visit extends RecursiveTask<Part> {
    private final Path dir;
    private final Ignores.Chain outer;

    Visit(Path dir, Ignores.Chain outer) {
      this.dir = dir;
      this.outer = outer;
    }

    @Override
    protected Part compute() {
      Part part = new Part();
      Ignores.Chain ignores = new Ignores.Chain(Ignores.of(dir), outer);
      List<Visit> below = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path entry : entries) {
          BasicFileAttributes attrs;
          try {
            attrs = Files.readAttributes(entry, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
          } catch (IOException e) {
            part.count(SkipReason.UNREADABLE);
            continue;
          }
          String name = entry.getFileName().toString();
          if (attrs.isSymbolicLink()) {
            part.count(SkipReason.SYMBOLIC_LINK);
          } else if (attrs.isDirectory()) {
            if (name.equals(".git") || ignored(ignores, entry, true)) {
              part.count(SkipReason.IGNORED);
            } else {
              below.add(new Visit(entry, ignores));
            }
          } else if (attrs.isRegularFile() && SourceFile.wanted(name)) {
            if (ignored(ignores, entry, false)) {
              part.count(SkipReason.IGNORED);
            } else {
              part.files.add(entry);
            }
          } else if (attrs.isRegularFile() && MANIFESTS.contains(name)
              && !ignored(ignores, entry, false)) {
            part.manifests.add(entry);
          }
        }
      } catch (IOException | java.nio.file.DirectoryIteratorException e) {
        part.count(SkipReason.UNREADABLE);
      }
      for (Visit v : invokeAll(below)) {
        part.add(v.join());
      }
      return part;
    }
  }

  /**
   * Whether the innermost {@code .gitignore} with an opinion ignores the path; a directory's
   * rules are relative to that directory, as git reads them.
   */
  private static boolean ignored(Ignores.Chain chain, Path path, boolean directory) {
    for (Ignores.Chain c = chain; c != null; c = c.outer()) {
      Ignores i = c.here();
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
    /** A directory's rules and those of the directories around it, innermost first. */
    record Chain(Ignores here, Chain outer) {}

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
