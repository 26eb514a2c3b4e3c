package dev.migsafe.internal.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What a path names, as far as writing to it is concerned. */
enum FileKind {
  MISSING("nothing"),
  REGULAR("a regular file"),
  DIRECTORY("a directory"),
  SYMBOLIC_LINK("a symbolic link"),
  FIFO("a FIFO"),
  CHARACTER_DEVICE("a character device"),
  BLOCK_DEVICE("a block device"),
  SOCKET("a socket"),
  OTHER("a special file");

  // st_mode file type bits (POSIX <sys/stat.h>), the same on Linux, macOS and the BSDs.
  private static final int S_IFMT = 0170000;
  private static final int S_IFIFO = 0010000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFSOCK = 0140000;

  /** "a directory": for messages. */
  final String noun;

  FileKind(String noun) {
    this.noun = noun;
  }

  /** Of the path itself; a symbolic link is {@link #SYMBOLIC_LINK}. */
  static FileKind ofLink(Path path) throws IOException {
    return of(path, LinkOption.NOFOLLOW_LINKS);
  }

  /** Of what the path names with links followed; a dangling link is {@link #MISSING}. */
  static FileKind ofTarget(Path path) throws IOException {
    return of(path);
  }

  /** FIFOs and devices are written in place: renaming over them would replace the node. */
  boolean isStream() {
    return this == FIFO || this == CHARACTER_DEVICE || this == BLOCK_DEVICE;
  }

  private static FileKind of(Path path, LinkOption... options) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(path, BasicFileAttributes.class, options);
    } catch (NoSuchFileException e) {
      return MISSING;
    }
    if (a.isRegularFile()) {
      return REGULAR;
    }
    if (a.isDirectory()) {
      return DIRECTORY;
    }
    if (a.isSymbolicLink()) {
      return SYMBOLIC_LINK;
    }
    return special(path, options);
  }

  /**
   * Java's portable attributes lump FIFOs, devices and sockets together as "other"; the JDK's
   * "unix" view has the mode that tells them apart. Without it (Windows) nothing is a stream.
   */
  private static FileKind special(Path path, LinkOption... options) throws IOException {
    int mode;
    try {
      mode = (Integer) Files.getAttribute(path, "unix:mode", options);
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return OTHER;
    }
    return switch (mode & S_IFMT) {
      case S_IFIFO -> FIFO;
      case S_IFCHR -> CHARACTER_DEVICE;
      case S_IFBLK -> BLOCK_DEVICE;
      case S_IFSOCK -> SOCKET;
      default -> OTHER;
    };
  }
}
