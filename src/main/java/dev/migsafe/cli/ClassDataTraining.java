package dev.migsafe.cli;

import dev.migsafe.internal.catalog.CatalogLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the {@code ./migsafe} launcher: runs every command once, output
 * discarded, so that a JVM started with {@code -XX:ArchiveClassesAtExit} records every class a
 * real run loads into a class-data-sharing archive. Later runs map that archive instead of
 * loading and verifying about 3,000 classes from the jar, which halves their start-up. Nothing
 * depends on the archive: without it a run is only slower.
 */
public final class ClassDataTraining {
  private ClassDataTraining() {}

  /** Migrations in the shapes real ones take, so the parser, lock facts and rules all run. */
  private static final List<String> MIGRATIONS = List.of(
      """
      -- orders and customers
      CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
      CREATE TABLE orders (
        id bigint PRIMARY KEY,
        customer_id bigint NOT NULL REFERENCES customers (id),
        status text NOT NULL DEFAULT 'new',
        total numeric(10,2),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX orders_customer_idx ON orders (customer_id);
      """,
      """
      SET lock_timeout = '2s';
      SET statement_timeout = '30s';
      ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
      ALTER TABLE orders ADD COLUMN note varchar(40);
      ALTER TABLE orders ADD COLUMN amount integer NOT NULL DEFAULT 0;
      ALTER TABLE orders ALTER COLUMN note TYPE text;
      ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
      ALTER TABLE orders ADD CONSTRAINT orders_total_ck CHECK (total >= 0) NOT VALID;
      ALTER TABLE orders VALIDATE CONSTRAINT orders_total_ck;
      -- migsafe:ignore pg-add-column-volatile-default backfilled in the same release
      ALTER TABLE customers ADD COLUMN ref uuid DEFAULT gen_random_uuid();
      CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
      UPDATE orders SET status = 'done' WHERE created_at < now() - interval '30 days';
      DELETE FROM orders WHERE status = 'archived';
      INSERT INTO orders (id, customer_id) VALUES (1, 1);
      ALTER TABLE orders RENAME COLUMN note TO memo;
      ALTER TABLE orders DROP COLUMN memo;
      COMMENT ON TABLE orders IS 'customer orders';
      VACUUM FULL orders;
      THIS IS NOT SQL;
      """);


  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("migsafe-training");
    try {
      Path migrations = Files.createDirectories(dir.resolve("db/migration"));
      for (int i = 0; i < MIGRATIONS.size(); i++) {
        Files.writeString(migrations.resolve("V" + (i + 1) + "__training.sql"),
            MIGRATIONS.get(i));
      }
      Path config = Files.writeString(dir.resolve("training.yaml"),
          "engineVersion: 15\nfailOn: medium\nseverity:\n  pg-add-column-volatile-default: low\n");
      // The shipped records and a malformed one, in a folder: a catalog directory is what
      // gets a record cache.
      Path catalog = Files.createDirectories(dir.resolve("catalog/migrations")).getParent();
      for (Path record : CatalogLocation.shipped().files(CatalogLocation.MIGRATIONS)) {
        Files.copy(record, catalog.resolve("migrations/" + record.getFileName()));
      }
      Files.writeString(catalog.resolve("migrations/malformed.yaml"),
          "apiVersion: migsafe/v1\nkind: PastMigration\nid: malformed\n");
      String folder = migrations.toString();
      String file = migrations.resolve("V2__training.sql").toString();
      List<List<String>> runs = List.of(
          List.of("lint", folder),
          List.of("lint", "--verbose", file),
          List.of("lint", "--format", "json", folder),
          List.of("lint", "--format", "sarif", folder),
          List.of("lint", "--format", "json", "--out", dir.resolve("out.json").toString(), file),
          List.of("lint", "--engine-version", "10", file),
          List.of("lint", "--config", config.toString(), file),
          List.of("rules"),
          List.of("rules", "--format", "json"),
          List.of("rules", "explain", "pg-add-column-volatile-default"),
          // report twice: the first parses the records and writes the record cache, the
          // second reads it, which is what a large catalog does on every run.
          List.of("report", "--catalog", catalog.toString(), "--quarter", "2026-Q2"),
          List.of("report", "--catalog", catalog.toString(), "--quarter", "2026-Q2",
              "--format", "json"),
          List.of("report", "--catalog", catalog.toString(), "--quarter", "2026-Q2",
              "--format", "csv"),
          List.of("report", "--catalog", catalog.toString(), "--quarter", "2026-Q2",
              "--format", "html"),
          List.of("--help"),
          List.of("lint", "--no-such-option"));
      PrintWriter discard = new PrintWriter(Writer.nullWriter());
      for (List<String> run : runs) {
        Main.run(discard, discard, run.toArray(String[]::new));
      }
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.deleteIfExists(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
  }
}
