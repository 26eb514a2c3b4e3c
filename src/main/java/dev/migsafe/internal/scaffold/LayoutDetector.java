package dev.migsafe.internal.scaffold;

import dev.migsafe.internal.lint.MigrationFile;
import dev.migsafe.internal.lint.MigrationFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the migrations folder under a project directory: the folder with the most files that
 * follow one tool's naming (Flyway {@code V1__x.sql}, golang-migrate {@code 1_x.up.sql}, diesel
 * {@code <name>/up.sql}, Prisma {@code <timestamp>_<name>/migration.sql}), and its newest
 * migration in the order the tool applies them, which the linter already knows.
 */
public final class LayoutDetector {
  /** Deep enough for {@code src/main/resources/db/migration/V1__x.sql} in a module. */
  private static final int MAX_DEPTH = 8;
  /** Folders that hold dependencies or build output, never the project's own migrations. */
  private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "dist",
      "vendor", "out", "bin");

  private LayoutDetector() {}

  public static Optional<MigrationLayout> find(Path root) {
    Map<Folder, Integer> counts = new HashMap<>();
    try {
      Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          boolean skip = !dir.equals(root) && (name.startsWith(".") || SKIPPED.contains(name));
          return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile()
              && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
            MigrationTool tool = MigrationTool.of(MigrationFiles.classify(file, file.toString())
                .tool());
            if (tool != null) {
              Path folder = file.getParent();
              for (int i = 0; i < tool.nesting && folder.getParent() != null; i++) {
                folder = folder.getParent();
              }
              counts.merge(new Folder(tool, folder), 1, Integer::sum);
            }
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // an unreadable corner says nothing about the layout
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Most files first; on a tie the shallower folder, then the name, so the answer is stable.
    return counts.entrySet().stream()
        .sorted(Map.Entry.<Folder, Integer>comparingByValue().reversed()
            .thenComparing(e -> e.getKey().path().getNameCount())
            .thenComparing(e -> e.getKey().path().toString()))
        .map(Map.Entry::getKey)
        .map(LayoutDetector::layout)
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static Optional<MigrationLayout> layout(Folder f) {
    List<MigrationFile> files = MigrationFiles.discover(List.of(f.path()));
    MigrationFile newest = null;
    for (MigrationFile m : files) {
      boolean repeatable = m.orderKey().startsWith("~");
      if (m.tool().equals(f.tool().id) && !m.rollback() && !repeatable) {
        newest = m;
      }
    }
    return newest == null ? Optional.empty()
        : Optional.of(new MigrationLayout(f.tool(), f.path(), newest.path()));
  }

  private record Folder(MigrationTool tool, Path path) {}
}
