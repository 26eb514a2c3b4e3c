package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record that names a change kind by a synonym is searched and counted, and the commands
 * that read the catalog say where to fix it, on standard error.
 */
class CatalogWarningsTest {
  @TempDir Path dir;

  private Path catalog() throws IOException {
    Path f = dir.resolve("migrations/idx.yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, """
        apiVersion: migsafe/v1
        kind: PastMigration
        id: idx
        title: Index on orders.customer_id
        team: team-a
        dialect: postgresql
        engineVersion: "16"
        date: 2026-08-04
        tables: [orders]
        changes: [create-index]
        sql: CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);
        outcome: {status: success}
        """);
    return f;
  }

  @Test
  void similarFindsTheRecordAndWarns() throws IOException {
    Path f = catalog();
    CliRunner.Run r = CliRunner.run("similar", "--catalog", dir.toString(), "--format", "json",
        "--sql", write("q.sql", "CREATE INDEX CONCURRENTLY i ON orders (customer_id);"));
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("\"id\" : \"idx\"");
    assertThat(r.err()).contains("migsafe: warning: " + f + ":10:11: changes[0]: "
        + "'create-index' is read as 'add-index'");
  }

  @Test
  void reportCountsTheRecordAndWarns() throws IOException {
    Path f = catalog();
    CliRunner.Run r = CliRunner.run("report", "--catalog", dir.toString(), "--quarter",
        "2026-Q3", "--format", "csv");
    assertThat(r.exit()).isZero();
    // Counted among the quarter's migrations, not left out as malformed.
    assertThat(r.out()).contains("2026-Q3,2026-07-01,2026-09-30,(all),1,");
    assertThat(r.err()).contains("migsafe: warning: " + f + ":10:11: changes[0]: "
        + "'create-index' is read as 'add-index'");
  }

  private String write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }
}
