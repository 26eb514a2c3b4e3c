package dev.migsafe.locks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;

/**
 * Real PostgreSQL servers for tests, one per major version per JVM, started on first use. The
 * newest version's binaries are on the test class path; the older ones are copies of the same
 * Maven artifact that the build puts in {@code target/postgres} (see pom.xml), because one class
 * path cannot hold two versions of an artifact.
 */
public final class PostgresServers {
  private static final Map<String, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

  private PostgresServers() {}

  /** Binary versions under test, oldest first, e.g. {@code 10.23.0} ... {@code 17.5.0}. */
  public static String[] versions() {
    String all = System.getProperty("migsafe.pg.versions", newest());
    return all.split(",");
  }

  /** The oldest and the newest version: enough for tests that need any real server. */
  public static String[] oldestAndNewest() {
    String[] all = versions();
    return all.length == 1 ? all : new String[] {all[0], all[all.length - 1]};
  }

  private static String newest() {
    return System.getProperty("migsafe.pg.newest.version", "17.5.0");
  }

  public static int major(String version) {
    return Integer.parseInt(version.split("\\.")[0]);
  }

  /**
   * One container of tests per version under test ({@code -Dmigsafe.pg.only=17} narrows to one
   * major), the tests made by {@code tests} from the version and its major.
   */
  public static java.util.List<org.junit.jupiter.api.DynamicNode> perVersion(
      java.util.function.BiFunction<String, Integer,
          java.util.List<org.junit.jupiter.api.DynamicTest>> tests) {
    java.util.List<org.junit.jupiter.api.DynamicNode> out = new java.util.ArrayList<>();
    String only = System.getProperty("migsafe.pg.only");
    for (String version : versions()) {
      if (only != null && !only.isBlank() && !version.startsWith(only + ".")) {
        continue;
      }
      out.add(org.junit.jupiter.api.DynamicContainer.dynamicContainer("PostgreSQL " + version,
          tests.apply(version, major(version))));
    }
    return out;
  }

  /** A YAML resource of the oracle, read strictly into {@code type}. */
  static <T> T yaml(String resource, Class<T> type) throws IOException {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper(
        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = PostgresServers.class.getResourceAsStream(resource)) {
      return mapper.readValue(in, type);
    }
  }

  /** The running server of that version, started on first call. */
  public static EmbeddedPostgres server(String version) {
    return SERVERS.computeIfAbsent(version, PostgresServers::start);
  }

  private static EmbeddedPostgres start(String version) {
    try {
      EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
          .setServerConfig("max_locks_per_transaction", "256")
          .setPGStartupWait(java.time.Duration.ofSeconds(60));
      if (!version.equals(newest())) {
        Path jar = Path.of(System.getProperty("migsafe.pg.dir", "target/postgres"),
            "postgres-" + version + ".jar");
        b.setPgBinaryResolver((system, machine) -> openArchive(jar, system, machine));
      }
      EmbeddedPostgres pg = b.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException ignored) {
          // the JVM is exiting; the data directory is temporary
        }
      }));
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL " + version + " did not start", e);
    }
  }

  /** The {@code postgres-<os>-<arch>.txz} inside a binaries jar. */
  private static InputStream openArchive(Path jar, String system, String machine)
      throws IOException {
    ZipFile zip = new ZipFile(jar.toFile());
    String name = ("postgres-" + system + "-" + machine + ".txz").toLowerCase(java.util.Locale.ROOT);
    var entry = zip.getEntry(name);
    if (entry == null) {
      zip.close();
      throw new IOException(jar + " has no " + name);
    }
    return zip.getInputStream(entry);
  }
}
