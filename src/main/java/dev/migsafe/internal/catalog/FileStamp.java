package dev.migsafe.internal.catalog;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What one {@code stat} says about a record file, enough to tell that it has not changed
 * without reading it: size, modification time and, where the file system has one, the inode's
 * change time. Tools that restore a modification time ({@code touch -r}, {@code cp -p}, tar,
 * rsync) cannot restore the change time, which the kernel sets on every write; git uses it the
 * same way in its index.
 *
 * @param changedNanos the change time in nanoseconds since the epoch, or {@link #UNKNOWN}
 */
public record FileStamp(long size, long modifiedNanos, long changedNanos) {
  public static final long UNKNOWN = Long.MIN_VALUE;
  private static final String UNIX = "unix:size,lastModifiedTime,ctime,isRegularFile";
  /** Asked once: the default file system builds a new set of view names on every call. */
  private static final boolean DEFAULT_HAS_UNIX = hasUnixView(FileSystems.getDefault());

  /** The stamp of a regular file, or null for anything else or when it cannot be read. */
  public static FileStamp of(Path file) {
    try {
      if (file.getFileSystem() == FileSystems.getDefault() ? DEFAULT_HAS_UNIX
          : hasUnixView(file.getFileSystem())) {
        Map<String, Object> a = Files.readAttributes(file, UNIX);
        if (!Boolean.TRUE.equals(a.get("isRegularFile"))) {
          return null;
        }
        return new FileStamp((Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
            nanos((FileTime) a.get("ctime")));
      }
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.isRegularFile() ? new FileStamp(a.size(), nanos(a.lastModifiedTime()), UNKNOWN)
          : null;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException
        | ClassCastException e) {
      return null;
    }
  }

  /** The later of the two times: when the file last changed in any way we can see. */
  public long lastChangeNanos() {
    return Math.max(modifiedNanos, changedNanos);
  }

  private static boolean hasUnixView(FileSystem fs) {
    return fs.supportedFileAttributeViews().contains("unix");
  }

  private static long nanos(FileTime t) {
    return t == null ? UNKNOWN : t.to(TimeUnit.NANOSECONDS);
  }
}
