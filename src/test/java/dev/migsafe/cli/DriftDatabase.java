package dev.migsafe.cli;

import dev.migsafe.locks.PostgresServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live databases for the {@code drift} tests, on the newest test server: built from DDL and then
 * changed, each once per JVM. {@code ${drifted}} in a golden case's arguments is the URL of
 * {@link #drifted()}.
 */
final class DriftDatabase {
  static final String EXPECTED = "src/test/resources/golden-input/drift-expected.sql";

  /** What hotfixes and a failed migration did to the database since it matched EXPECTED. */
  private static final List<String> DRIFT = List.of(
      "ALTER TABLE orders ALTER COLUMN customer_email TYPE varchar(200)",
      "ALTER TABLE orders ALTER COLUMN status DROP DEFAULT",
      "ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey",
      "ALTER TABLE orders DROP CONSTRAINT orders_total_check",
      "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID",
      "ALTER TABLE orders ADD COLUMN legacy_flag boolean",
      "DROP INDEX orders_customer_email_key",
      "INSERT INTO customers VALUES (1, 'a@example.com')",
      "INSERT INTO orders (customer_id, customer_email, status) VALUES"
          + " (1, 'a@example.com', 'new'), (1, 'a@example.com', 'paid')",
      "CREATE UNIQUE INDEX CONCURRENTLY orders_customer_email_key ON orders (customer_email)",
      "CREATE INDEX orders_status_idx ON orders (status)",
      "ALTER TYPE order_status ADD VALUE 'refunded' BEFORE 'paid'",
      "ALTER TABLE \"Audit Log\" ALTER COLUMN message DROP NOT NULL");

  private static final Map<String, String> URLS = new ConcurrentHashMap<>();

  private DriftDatabase() {}

  /** EXPECTED, then DRIFT (the concurrent index build fails on the duplicate email). */
  static String drifted() {
    return URLS.computeIfAbsent("drifted", name -> build(name, read(EXPECTED), DRIFT));
  }

  /** A database built from DDL and left as it is. */
  static String matching(String name, Path ddl) {
    return URLS.computeIfAbsent(name, n -> build(n, read(ddl.toString()), List.of()));
  }

  private static String build(String name, String ddl, List<String> changes) {
    EmbeddedPostgres pg = PostgresServers.server(
        PostgresServers.versions()[PostgresServers.versions().length - 1]);
    try (Connection admin = pg.getPostgresDatabase().getConnection();
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    try (Connection c = pg.getDatabase("postgres", name).getConnection();
        Statement s = c.createStatement()) {
      s.execute(ddl);
      for (String change : changes) {
        try {
          s.execute(change);
        } catch (SQLException e) {
          if (!change.contains("CONCURRENTLY")) {
            throw e;
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return pg.getJdbcUrl("postgres", name);
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
