package dev.migsafe.internal.catalog;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.OutcomeUpdate;
import dev.migsafe.api.PastMigration;
import dev.migsafe.api.RecordedOutcome;
import dev.migsafe.internal.io.AtomicFiles;
import dev.migsafe.internal.io.ExclusiveFileLock;
import dev.migsafe.internal.yaml.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes or updates one past-migration record for {@code outcome record}.
 *
 * <p>Two recorders never interleave: each holds {@code .migsafe/catalog.lock} in the catalog
 * (a file lock, so also across processes) while it reads the record, applies its update to what
 * it read, and replaces the file through a temporary file and a rename. Concurrent recorders
 * therefore serialise and each sees the other's result; no update is lost. A writer that does
 * not take the lock (an editor, a git checkout) is caught by hashing the file again just before
 * the rename: if it is no longer what was read, nothing is written. A caller that showed the
 * record to someone can pass the hash it showed as {@link OutcomeUpdate#expectedHash()}.
 *
 * <p>It writes only what the catalog's readers read: a record they would skip as too large
 * ({@link CatalogLoader#fits}) or as invalid is refused before anything is written, and an
 * existing record too large to read is not updated.
 */
public final class OutcomeRecorder {
  static final String LOCK_FILE = "catalog.lock";

  private OutcomeRecorder() {}

  public static RecordedOutcome record(CatalogLocation location, OutcomeUpdate update) {
    return record(location, update, file -> { });
  }

  /**
   * As {@link #record(CatalogLocation, OutcomeUpdate)}, running {@code beforeReplace} after the
   * new text is ready and before the check that the file is unchanged: tests use it to play an
   * editor that writes without the lock.
   */
  @SuppressWarnings("try") // the lock is held for the block, never referenced in it
  public static RecordedOutcome record(CatalogLocation location, OutcomeUpdate update,
      Consumer<Path> beforeReplace) {
    Path folder = location.folder(CatalogLocation.MIGRATIONS);
    Path file = CatalogIds.fileFor(folder, update.id());
    Path lockFile = location.root().resolve(".migsafe").resolve(LOCK_FILE);
    try (ExclusiveFileLock lock = ExclusiveFileLock.acquire(lockFile)) {
      String before = read(file);
      String readHash = before == null ? null : ContentHash.of(before);
      if (update.expectedHash() != null && !update.expectedHash().equals(readHash)) {
        throw MigsafeException.badInput(file + ": changed since you read it (expected hash "
            + update.expectedHash() + ", found " + (readHash == null ? "no file" : readHash)
            + "); read it again and repeat the update");
      }
      String after = before == null ? RecordYaml.create(update)
          : RecordYaml.update(before, update);
      long size = after.getBytes(StandardCharsets.UTF_8).length;
      if (!CatalogLoader.fits(size)) {
        throw MigsafeException.badInput(file + ": the record would be " + kib(size)
            + " KiB, which report and similar skip (" + CatalogLoader.TOO_LARGE
            + "); nothing was written");
      }
      PastMigration record = validate(file, after, update.id(), before == null);
      beforeReplace.accept(file);
      String onDisk = read(file);
      if (before == null ? onDisk != null : !before.equals(onDisk)) {
        throw MigsafeException.badInput(file + ": was changed by another program while this "
            + "update was prepared; nothing was written, repeat the update");
      }
      Files.createDirectories(folder);
      AtomicFiles.write(file, after);
      return new RecordedOutcome(record, file, before == null, ContentHash.of(after));
    } catch (IOException e) {
      throw MigsafeException.badInput(lockFile + ": cannot lock the catalog for writing: "
          + e.getMessage());
    }
  }

  private static PastMigration validate(Path file, String text, String id, boolean created) {
    Problems problems = new Problems(file + (created ? " (new)" : " (updated)"));
    PastMigration record = PastMigrationReader.read(text, id, problems);
    if (record == null) {
      throw MigsafeException.badInput("the record would not be valid, nothing was written:\n"
          + String.join("\n", problems.lines()));
    }
    return record;
  }

  private static long kib(long bytes) {
    return (bytes + 1023) / 1024;
  }

  private static String read(Path file) throws IOException {
    try {
      long size = Files.size(file);
      if (!CatalogLoader.fits(size)) {
        // Editing it would compose megabytes of YAML to write a record no reader reads.
        throw MigsafeException.badInput(file + ": is " + kib(size) + " KiB, which report and "
            + "similar skip (" + CatalogLoader.TOO_LARGE + "); shorten it by hand first; "
            + "nothing was written");
      }
      byte[] bytes = Files.readAllBytes(file);
      Problems problems = new Problems(file.toString());
      String text = CatalogLoader.decode(bytes, problems);
      if (text == null) {
        throw MigsafeException.badInput(file + ": not valid UTF-8; fix it by hand first");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
