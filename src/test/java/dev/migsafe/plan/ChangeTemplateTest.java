package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Change;
import dev.migsafe.internal.plan.ChangeTemplate;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeTemplateTest {
  private static final Schema SCHEMA = SchemaReader.read("""
      CREATE TYPE payment_method AS ENUM ('card', 'sepa_debit', 'it''s');
      CREATE TABLE customers (id bigint PRIMARY KEY);
      CREATE TABLE order_lines (order_id bigint, line_no integer, PRIMARY KEY (order_id, line_no));
      CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers);
      """);

  @Test
  void aCreatedEnumListsEveryLabelAsItsOwnLiteral() {
    Change c = Change.of("create-enum", "payment_method")
        .withExpression("card, sepa_debit, it's");
    assertThat(ChangeTemplate.of(c, SCHEMA, SCHEMA, 5000)
        .fill("CREATE TYPE {table} AS ENUM ({value})"))
        .isEqualTo("CREATE TYPE \"payment_method\" AS ENUM ('card', 'sepa_debit', 'it''s')");
  }

  @Test
  void anAddedEnumValueIsOneLiteral() {
    Change c = Change.of("add-enum-value", "payment_method").withExpression("it's");
    assertThat(ChangeTemplate.of(c, SCHEMA, SCHEMA, 5000).fill("ADD VALUE {value}"))
        .isEqualTo("ADD VALUE 'it''s'");
  }

  @Test
  void referencesWithoutColumnsMeanThePrimaryKey() {
    Change single = Change.of("add-foreign-key", "orders").withColumns(List.of("customer_id"))
        .withReference("customers", List.of());
    Change composite = Change.of("add-foreign-key", "shipments")
        .withColumns(List.of("order_id", "line_no")).withReference("order_lines", List.of());
    String t = "REFERENCES {refTable} ({refColumns})";
    assertThat(ChangeTemplate.of(single, SCHEMA, SCHEMA, 5000).fill(t))
        .isEqualTo("REFERENCES \"customers\" (\"id\")");
    assertThat(ChangeTemplate.of(composite, SCHEMA, SCHEMA, 5000).fill(t))
        .isEqualTo("REFERENCES \"order_lines\" (\"order_id\", \"line_no\")");
  }
}
