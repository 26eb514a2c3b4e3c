package dev.migsafe.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import dev.migsafe.internal.schema.View;
import dev.migsafe.internal.schema.View.Grant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schema model's views: their bodies, the columns they read, their grants. */
class SchemaViewsTest {
  private static final String TABLES = """
      CREATE TABLE invoices (id bigint PRIMARY KEY, currency char(3) NOT NULL,
        amount numeric(10,2) NOT NULL, note text, issued_at timestamptz NOT NULL);
      CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
      """;

  @Test
  void aViewKeepsItsBodyVerbatimAndReadsOnlyTheColumnsItNames() {
    Schema s = SchemaReader.read(TABLES + """
        CREATE OR REPLACE VIEW revenue (m, cur, total) AS
          SELECT date_trunc('month', i.issued_at), i.currency, sum(i."amount")
          FROM invoices i GROUP BY 1, 2
          WITH CASCADED CHECK OPTION;
        """);
    View v = s.views().get("revenue");
    assertThat(v.body()).isEqualTo("""
        SELECT date_trunc('month', i.issued_at), i.currency, sum(i."amount")
          FROM invoices i GROUP BY 1, 2
          WITH CASCADED CHECK OPTION""");
    assertThat(v.columnNames()).containsExactly("m", "cur", "total");
    assertThat(v.materialized()).isFalse();
    assertThat(v.columnsUsed()).isEqualTo(Map.of("invoices",
        Set.of("issued_at", "currency", "amount")));
    assertThat(v.reads("invoices", "note")).isFalse();
  }

  @Test
  void aViewOnAnotherViewAndAStarViewAreFoundThroughTheColumn() {
    Schema s = SchemaReader.read(TABLES + """
        CREATE VIEW everything AS SELECT * FROM customers;
        CREATE VIEW revenue AS SELECT currency, sum(amount) AS total FROM invoices GROUP BY 1;
        CREATE VIEW big AS SELECT r.currency FROM revenue r WHERE r.total > 100;
        CREATE VIEW unrelated AS SELECT note, count(*) AS n, 2 * 3 AS six FROM invoices GROUP BY 1;
        CREATE VIEW qualified AS SELECT c.* FROM customers c;
        """);
    assertThat(s.views().get("everything").columnsUsed())
        .isEqualTo(Map.of("customers", Set.of("id", "name")));
    assertThat(s.views().get("big").viewsUsed()).containsExactly("revenue");
    assertThat(s.viewsReading("invoices", "amount")).extracting(View::name)
        .containsExactly("revenue", "big");
    assertThat(s.viewsReading("customers", "name")).extracting(View::name)
        .containsExactly("everything", "qualified");
    // count(*) and a product read no column of their own.
    assertThat(s.views().get("unrelated").columnsUsed()).isEqualTo(Map.of("invoices",
        Set.of("note")));
    assertThat(s.viewsReading("invoices", "issued_at")).isEmpty();
  }

  @Test
  void grantsAndRevokesOnViewsAreKeptByGrantee() {
    Schema s = SchemaReader.read(TABLES + """
        CREATE VIEW revenue AS SELECT currency, sum(amount) AS total FROM invoices GROUP BY 1;
        GRANT SELECT, INSERT ON TABLE revenue TO PUBLIC, "Reporting", GROUP auditors
          WITH GRANT OPTION;
        GRANT SELECT (currency) ON revenue TO clerk;
        GRANT ALL PRIVILEGES ON revenue TO admin;
        REVOKE INSERT ON revenue FROM PUBLIC;
        REVOKE GRANT OPTION FOR SELECT ON revenue FROM auditors;
        GRANT SELECT ON invoices TO reporting;
        """);
    assertThat(s.views().get("revenue").grants()).containsExactlyInAnyOrder(
        new Grant("SELECT", "PUBLIC"), new Grant("SELECT", "Reporting"),
        new Grant("INSERT", "Reporting"), new Grant("SELECT", "auditors"),
        new Grant("INSERT", "auditors"), new Grant("ALL", "admin"));
    s.apply(op("REVOKE ALL ON revenue FROM admin, \"Reporting\""));
    assertThat(s.views().get("revenue").grants()).containsExactlyInAnyOrder(
        new Grant("SELECT", "PUBLIC"), new Grant("SELECT", "auditors"),
        new Grant("INSERT", "auditors"));
  }

  @Test
  void replacingKeepsGrantsDroppingForgetsThemAndARenameCarriesTheViewAlong() {
    Schema s = SchemaReader.read(TABLES + """
        CREATE VIEW revenue AS SELECT currency, sum(amount) AS total FROM invoices GROUP BY 1;
        GRANT SELECT ON revenue TO PUBLIC;
        CREATE OR REPLACE VIEW revenue AS SELECT currency, sum(amount) AS total, count(*) AS n
          FROM invoices GROUP BY 1;
        ALTER TABLE invoices RENAME COLUMN amount TO amount_old;
        """);
    View v = s.views().get("revenue");
    assertThat(v.grants()).containsExactly(new Grant("SELECT", "PUBLIC"));
    assertThat(v.body()).contains("count(*) AS n");
    assertThat(s.viewsReading("invoices", "amount_old")).containsExactly(v);
    assertThat(s.viewsReading("invoices", "amount")).isEmpty();
    SchemaReader.apply(s, "DROP VIEW revenue; CREATE VIEW revenue AS SELECT 1 AS one;");
    assertThat(s.views().get("revenue").grants()).isEmpty();
    assertThat(s.copy().views()).containsOnlyKeys("revenue");
  }

  @Test
  void aMaterializedViewIsAViewWithStorage() {
    Schema s = SchemaReader.read(TABLES + """
        CREATE MATERIALIZED VIEW IF NOT EXISTS monthly AS
          SELECT currency, sum(amount) AS total FROM invoices GROUP BY 1 WITH NO DATA;
        """);
    View v = s.views().get("monthly");
    assertThat(v.materialized()).isTrue();
    assertThat(v.withNoData()).isTrue();
    assertThat(v.body()).endsWith("GROUP BY 1");
    assertThat(s.viewsReading("invoices", "amount")).containsExactly(v);
    SchemaReader.apply(s, "DROP MATERIALIZED VIEW monthly");
    assertThat(s.views()).isEmpty();
    // A view's query may begin with a CTE named data; only a materialized view ends WITH DATA.
    SchemaReader.apply(s, "CREATE VIEW d AS WITH data AS (SELECT amount FROM invoices) "
        + "SELECT amount FROM data");
    assertThat(s.views().get("d").body()).isEqualTo(
        "WITH data AS (SELECT amount FROM invoices) SELECT amount FROM data");
    assertThat(s.viewsReading("invoices", "amount")).extracting(View::name).containsExactly("d");
  }

  private static dev.migsafe.internal.sql.Operation op(String sql) {
    return dev.migsafe.internal.sql.PgStatementReader.read(
        dev.migsafe.internal.sql.SqlSplitter.split(sql).get(0)).operations().get(0);
  }
}
