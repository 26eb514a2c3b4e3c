package dev.migsafe.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.PgStatementReader;
import dev.migsafe.internal.sql.QueryNames;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SourceTables;
import dev.migsafe.internal.sql.SqlSplitter;
import dev.migsafe.internal.sql.StatementParser;
import dev.migsafe.internal.sql.StatementRead;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lint asks JSqlParser only about statements whose tokens can name another relation. For every
 * other statement the reader understood, what lint took from JSqlParser's tree must be what it
 * now takes from the reader: the tables read (less the ones the statement creates) and, for
 * UPDATE and DELETE, whether there is a WHERE clause.
 */
class SourceTablesTest {
  @Test
  void withoutARelationClauseTheReaderTellsWhatJsqlParsersTreeTold() {
    Set<String> corpus = SqlCorpus.scripts(List.of(
        "INSERT INTO orders (id, at) VALUES (1, now()::timestamp with time zone)",
        "INSERT INTO public.orders VALUES (1) ON CONFLICT (id) DO UPDATE SET n = 2 WHERE orders.n < 2",
        "INSERT INTO \"Mixed\".\"Case\" (a) VALUES (1) RETURNING a",
        "INSERT INTO app.orders DEFAULT VALUES",
        "UPDATE orders SET status = 'done'",
        "UPDATE public.orders SET status = 'done' WHERE (id > 1)",
        "UPDATE \"Orders\" SET n = n + 1 WHERE id BETWEEN 1 AND 1000",
        "DELETE FROM orders",
        "DELETE FROM app.orders WHERE id IN (1, 2)",
        "DELETE FROM pg_largeobject WHERE loid = 1",
        "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY, x int REFERENCES u)",
        "CREATE TEMP TABLE t (id int) ON COMMIT DROP",
        "CREATE TABLE public.t (LIKE u INCLUDING ALL)",
        "CREATE TABLE t PARTITION OF u FOR VALUES FROM (1) TO (10)"));

    List<String> differences = new ArrayList<>();
    int compared = 0;
    for (String script : corpus) {
      for (SourceStatement st : SqlSplitter.split(script)) {
        StatementRead read = PgStatementReader.read(st);
        if (read.syntaxError() != null || !read.recognized()
            || !SourceTables.READING_KINDS.contains(read.kind())
            || SourceTables.needsQueryTree(read.kind(), st.tokens())) {
          continue;
        }
        StatementParser.Parse parse = StatementParser.parse(st.text());
        if (!parse.ok()) {
          continue; // lint took nothing from a tree it did not get
        }
        compared++;
        Set<String> created = new HashSet<>();
        for (Operation op : read.operations()) {
          created.add(op.getKind().equals("create-table") ? op.getTable() : op.getObjectName());
        }
        Set<String> fromTree = new HashSet<>(
            QueryNames.of(parse.statement()).map(QueryNames::tables).orElse(Set.of()));
        Set<String> fromReader = new HashSet<>(SourceTables.targets(read.operations()));
        fromTree.removeAll(created);
        fromReader.removeAll(created);
        if (!fromTree.equals(fromReader)) {
          differences.add(st.text() + "\n  tree: " + fromTree + "\n  reader: " + fromReader);
        }
        Boolean where = StatementParser.hasWhere(parse.statement());
        for (Operation op : read.operations()) {
          if (where != null && op.isHasWhere() != where) {
            differences.add(st.text() + "\n  WHERE in the tree: " + where + ", reader: "
                + op.isHasWhere());
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(100);
    assertThat(differences).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO orders SELECT * FROM old_orders",
      "INSERT INTO orders (id) VALUES ((SELECT max(id) FROM old_orders))",
      "INSERT INTO orders TABLE old_orders",
      "UPDATE orders SET n = c.n FROM customers c WHERE c.id = orders.customer_id",
      "UPDATE orders SET n = (SELECT 1)",
      "DELETE FROM orders USING customers c WHERE c.id = orders.customer_id",
      "DELETE FROM orders WHERE id IN (SELECT id FROM gone)",
      "WITH gone AS (DELETE FROM old RETURNING id) INSERT INTO log VALUES (1)",
      "WITH x AS (UPDATE u SET n = 1 RETURNING id) UPDATE orders SET n = 2",
      "CREATE TABLE t AS SELECT * FROM u",
      "CREATE TABLE t AS TABLE u",
      "CREATE VIEW v AS SELECT 1",
      "CREATE MATERIALIZED VIEW v AS SELECT 1",
      "SELECT 1",
      "MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN DELETE"})
  void aClauseThatCanNameAnotherRelationNeedsTheTree(String sql) {
    assertThat(needsQueryTree(sql)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO orders (at) VALUES ('2020-01-01'::timestamp with time zone)",
      "UPDATE orders SET status = 'done' WHERE id < 10",
      "DELETE FROM orders WHERE id = 1",
      "CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, g int GENERATED ALWAYS AS (id) STORED)",
      "CREATE TABLE t (id int) WITH (fillfactor = 70)",
      "ALTER TABLE orders ADD COLUMN x int",
      "CREATE INDEX CONCURRENTLY i ON orders (x) WHERE x > 0"})
  void aStatementThatNamesOnlyItsTargetDoesNot(String sql) {
    assertThat(needsQueryTree(sql)).isFalse();
  }

  private static boolean needsQueryTree(String sql) {
    SourceStatement st = SqlSplitter.split(sql).get(0);
    return SourceTables.needsQueryTree(PgStatementReader.read(st).kind(), st.tokens());
  }
}
