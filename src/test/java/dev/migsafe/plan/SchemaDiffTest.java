package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Change;
import dev.migsafe.api.MigrationPacket.Rename;
import dev.migsafe.internal.plan.SchemaDiff;
import dev.migsafe.internal.schema.SchemaReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

  private static List<String> diff(String current, String target, Rename... hints) {
    return SchemaDiff.diff(SchemaReader.read(current), SchemaReader.read(target), List.of(hints))
        .stream().map(SchemaDiffTest::describe).toList();
  }

  private static String describe(Change c) {
    StringBuilder sb = new StringBuilder(c.id() + " " + c.kind() + " " + c.table());
    if (c.column() != null) {
      sb.append('.').append(c.column());
    }
    if (c.to() != null) {
      sb.append(" -> ").append(c.to());
    }
    if (c.kind().equals("change-type")) {
      sb.append(' ').append(c.fromType()).append(" -> ").append(c.toType());
    }
    if (c.columns() != null) {
      sb.append(' ').append(c.columns());
    }
    if (c.refTable() != null) {
      sb.append(" references ").append(c.refTable()).append(c.refColumns());
    }
    return sb.toString();
  }

  @Test
  void aCheckWrittenOnAColumnIsTheSameCheckAddedByAlterTable() {
    String onColumn = "CREATE TABLE orders (id bigint PRIMARY KEY, "
        + "status text CHECK (status IN ('new', 'paid')));";
    String added = "CREATE TABLE orders (id bigint PRIMARY KEY, status text); ALTER TABLE orders "
        + "ADD CONSTRAINT orders_status_check CHECK (status IN ('new', 'paid'));";
    assertThat(diff(added, onColumn)).isEmpty();
    assertThat(diff(onColumn, added)).isEmpty();
    assertThat(diff(added, onColumn.replace("'paid'", "'shipped'"))).hasSize(2);
  }

  @Test
  void renameHintTurnsDropAndAddIntoARename() {
    String cur = "CREATE TABLE orders (id bigint PRIMARY KEY, email text);";
    String tgt = "CREATE TABLE orders (id bigint PRIMARY KEY, customer_email text);";
    assertThat(diff(cur, tgt)).containsExactly("c1 add-column orders.customer_email",
        "c2 drop-column orders.email");
    assertThat(diff(cur, tgt, new Rename("orders", "email", "customer_email")))
        .containsExactly("c1 rename-column orders.email -> customer_email");
  }

  @Test
  void typesNullabilityDefaultsConstraintsAndIndexes() {
    String cur = """
        CREATE TABLE customers (id bigint PRIMARY KEY);
        CREATE TABLE orders (id integer PRIMARY KEY, customer_id bigint, status text, note text DEFAULT 'x');
        CREATE INDEX orders_status_idx ON orders (status);
        """;
    String tgt = """
        CREATE TABLE customers (id bigint PRIMARY KEY);
        CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text DEFAULT 'new', note text,
          CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id),
          CONSTRAINT orders_status_check CHECK (status IN ('new', 'paid')));
        CREATE UNIQUE INDEX orders_customer_status_key ON orders (customer_id, status);
        """;
    assertThat(diff(cur, tgt)).containsExactly(
        "c1 change-type orders.id integer -> bigint",
        "c2 set-not-null orders.customer_id",
        "c3 set-default orders.status",
        "c4 drop-default orders.note",
        "c5 add-foreign-key orders [customer_id] references customers[id]",
        "c6 add-check orders []",
        "c7 add-index orders [customer_id, status]",
        "c8 drop-index orders [status]");
  }

  @Test
  void tablesAndEnums() {
    String cur = """
        CREATE TYPE mood AS ENUM ('sad', 'ok');
        CREATE TABLE legacy (id bigint PRIMARY KEY);
        CREATE TABLE old_name (id bigint PRIMARY KEY);
        """;
    String tgt = """
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        CREATE TABLE new_name (id bigint PRIMARY KEY);
        CREATE TABLE audit (id bigint PRIMARY KEY);
        """;
    assertThat(diff(cur, tgt, new Rename("old_name", null, "new_name"))).containsExactly(
        "c1 add-enum-value mood",
        "c2 create-table audit",
        "c3 rename-table old_name -> new_name",
        "c4 drop-table legacy");
  }

  @Test
  void identicalSchemasHaveNoChanges() {
    String s = "CREATE TABLE t (id bigint PRIMARY KEY, a text NOT NULL DEFAULT 'x');"
        + "CREATE INDEX t_a_idx ON t (a);";
    assertThat(diff(s, s)).isEmpty();
  }
}
