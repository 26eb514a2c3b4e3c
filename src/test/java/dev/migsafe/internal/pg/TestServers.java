package dev.migsafe.internal.pg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embedded servers for the tests of this package, one per version per JVM, stopped by their
 * shutdown hook. The older versions' jars are the copies the build puts in {@code
 * target/postgres}; the newest is found in the local Maven repository like at run time.
 */
final class TestServers {
  private static final Map<String, EmbeddedServer> SERVERS = new ConcurrentHashMap<>();

  private TestServers() {}

  static EmbeddedServer server(String version) {
    return SERVERS.computeIfAbsent(version,
        v -> EmbeddedServer.start(Integer.parseInt(v.split("\\.")[0]), jar(v)));
  }

  static Path jar(String version) {
    Path copy = Path.of(System.getProperty("migsafe.pg.dir", "target/postgres"),
        "postgres-" + version + ".jar");
    return Files.isRegularFile(copy) ? copy : null;
  }
}
