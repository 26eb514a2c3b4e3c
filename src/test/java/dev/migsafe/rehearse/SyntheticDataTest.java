package dev.migsafe.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migsafe.api.MigrationPacket.TableProfile;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.rehearse.DataFill;
import dev.migsafe.internal.rehearse.SyntheticData;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import dev.migsafe.locks.PostgresServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fills real schemas on a real server. Constraint violations would make the inserts fail, so
 * the assertions look at what a passing fill could still get wrong: counts, NULL shares, where
 * foreign keys and partition keys point, sequences.
 */
class SyntheticDataTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private static final String SCHEMA = """
      CREATE TYPE mood AS ENUM ('happy', 'sad', 'meh');
      CREATE TABLE customers (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email varchar(120) NOT NULL UNIQUE,
        name text,
        country char(2) NOT NULL,
        mood mood NOT NULL,
        score numeric(5,2) CHECK (score >= 0 AND score <= 100),
        tier text NOT NULL CHECK (tier IN ('free', 'pro', 'o''brien')),
        code varchar(40) NOT NULL CHECK (char_length(code) <= 6),
        nickname text CHECK (nickname IS NOT NULL),
        motto text CHECK (motto ~ '^[A-Z]'),
        referrer_id bigint REFERENCES customers (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        email_lower text GENERATED ALWAYS AS (lower(email)) STORED
      );
      CREATE TABLE orders (
        id serial PRIMARY KEY,
        customer_id bigint NOT NULL REFERENCES customers (id),
        total numeric(12,2) NOT NULL CHECK (total > 0),
        quantity smallint NOT NULL CHECK (quantity BETWEEN 1 AND 5),
        discount integer CHECK (discount < 0),
        placed_at timestamp NOT NULL,
        shipped_at timestamp CHECK (shipped_at IS NULL OR shipped_at > placed_at),
        UNIQUE (customer_id, placed_at)
      );
      CREATE TABLE order_items (
        order_id integer NOT NULL REFERENCES orders (id),
        line smallint NOT NULL CHECK (line BETWEEN 1 AND 3),
        sku text NOT NULL,
        PRIMARY KEY (order_id, line)
      );
      CREATE TABLE week_slots (
        day smallint NOT NULL CHECK (day BETWEEN 1 AND 7),
        hour smallint NOT NULL CHECK (hour >= 0 AND hour < 24),
        open boolean NOT NULL,
        UNIQUE (day, hour)
      );
      CREATE TABLE kinds (
        i2 smallint, i4 integer, i8 bigint, num numeric, num52 numeric(5,2), r real,
        d double precision, t text, vc varchar(10), c char(3), b boolean, dt date,
        ts timestamp, tstz timestamptz, tm time, tmtz time with time zone, iv interval,
        u uuid UNIQUE, j json, jb jsonb, by bytea, ip inet, net cidr, m mood, tags text[],
        nums integer[], pt point
      );
      CREATE TABLE events (
        id bigint NOT NULL,
        happened_on date NOT NULL,
        customer_id bigint REFERENCES customers (id),
        PRIMARY KEY (id, happened_on)
      ) PARTITION BY RANGE (happened_on);
      CREATE TABLE events_2024_01 PARTITION OF events
        FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
      CREATE TABLE events_2024_02 PARTITION OF events
        FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
      CREATE TABLE ledger (id bigint PRIMARY KEY, amount integer NOT NULL)
        PARTITION BY RANGE (id);
      CREATE TABLE ledger_low PARTITION OF ledger FOR VALUES FROM (1) TO (1001);
      CREATE TABLE ledger_high PARTITION OF ledger FOR VALUES FROM (1001) TO (5001);
      CREATE TABLE readings (region text NOT NULL, value integer)
        PARTITION BY LIST (region);
      CREATE TABLE readings_eu PARTITION OF readings FOR VALUES IN ('eu', 'uk');
      CREATE TABLE readings_us PARTITION OF readings FOR VALUES IN ('us');
      """;

  private static String newest() {
    String[] versions = PostgresServers.versions();
    return versions[versions.length - 1];
  }

  @Test
  void fillsEveryTableWithinItsConstraints() throws SQLException {
    try (Connection c = database(newest(), SCHEMA)) {
      Map<String, Long> rows = new HashMap<>();
      for (String table : new String[] {"customers", "orders", "kinds", "events", "ledger",
          "readings"}) {
        rows.put(table, 1000L);
      }
      rows.put("order_items", 2500L);
      rows.put("week_slots", 500L);
      DataFill fill = SyntheticData.fill(c, SchemaReader.read(SCHEMA), rows);

      assertThat(count(c, "SELECT count(*) FROM customers")).isEqualTo(1000);
      assertThat(count(c, "SELECT count(*) FROM orders")).isEqualTo(1000);
      // 1000 orders times 3 lines leave room for 2500 distinct (order_id, line).
      assertThat(count(c, "SELECT count(*) FROM order_items")).isEqualTo(2500);
      assertThat(count(c, "SELECT count(DISTINCT line) FROM order_items")).isEqualTo(3);
      // 7 days times 24 hours: the unique set caps the rows, and the notes say so.
      assertThat(fill.rowsOf("week_slots")).isEqualTo(168);
      assertThat(fill.notes()).anySatisfy(n -> assertThat(n).contains("week_slots", "168"));
      assertThat(count(c, "SELECT count(*) FROM events_2024_01")).isGreaterThan(400);
      assertThat(count(c, "SELECT count(*) FROM events_2024_02")).isGreaterThan(400);
      assertThat(count(c, "SELECT count(*) FROM ledger_low")).isGreaterThan(400);
      assertThat(count(c, "SELECT count(*) FROM ledger_high")).isGreaterThan(400);
      assertThat(count(c, "SELECT count(DISTINCT region) FROM readings")).isEqualTo(3);

      // Plain nullable columns are about one tenth NULL; constrained ones never.
      assertThat(count(c, "SELECT count(*) FROM customers WHERE name IS NULL"))
          .isBetween(50L, 150L);
      assertThat(count(c, "SELECT count(*) FROM kinds WHERE ts IS NULL")).isBetween(50L, 150L);
      assertThat(count(c, "SELECT count(*) FROM customers WHERE score IS NULL"
          + " OR nickname IS NULL")).isZero();
      // A CHECK migsafe cannot read leaves its nullable column NULL, with a note.
      assertThat(count(c, "SELECT count(*) FROM customers WHERE motto IS NOT NULL")).isZero();
      assertThat(fill.notes()).anySatisfy(n -> assertThat(n).contains("motto", "CHECK"));
      assertThat(count(c, "SELECT count(*) FROM kinds WHERE pt IS NOT NULL")).isZero();
      assertThat(fill.notes()).anySatisfy(n -> assertThat(n).contains("kinds.pt", "point"));
      // Every other supported type gets values, NULL in other rows for each column.
      for (String column : new String[] {"i2", "i4", "i8", "num", "num52", "r", "d", "t", "vc",
          "c", "b", "dt", "tstz", "tm", "tmtz", "iv", "j", "jb", "by", "ip", "net", "m", "tags",
          "nums"}) {
        assertThat(count(c, "SELECT count(*) FROM kinds WHERE " + column + " IS NULL"))
            .as(column).isBetween(50L, 150L);
      }
      assertThat(count(c, "SELECT count(*) FROM kinds WHERE i2 IS NULL AND i4 IS NULL"))
          .isZero();
      assertThat(count(c, "SELECT count(DISTINCT u) FROM kinds")).isEqualTo(1000);
      assertThat(count(c, "SELECT count(DISTINCT tier) FROM customers")).isEqualTo(3);
      assertThat(count(c, "SELECT count(*) FROM customers WHERE email_lower <> lower(email)"))
          .isZero();

      // Foreign keys point at existing rows and spread over the parents.
      assertThat(count(c, "SELECT count(*) FROM orders o LEFT JOIN customers c"
          + " ON c.id = o.customer_id WHERE c.id IS NULL")).isZero();
      assertThat(count(c, "SELECT count(DISTINCT customer_id) FROM orders")).isEqualTo(1000);
      assertThat(count(c, "SELECT count(DISTINCT order_id) FROM order_items")).isEqualTo(1000);
      assertThat(count(c, "SELECT count(*) FROM customers WHERE referrer_id IS NULL"))
          .isEqualTo(1);
      assertThat(count(c, "SELECT count(*) FROM events e JOIN customers c"
          + " ON c.id = e.customer_id")).isEqualTo(1000);

      // Sequences are past the generated keys: defaults work afterwards.
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO customers (email, country, mood, tier, code, nickname)"
            + " VALUES ('new@example.com', 'de', 'sad', 'pro', 'x', 'n')");
        s.execute("INSERT INTO orders (customer_id, total, quantity, placed_at)"
            + " VALUES (1, 1, 1, now())");
      }
      assertThat(fill.tables()).extracting(DataFill.TableFill::table)
          .containsSubsequence("customers", "orders", "order_items");
    }
  }

  @Test
  void theOldestServerFillsTooWithoutGeneratedColumns() throws SQLException {
    String[] versions = PostgresServers.oldestAndNewest();
    String ddl = """
        CREATE TYPE state AS ENUM ('new', 'done');
        CREATE TABLE parents (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          state state NOT NULL, label varchar(5));
        CREATE TABLE children (id bigserial PRIMARY KEY,
          parent_id integer NOT NULL REFERENCES parents (id), size integer CHECK (size > 10));
        CREATE TABLE logs (at timestamptz NOT NULL, line text) PARTITION BY RANGE (at);
        CREATE TABLE logs_2024 PARTITION OF logs
          FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');
        """;
    try (Connection c = database(versions[0], ddl)) {
      DataFill fill = SyntheticData.fill(c, SchemaReader.read(ddl),
          Map.of("parents", 300L, "children", 600L, "logs", 200L));
      assertThat(fill.tables()).extracting(DataFill.TableFill::rows)
          .containsExactly(300L, 600L, 200L);
      assertThat(count(c, "SELECT min(size) FROM children")).isGreaterThan(10);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO parents (state) VALUES ('done')");
        s.execute("INSERT INTO children (parent_id) VALUES (1)");
      }
    }
  }

  @Test
  void aCheckItCannotReadOnANotNullColumnAsksForTheTeamsData() throws SQLException {
    String ddl = "CREATE TABLE codes (id integer PRIMARY KEY,"
        + " code text NOT NULL CONSTRAINT code_shape CHECK (code ~ '^[A-Z]{3}$'))";
    try (Connection c = database(newest(), ddl)) {
      Schema schema = SchemaReader.read(ddl);
      assertThatThrownBy(() -> SyntheticData.fill(c, schema, Map.of("codes", 10L)))
          .isInstanceOfSatisfying(MigsafeException.class,
              e -> assertThat(e.kind()).isEqualTo(MigsafeException.Kind.BAD_INPUT))
          .hasMessageContaining("codes")
          .hasMessageContaining("code_shape")
          .hasMessageContaining("--data");
    }
  }

  @Test
  void rowsForIsTheScaleUnlessThePacketKnowsFewer() {
    assertThat(SyntheticData.rowsFor(null, 100_000)).isEqualTo(100_000);
    assertThat(SyntheticData.rowsFor(new TableProfile(120_000_000L, null, null, null, null),
        100_000)).isEqualTo(100_000);
    assertThat(SyntheticData.rowsFor(new TableProfile(40L, null, null, null, null), 100_000))
        .isEqualTo(40);
  }

  @Test
  void loadRunsTheFileAndPointsAtTheRejectedToken(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("sample.sql");
    Files.writeString(good, "CREATE TABLE t (id integer);\nINSERT INTO t VALUES (1), (2);\n");
    Path bad = dir.resolve("bad.sql");
    Files.writeString(bad, "INSERT INTO t VALUES (3);\n\n-- the second row is wrong\n"
        + "INSERT INTO t VALUES\n  (4), ('x');\n");
    try (Connection c = database(newest(), "SELECT 1")) {
      SyntheticData.load(c, good);
      assertThat(count(c, "SELECT count(*) FROM t")).isEqualTo(2);
      assertThatThrownBy(() -> SyntheticData.load(c, bad))
          .isInstanceOfSatisfying(MigsafeException.class,
              e -> assertThat(e.kind()).isEqualTo(MigsafeException.Kind.BAD_INPUT))
          .hasMessage(bad + ":5:9: invalid input syntax for type integer: \"x\"");
    }
  }

  /** A new database on the server of {@code version} with {@code ddl} run in it. */
  private static Connection database(String version, String ddl) throws SQLException {
    EmbeddedPostgres pg = PostgresServers.server(version);
    String name = "synthetic_" + DATABASES.incrementAndGet();
    try (Connection admin = pg.getPostgresDatabase().getConnection();
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    }
    Connection c = pg.getDatabase("postgres", name).getConnection();
    try (Statement s = c.createStatement()) {
      s.execute(ddl);
    }
    return c;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
