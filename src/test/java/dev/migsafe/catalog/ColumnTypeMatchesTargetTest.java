package dev.migsafe.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Change;
import dev.migsafe.api.Plan;
import dev.migsafe.internal.catalog.CatalogLoader;
import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.catalog.TemplateValidations;
import dev.migsafe.locks.PostgresServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code column-type-matches-target} template on a real server: it compares the
 * type as {@code format_type} prints it with the packet's target type spelled the same way, so
 * a correct end state passes whatever alias the packet used, and a wrong length, precision or
 * type fails. information_schema's {@code data_type} ({@code numeric}, {@code USER-DEFINED})
 * could do neither.
 */
class ColumnTypeMatchesTargetTest {
  private static final String DDL = """
      CREATE TYPE order_status AS ENUM ('placed', 'paid');
      CREATE TABLE orders (
        id bigint PRIMARY KEY,
        total numeric(14,2),
        email varchar(40),
        status order_status,
        buyer_id bigint,
        placed_at timestamptz,
        small_total numeric(12,2),
        short_email varchar(20),
        status_text text,
        legacy_id integer,
        local_time timestamp
      );
      """;

  /** column of the end state, the target type as a packet may write it */
  private static final List<String[]> CORRECT = List.of(
      new String[] {"total", "numeric(14, 2)"},
      new String[] {"total", "DECIMAL(14,2)"},
      new String[] {"email", "varchar(40)"},
      new String[] {"email", "character varying (40)"},
      new String[] {"status", "order_status"},
      new String[] {"buyer_id", "int8"},
      new String[] {"buyer_id", "bigint"},
      new String[] {"placed_at", "timestamptz"},
      new String[] {"placed_at", "timestamp with time zone"});

  private static final List<String[]> WRONG = List.of(
      new String[] {"small_total", "numeric(14,2)"},
      new String[] {"short_email", "varchar(40)"},
      new String[] {"status_text", "order_status"},
      new String[] {"legacy_id", "bigint"},
      new String[] {"local_time", "timestamptz"});

  @Test
  void theCorrectEndStatePassesAndAWrongTypeFails() throws SQLException {
    for (String version : PostgresServers.oldestAndNewest()) {
      try (Connection c = database(version)) {
        for (String[] t : CORRECT) {
          assertThat(run(c, t[0], t[1])).as("%s as %s on %s", t[0], t[1], version)
              .isEqualTo(1);
        }
        for (String[] t : WRONG) {
          assertThat(run(c, t[0], t[1])).as("%s as %s on %s", t[0], t[1], version)
              .isEqualTo(0);
        }
      }
    }
  }

  /** The template for a change of {@code column} to {@code target}, run: 1 when it matches. */
  private static long run(Connection c, String column, String target) throws SQLException {
    Change change = Change.of("change-type", "orders").withId("c1").withColumn(column)
        .withTypes("text", target);
    var templates = CatalogLoader.load(CatalogLocation.resolve(Path.of("catalog"))).catalog()
        .validations().stream().filter(t -> t.id().equals("column-type-matches-target"))
        .toList();
    Plan.Validation v = TemplateValidations.of(List.of(change), templates, "postgresql").stream()
        .map(TemplateValidations.Filled::validation).findFirst().orElseThrow();
    assertThat(v.sql()).contains("format_type(a.atttypid, a.atttypmod)");
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(v.sql())) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Connection database(String version) throws SQLException {
    EmbeddedPostgres pg = PostgresServers.server(version);
    try (Connection admin = pg.getPostgresDatabase().getConnection();
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS column_types");
      s.execute("CREATE DATABASE column_types");
    }
    Connection c = pg.getDatabase("postgres", "column_types").getConnection();
    try (Statement s = c.createStatement()) {
      s.execute(DDL);
    }
    return c;
  }
}
