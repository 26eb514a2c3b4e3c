package dev.migsafe.internal.io;

import dev.migsafe.api.MigsafeException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes every file migsafe produces ({@code --out}, catalog records, caches) without clobbering
 * what is not a file.
 *
 * <p>A regular file, a symbolic link (the link itself; its target is left alone) or a new path is
 * written through a temporary sibling and a rename, so a reader sees either the old file or the
 * whole new one, never a torn write, even if the process is killed midway. A FIFO or a device,
 * also behind links ({@code --out /dev/stdout}, {@code --out /dev/null}), is written in place:
 * a rename would put a regular file where the node was, which for root means a {@code /dev/null}
 * that keeps what everyone writes to it. A directory, a socket or another special file is
 * refused as bad input.
 *
 * <p>A new file gets the mode the umask allows, as a shell redirect would; a replaced regular
 * file keeps its permissions.
 */
public final class AtomicFiles {
  private static final int NAME_ATTEMPTS = 10;

  private AtomicFiles() {}

  public static void write(Path target, String content) {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes as the class says; bad input naming {@code target} when it cannot be written. */
  public static void write(Path target, byte[] content) {
    Path abs = target.toAbsolutePath();
    try {
      FileKind kind = FileKind.ofLink(abs);
      FileKind behind = kind == FileKind.SYMBOLIC_LINK ? FileKind.ofTarget(abs) : kind;
      if (behind.isStream()) {
        writeInPlace(abs, content);
      } else if (behind == FileKind.REGULAR && kind == FileKind.SYMBOLIC_LINK
          && (abs.startsWith("/dev/") || abs.startsWith("/proc/"))) {
        // /dev/stdout or /proc/self/fd/1 of a run whose output the shell sent to a file: the
        // link belongs to the system, and the file is the one the shell opened, so write there,
        // appending as the shell's descriptor does (a `>` file is still empty, a `>>` one keeps
        // what it had).
        appendInPlace(abs, content);
      } else if (behind == FileKind.MISSING || behind == FileKind.REGULAR) {
        replace(abs, content, kind == FileKind.REGULAR ? permissionsOf(abs) : null);
      } else {
        throw MigsafeException.badInput(target + ": cannot be written: "
            + (kind == FileKind.SYMBOLIC_LINK ? "it links to " : "it is ") + behind.noun);
      }
    } catch (IOException e) {
      throw MigsafeException.badInput(target + ": cannot be written: " + e.getMessage());
    }
  }

  /**
   * WRITE alone: without CREATE a node that vanished meanwhile is not recreated as a file, and
   * truncation means nothing to a FIFO or a device.
   */
  private static void writeInPlace(Path target, byte[] content) throws IOException {
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
      out.write(content);
    }
  }

  private static void appendInPlace(Path target, byte[] content) throws IOException {
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      out.write(content);
    }
  }

  private static void replace(Path target, byte[] content, Set<PosixFilePermission> keep)
      throws IOException {
    Path dir = target.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = null;
    try {
      tmp = createSibling(target, keep);
      if (keep != null) {
        Files.setPosixFilePermissions(tmp, keep);
      }
      Files.write(tmp, content, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden and named after the target
        }
      }
    }
  }

  /**
   * An empty hidden sibling, made here rather than by Files.createTempFile, which always gives
   * 0600: a new file gets 0666 less the umask. CREATE_NEW never opens an existing file or
   * follows a planted link, so the name needs to be unlikely, not unguessable.
   */
  private static Path createSibling(Path target, Set<PosixFilePermission> keep)
      throws IOException {
    // The umask also applies to a mode given at creation: the file starts no more open than the
    // old one, and replace() sets exactly its permissions before any content is written.
    FileAttribute<?>[] mode = keep == null ? new FileAttribute<?>[0]
        : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(keep)};
    for (int attempt = 1; ; attempt++) {
      Path tmp = target.resolveSibling("." + target.getFileName() + "."
          + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      try {
        Files.createFile(tmp, mode);
      } catch (FileAlreadyExistsException e) {
        if (attempt == NAME_ATTEMPTS) {
          throw e;
        }
        continue;
      }
      return tmp;
    }
  }

  /** Null where the file system has no POSIX permissions. */
  private static Set<PosixFilePermission> permissionsOf(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS);
    return view == null ? null : view.readAttributes().permissions();
  }
}
