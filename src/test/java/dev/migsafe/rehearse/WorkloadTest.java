package dev.migsafe.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.rehearse.ConnectionFactory;
import dev.migsafe.internal.rehearse.InsertRow;
import dev.migsafe.internal.rehearse.InsertRows;
import dev.migsafe.internal.rehearse.SyntheticData;
import dev.migsafe.internal.rehearse.QueryKind;
import dev.migsafe.internal.rehearse.Workload;
import dev.migsafe.internal.rehearse.Workload.QueryRate;
import dev.migsafe.internal.rehearse.WorkloadLimits;
import dev.migsafe.internal.rehearse.WorkloadStats;
import dev.migsafe.internal.rehearse.WorkloadTable;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import dev.migsafe.locks.PostgresServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The workload against a real server. Timing bounds are wide on purpose: the machine is small
 * and shared, and what matters is a lock wait of half a second standing out from queries that
 * take milliseconds.
 */
class WorkloadTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final String ORDERS = "CREATE TABLE orders (id integer PRIMARY KEY, total"
      + " integer); INSERT INTO orders SELECT g, g FROM generate_series(1, 1000) g";

  @Test
  void ratesAreScaledClampedAndCappedInTotal() {
    WorkloadLimits limits = new WorkloadLimits(0.01, 50, 60, Duration.ofSeconds(60));
    List<QueryRate> rates = Workload.rates(List.of(
        new WorkloadTable("hot", List.of("id"), 1000, 900_000, 0),
        new WorkloadTable("warm", List.of("id"), 1000, 2000, 5),
        new WorkloadTable("cold", List.of("id"), 1000, 0, 0)), limits);
    // hot reads 9000/s -> 50; warm reads 20/s; warm writes 0.05/s -> 1: 71/s, lowered to 60.
    assertThat(rates).extracting(r -> r.table().name() + " " + r.kind())
        .containsExactly("hot READ", "warm READ", "warm WRITE");
    double factor = 60.0 / 71.0;
    assertThat(rates).extracting(QueryRate::perSecond)
        .containsExactly(50 * factor, 20 * factor, 1 * factor);

    List<QueryRate> small = Workload.rates(List.of(
        new WorkloadTable("t", List.of(), 10, 3, 0.2)), WorkloadLimits.defaults());
    assertThat(small).extracting(QueryRate::perSecond).containsExactly(3.0, 1.0);
  }

  @Test
  void onlyLoopbackAddressesCount() {
    for (String host : new String[] {"localhost", "127.0.0.1", "127.3.2.1", "::1", "[::1]"}) {
      assertThat(ConnectionFactory.isLoopback(host)).as(host).isTrue();
    }
    for (String host : new String[] {"10.1.2.3", "db.staging.example.com", "::2", "", null}) {
      assertThat(ConnectionFactory.isLoopback(host)).as(host).isFalse();
    }
  }

  @Test
  void aServerElsewhereGetsNoWorkload() {
    AtomicBoolean opened = new AtomicBoolean();
    ConnectionFactory staging = new ConnectionFactory() {
      @Override
      public Connection open() throws SQLException {
        opened.set(true);
        throw new SQLException("must not connect");
      }

      @Override
      public String host() {
        return "10.1.2.3";
      }
    };
    Workload w = Workload.start(staging,
        List.of(new WorkloadTable("orders", List.of("id"), 10, 5, 5)), WorkloadLimits.defaults());
    assertThat(w.enabled()).isFalse();
    assertThat(w.disabledReason()).contains("loopback", "10.1.2.3");
    assertThat(opened).isFalse();
    assertThat(w.stop().queries()).isZero();
  }

  @Test
  void runsAtAboutTheRateAskedForWithAndWithoutKeys() throws Exception {
    DataSource db = database("CREATE TABLE keyed (id integer PRIMARY KEY, v text);"
        + " INSERT INTO keyed SELECT g, 'v' || g FROM generate_series(1, 1000) g;"
        + " CREATE TABLE bare (v text)");
    Workload w = Workload.start(local(db), List.of(
        new WorkloadTable("keyed", List.of("id"), 1000, 10, 5),
        new WorkloadTable("bare", List.of(), 0, 4, 4)), WorkloadLimits.defaults());
    Thread.sleep(1500);
    WorkloadStats stats = w.stop();
    // About 15 reads and 8 writes in 1.5 s; a loaded machine may run fewer, never many more.
    assertThat(stats.of("keyed", QueryKind.READ).queries()).isBetween(5L, 20L);
    assertThat(stats.of("keyed", QueryKind.WRITE).queries()).isBetween(2L, 12L);
    assertThat(stats.of("bare", QueryKind.WRITE).queries()).isBetween(2L, 10L);
    assertThat(stats.errors()).isZero();
  }

  @Test
  void aLockHeldByAStepShowsAsTheWaitOfThatInterval() throws Exception {
    DataSource db = database(ORDERS);
    Workload w = onOrders(db, 20);
    try (Connection step = db.getConnection(); Statement s = step.createStatement()) {
      Thread.sleep(300);
      long from = System.nanoTime();
      step.setAutoCommit(false);
      s.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
      Thread.sleep(500);
      step.commit();
      long to = System.nanoTime();
      Thread.sleep(300);
      long quietFrom = System.nanoTime();
      Thread.sleep(500);
      long quietTo = System.nanoTime();

      assertThat(w.maxWaitMillis(from, to)).isGreaterThanOrEqualTo(400);
      assertThat(w.maxWaitMillis(quietFrom, quietTo)).isLessThan(400);
      assertThat(w.errorsBetween(from, quietTo)).isEmpty();
    } finally {
      w.stop();
    }
  }

  @Test
  void aRenamedTableFailsItsQueriesButNotTheWorkload() throws Exception {
    DataSource db = database(ORDERS);
    Workload w = onOrders(db, 20);
    try (Connection step = db.getConnection(); Statement s = step.createStatement()) {
      Thread.sleep(300);
      long renamed = System.nanoTime();
      s.execute("ALTER TABLE orders RENAME TO orders_old");
      Thread.sleep(500);
      s.execute("ALTER TABLE orders_old RENAME TO orders");
      long back = System.nanoTime();
      Thread.sleep(300);
      long settled = System.nanoTime();
      Thread.sleep(500);

      assertThat(w.errorsBetween(renamed, back))
          .anySatisfy(e -> assertThat(e).startsWith("orders read: 42P01"))
          .anySatisfy(e -> assertThat(e).startsWith("orders write: 42P01"));
      // The statements are prepared again once the table is back.
      assertThat(w.errorsBetween(settled, System.nanoTime())).isEmpty();
    } finally {
      WorkloadStats stats = w.stop();
      assertThat(stats.errors()).isPositive();
      assertThat(stats.queries() - stats.errors()).isGreaterThan(stats.errors());
    }
  }

  @Test
  void insertsNewRowsAsTheOldApplicationWritesThem() throws Exception {
    String ddl = "CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);"
        + " CREATE TABLE orders (id serial PRIMARY KEY, customer_id bigint NOT NULL"
        + " REFERENCES customers (id), total integer NOT NULL CHECK (total >= 0), note text)";
    DataSource db = database(ddl);
    Schema schema = SchemaReader.read(ddl);
    Map<String, Long> requested = Map.of("customers", 200L, "orders", 1000L);
    List<String> notes = new ArrayList<>();
    Map<String, InsertRow> inserts;
    try (Connection c = db.getConnection()) {
      SyntheticData.fill(c, schema, requested);
      inserts = InsertRows.build(c, schema, schema, requested, notes);
    }
    assertThat(inserts).containsKeys("customers", "orders");
    assertThat(inserts.get("orders").sql()).as("the serial key is left to its sequence")
        .doesNotContain("\"id\"").contains("customer_id");
    Workload w = Workload.start(local(db), List.of(
        new WorkloadTable("customers", List.of("id"), 200, 0, 10, inserts.get("customers")),
        new WorkloadTable("orders", List.of("id"), 1000, 0, 10, inserts.get("orders"))),
        WorkloadLimits.defaults());
    try (Connection step = db.getConnection(); Statement s = step.createStatement()) {
      Thread.sleep(700);
      // A playbook's new column without a dual-write trigger: the old application leaves it
      // NULL in every row it inserts from now on.
      s.execute("ALTER TABLE orders ADD COLUMN total_cents bigint");
      Thread.sleep(1000);
    } finally {
      w.stop();
    }
    WorkloadStats stats = w.stop();
    assertThat(stats.of("orders", QueryKind.INSERT).queries()).isPositive();
    assertThat(stats.errors()).as("every inserted row is valid").isZero();
    assertThat(count(db, "SELECT count(*) FROM customers")).isGreaterThan(200);
    assertThat(count(db, "SELECT count(*) FROM orders")).isGreaterThan(1000);
    assertThat(count(db, "SELECT count(*) FROM orders WHERE total_cents IS NULL AND id > 1000"))
        .as("rows the old application inserted after the new column appeared").isPositive();
    assertThat(notes).isEmpty();
  }

  @Test
  void aTableWhoseUniqueValuesRunOutGetsNoInsertsAndANote() throws Exception {
    String ddl = "CREATE TABLE flags (code smallint PRIMARY KEY)";
    DataSource db = database(ddl);
    Schema schema = SchemaReader.read(ddl);
    List<String> notes = new ArrayList<>();
    try (Connection c = db.getConnection()) {
      SyntheticData.fill(c, schema, Map.of("flags", 100L));
      assertThat(InsertRows.build(c, schema, schema, Map.of("flags", 100L), notes)).isEmpty();
    }
    assertThat(notes).singleElement().asString().contains("flags", "unique values run out");
  }

  private static long count(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void stopClosesEveryConnection() throws Exception {
    DataSource db = database(ORDERS);
    Workload w = onOrders(db, 5);
    Thread.sleep(500);
    assertThat(workloadSessions(db)).isEqualTo(2);
    w.stop();
    // A backend leaves pg_stat_activity shortly after its client has gone.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (workloadSessions(db) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(workloadSessions(db)).isZero();
  }

  /** Reads and writes on orders by its key, each at {@code perSecond}. */
  private static Workload onOrders(DataSource db, double perSecond) {
    return Workload.start(local(db), List.of(new WorkloadTable("orders", List.of("id"), 1000,
        perSecond, perSecond)), WorkloadLimits.defaults());
  }

  private static long workloadSessions(DataSource db) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity"
            + " WHERE application_name = 'migsafe-workload' AND datname = current_database()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static ConnectionFactory local(DataSource db) {
    return new ConnectionFactory() {
      @Override
      public Connection open() throws SQLException {
        return db.getConnection();
      }

      @Override
      public String host() {
        return "localhost";
      }
    };
  }

  private static DataSource database(String setup) throws SQLException {
    String[] versions = PostgresServers.versions();
    EmbeddedPostgres pg = PostgresServers.server(versions[versions.length - 1]);
    String name = "workload_" + DATABASES.incrementAndGet();
    try (Connection admin = pg.getPostgresDatabase().getConnection();
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    }
    DataSource db = pg.getDatabase("postgres", name);
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute(setup);
    }
    return db;
  }
}
