package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.plan.PacketLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacketLoaderTest {
  @TempDir Path dir;

  private static final String CURRENT = """
      CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, email text, total numeric(12,2));
      """;
  private static final String TARGET = """
      CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, customer_email text, total numeric(12,2));
      """;

  private Path packet(String yaml) throws IOException {
    Files.createDirectories(dir.resolve("schema"));
    Files.writeString(dir.resolve("schema/current.sql"), CURRENT);
    Files.writeString(dir.resolve("schema/target.sql"), TARGET);
    Path p = dir.resolve("packet.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  @Test
  void loadsTheSpecExample() throws IOException {
    Path p = packet("""
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: orders-customer-email
        title: Move customer email onto orders
        owner: team-payments
        reviewers: [dba-oncall]
        dialect: postgresql
        engineVersion: "15"
        schema:
          current: schema/current.sql
          target: schema/target.sql
        renames:
          - {table: orders, from: email, to: customer_email}
        tables:
          orders: {rows: 120000000, sizeGb: 48, writesPerSecond: 900, readsPerSecond: 5000, partitioned: false}
        traffic:
          timezone: Europe/Berlin
          peakWindows:
            - {days: [mon, tue, wed, thu, fri], from: "08:00", to: "20:00"}
          maintenanceWindows:
            - {days: [sun], from: "02:00", to: "04:00"}
        consumers:
          - service: billing-api
            owner: team-billing
            reads: [orders.email, orders.total]
            writes: [orders]
            acknowledged: false
        constraints: {downtimeTolerance: 0s, maxLockWait: 2s, maxStatementTime: 30s, replicationLagLimit: 10s, compliance: [pii], criticality: high}
        invariants:
          - id: order-has-customer
            sql: SELECT count(*) FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE c.id IS NULL
            expect: 0
          - id: some-orders
            sql: SELECT count(*) FROM orders
            expect: {min: 1}
            phase: after-cutover
        backfill: {batchSize: 5000, pauseBetweenBatches: 200ms}
        watch:
          duration: 48h
          onCall: payments-oncall
          alerts:
            - {metric: error_rate, threshold: "1%"}
        """);
    MigrationPacket m = PacketLoader.load(p);
    assertThat(m.id()).isEqualTo("orders-customer-email");
    assertThat(m.schema().current()).contains("CREATE TABLE orders");
    assertThat(m.renames().get(0).to()).isEqualTo("customer_email");
    assertThat(m.tables().get("orders").rows()).isEqualTo(120_000_000L);
    assertThat(m.traffic().peakWindows().get(0).days()).contains(DayOfWeek.MONDAY);
    assertThat(m.constraints().maxLockWait()).isEqualTo(Duration.ofSeconds(2));
    assertThat(m.invariants().get(1).min()).isEqualTo(1.0);
    assertThat(m.invariants().get(0).phase()).isEqualTo("always");
    assertThat(m.backfill().pauseBetweenBatches()).isEqualTo(Duration.ofMillis(200));
    assertThat(m.watch().duration()).isEqualTo(Duration.ofHours(48));
  }

  @Test
  void reportsEveryProblemAtOnceWithPlaceAndPath() throws IOException {
    Path p = packet("""
        apiVersion: migsafe/v2
        kind: MigrationPacket
        id: Orders Email
        dialect: oracle
        schema:
          current: schema/current.sql
          target: schema/missing.sql
        tables:
          ordrs: {rows: many}
        consumers:
          - service: billing-api
            owner: team-billing
            reads: [orders.emial]
        constraints: {maxLockWait: soon}
        invariants:
          - {id: x, sql: "SELEC 1", expect: 0, phase: later}
        colour: blue
        """);
    assertThatThrownBy(() -> PacketLoader.load(p))
        .isInstanceOf(MigsafeException.class)
        .satisfies(e -> assertThat(((MigsafeException) e).kind())
            .isEqualTo(MigsafeException.Kind.BAD_INPUT))
        .hasMessageContaining(p + ":1:13: apiVersion: must be migsafe/v1")
        .hasMessageContaining(":3:5: id: 'Orders Email' must match")
        .hasMessageContaining("owner: is required")
        .hasMessageContaining(":4:10: dialect: 'oracle' is not one of mysql, postgresql")
        .hasMessageContaining(":7:11: schema.target: file 'schema/missing.sql' not found")
        .hasMessageContaining(":9:10: tables.ordrs: 'ordrs' is not a table")
        .hasMessageContaining("tables.ordrs.rows: 'many' is not a whole number")
        .hasMessageContaining(":13:13: consumers[0].reads[0]: 'orders.emial' is not a column of the current or target schema")
        .hasMessageContaining("constraints.maxLockWait: 'soon' is not a duration")
        .hasMessageContaining("invariants[0].sql: must be a SELECT or WITH ... SELECT, not SELEC")
        .hasMessageContaining("invariants[0].phase: 'later' is not one of")
        .hasMessageContaining(":17:1: colour: unknown field");
  }

  @Test
  void jsonPacketsLoadToo() throws IOException {
    Path p = packet("""
        {"apiVersion": "migsafe/v1", "kind": "MigrationPacket", "id": "j1", "owner": "t",
         "dialect": "postgresql", "schema": {"current": "schema/current.sql", "target": "schema/target.sql"}}
        """);
    assertThat(PacketLoader.load(p).id()).isEqualTo("j1");
  }

  @Test
  void notYamlAtAll() throws IOException {
    Path p = packet("apiVersion: [unclosed\n");
    assertThatThrownBy(() -> PacketLoader.load(p)).hasMessageContaining("not valid YAML");
  }

  @Test
  void yamlTagsAreNotConstructed() throws IOException {
    Path p = packet("""
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://localhost/"]]]]
        owner: t
        dialect: postgresql
        schema: {current: schema/current.sql, target: schema/target.sql}
        """);
    // SnakeYAML 2 refuses global tags outright: nothing is ever constructed from a tag.
    assertThatThrownBy(() -> PacketLoader.load(p)).hasMessageContaining(":3:5: not valid YAML")
        .hasMessageContaining("Global tag is not allowed");
  }
}
