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
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lint no longer asks JSqlParser about a statement the reader understood. What it took from
 * JSqlParser's tree must be what it now takes from the reader's operations (a statement whose
 * tokens name no other relation) or from the tokens (one whose tokens can): the tables read
 * (less the ones the statement creates) and, for UPDATE and DELETE, whether there is a WHERE
 * clause.
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
    for (SourceStatement st : readingStatements(corpus, false)) {
      StatementRead read = PgStatementReader.read(st);
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
    assertThat(compared).isGreaterThan(100);
    assertThat(differences).isEmpty();
  }

  /**
   * Statements that can read other tables are no longer handed to JSqlParser: the tables its
   * {@code TablesNamesFinder} named and the {@code WHERE} its tree held must be what lint now
   * reads from the tokens ({@code QueryRelations}), over the fixtures, examples, lock-oracle
   * forms, lemmy with {@code -Dmigsafe.sql.corpus=DIR}, and the forms below.
   */
  @Test
  void withARelationClauseTheTokensTellWhatJsqlParsersTreeTold() {
    Set<String> corpus = SqlCorpus.scripts(List.of(
        // WITH queries, plain, recursive, materialized, with column names, data-modifying
        "WITH recent AS (SELECT * FROM orders WHERE at > now()) INSERT INTO archive SELECT * FROM recent",
        "WITH RECURSIVE tree (id, parent) AS (SELECT id, parent FROM nodes UNION ALL SELECT n.id, n.parent FROM nodes n JOIN tree t ON n.parent = t.id) SELECT * FROM tree",
        "WITH x AS MATERIALIZED (SELECT id FROM a), y AS NOT MATERIALIZED (SELECT id FROM b) UPDATE c SET n = 1 FROM x, y WHERE c.id = x.id",
        "WITH gone AS (DELETE FROM old_rows WHERE at < now() RETURNING id) INSERT INTO log (id) SELECT id FROM gone",
        "WITH moved AS (UPDATE u SET n = 1 RETURNING id) UPDATE orders SET n = 2",
        // aliases, schema-qualified and quoted names, system catalogs
        "INSERT INTO app.orders (id) SELECT o.id FROM public.old_orders AS o JOIN \"Mixed\".\"Case\" mc ON mc.id = o.id",
        "UPDATE orders o SET n = c.n FROM customers c, pg_catalog.pg_class k WHERE c.id = o.customer_id",
        "UPDATE \"Orders\" SET n = 1 FROM \"Customers\" WHERE \"Customers\".id = \"Orders\".id",
        "CREATE VIEW v AS SELECT * FROM information_schema.tables t JOIN app.things x ON x.name = t.table_name",
        // subqueries in the select list, in WHERE, LATERAL, in a FROM list with and without alias
        "CREATE VIEW v AS SELECT a.id, (SELECT count(*) FROM b WHERE b.a = a.id) AS n FROM a",
        "UPDATE orders SET n = 1 WHERE customer_id IN (SELECT id FROM customers WHERE EXISTS (SELECT 1 FROM flags f WHERE f.c = customers.id))",
        "DELETE FROM orders WHERE id = ANY (ARRAY(SELECT order_id FROM gone))",
        "CREATE VIEW v AS SELECT * FROM a, LATERAL (SELECT * FROM b WHERE b.a = a.id LIMIT 1) AS l",
        "CREATE VIEW v AS SELECT * FROM a LEFT JOIN LATERAL (SELECT max(at) AS m FROM c WHERE c.a = a.id) last ON true",
        "CREATE VIEW v AS SELECT * FROM (SELECT id FROM a) AS sub JOIN b ON b.id = sub.id",
        "CREATE VIEW v AS SELECT * FROM (SELECT id FROM a) AS b JOIN b b2 ON b2.id = b.id",
        "CREATE VIEW v AS SELECT * FROM (a JOIN b USING (id)) LEFT JOIN c ON c.id = a.id",
        "CREATE VIEW v AS SELECT * FROM ((SELECT id FROM a) UNION (SELECT id FROM b)) AS u",
        "CREATE VIEW v AS SELECT id FROM a UNION SELECT id FROM b EXCEPT SELECT id FROM c ORDER BY 1",
        // FROM that is no FROM list, functions and VALUES in FROM
        "CREATE VIEW v AS SELECT extract(year FROM at) AS y, substring(name FROM 2 FOR 3) AS s FROM a WHERE x IS DISTINCT FROM y",
        "CREATE VIEW v AS SELECT trim(BOTH ' ' FROM name) FROM a CROSS JOIN generate_series(1, 3) AS g(n)",
        "CREATE VIEW v AS SELECT * FROM unnest(ARRAY[1, 2]) WITH ORDINALITY AS t(x, n), b",
        "INSERT INTO t (a, b) SELECT v.a, v.b FROM (VALUES (1, 'x'), (2, 'y')) AS v(a, b)",
        "UPDATE t SET b = v.b FROM (VALUES (1, 'x')) v(a, b) WHERE t.a = v.a",
        "INSERT INTO t SELECT * FROM jsonb_to_recordset('[]'::jsonb) AS r(a int)",
        // the other relation-naming clauses
        "DELETE FROM orders USING customers c WHERE c.id = orders.customer_id",
        "DELETE FROM ONLY orders o USING (SELECT id FROM gone) g WHERE g.id = o.id",
        "INSERT INTO orders TABLE old_orders",
        "CREATE TABLE t AS TABLE u",
        "CREATE TABLE t AS SELECT a.* FROM a NATURAL JOIN b",
        "CREATE TABLE IF NOT EXISTS s.t AS SELECT * FROM s.u WITH NO DATA",
        "CREATE MATERIALIZED VIEW mv AS SELECT a.id, count(*) FROM a INNER JOIN b ON a.id = b.a GROUP BY a.id WITH NO DATA",
        "CREATE OR REPLACE VIEW v (x, y) WITH (security_barrier = true) AS SELECT 1, 2 FROM a",
        "INSERT INTO t (id) VALUES ((SELECT max(id) FROM u)) ON CONFLICT (id) DO UPDATE SET id = excluded.id WHERE t.id > 0",
        "UPDATE orders SET n = (SELECT 1)",
        "UPDATE orders SET n = (SELECT max(n) FROM other WHERE other.id = orders.id)",
        "SELECT setval('orders_id_seq', (SELECT max(id) FROM orders))",
        "SELECT * FROM a FULL OUTER JOIN b ON a.id = b.id RIGHT JOIN c ON c.id = b.id FOR UPDATE",
        "WITH job AS (SELECT k FROM progress FOR UPDATE), batch AS (INSERT INTO b SELECT * FROM a CROSS JOIN job RETURNING 1) UPDATE progress SET n = (SELECT count(*) FROM batch) WHERE k > 0"));

    List<String> differences = new ArrayList<>();
    int compared = 0;
    for (SourceStatement st : readingStatements(corpus, true)) {
      StatementRead read = PgStatementReader.read(st);
      StatementParser.Parse parse = StatementParser.parse(st.text());
      if (!parse.ok()) {
        continue; // lint reported no source tables for it; theTokensReadWhatJsqlParserRejects
      }
      compared++;
      Boolean where = StatementParser.hasWhere(parse.statement());
      Boolean tokens = SourceTables.where(read.kind(), st.tokens());
      if (!java.util.Objects.equals(where, tokens)) {
        differences.add(st.text() + "\n  WHERE in the tree: " + where + ", tokens: " + tokens);
      }
      Optional<Set<String>> tree = QueryNames.of(parse.statement()).map(QueryNames::tables);
      Optional<Set<String>> fromTokens =
          SourceTables.read(read.kind(), st.tokens(), read.operations());
      if (tree.isEmpty() || fromTokens.isEmpty()) {
        if (tree.isPresent() || fromTokens.isPresent()) {
          differences.add(st.text() + "\n  tree: " + tree + "\n  tokens: " + fromTokens);
        }
        continue; // the finder gave up (a data-modifying WITH), and so do the tokens
      }
      Set<String> created = new HashSet<>();
      for (Operation op : read.operations()) {
        created.add(op.getKind().equals("create-table") ? op.getTable() : op.getObjectName());
      }
      Set<String> fromTree = new HashSet<>(tree.get());
      Set<String> tokenTables = new HashSet<>(fromTokens.get());
      fromTree.removeAll(created);
      tokenTables.removeAll(created);
      if (!fromTree.equals(tokenTables)) {
        differences.add(st.text() + "\n  tree: " + fromTree + "\n  tokens: " + tokenTables);
      }
    }
    assertThat(differences).isEmpty();
    assertThat(compared).isGreaterThan(60);
  }

  /**
   * Statements JSqlParser rejects reported no tables read when the tree was asked; read from
   * the tokens they now do. In lemmy two statements gain a table read this way: {@code DELETE
   * ... WHERE NOT EXISTS (SELECT FROM t ...)}, an empty select list JSqlParser rejects.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "DELETE FROM ONLY orders o USING (SELECT id FROM gone) g WHERE g.id = o.id | gone orders",
      "DELETE FROM comment c WHERE NOT EXISTS (SELECT FROM post p WHERE p.id = c.post_id) | comment post",
      "INSERT INTO orders TABLE old_orders | old_orders orders",
      "WITH x AS MATERIALIZED (SELECT id FROM a) UPDATE c SET n = 1 FROM x WHERE c.id = x.id | a c",
      "CREATE MATERIALIZED VIEW mv AS SELECT a.id FROM a JOIN s.b ON a.id = b.a WITH NO DATA | a s.b"})
  void theTokensReadWhatJsqlParserRejects(String sql, String tables) {
    SourceStatement st = SqlSplitter.split(sql).get(0);
    StatementRead read = PgStatementReader.read(st);
    assertThat(read.recognized()).isTrue();
    assertThat(new java.util.TreeSet<>(SourceTables.read(read.kind(), st.tokens(),
        read.operations()).orElseThrow())).containsExactly(tables.split(" "));
  }

  /** A statement nested far deeper than any migration still reads, up to the bound. */
  @Test
  void deepNestingDoesNotOverflowTheStack() {
    String nested = "(".repeat(100_000) + "SELECT 1 FROM deep" + ")".repeat(100_000);
    SourceStatement st = SqlSplitter.split(
        "INSERT INTO t SELECT * FROM a WHERE x IN " + nested).get(0);
    StatementRead read = PgStatementReader.read(st);
    assertThat(SourceTables.read(read.kind(), st.tokens(), read.operations()).orElseThrow())
        .containsExactlyInAnyOrder("t", "a");
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
  void aClauseThatCanNameAnotherRelationIsReadFromTheTokens(String sql) {
    assertThat(namesOtherRelations(sql)).isTrue();
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
    assertThat(namesOtherRelations(sql)).isFalse();
  }

  /**
   * The statements of the scripts the reader understood whose kind can read tables, those
   * whose tokens can name another relation or those whose cannot.
   */
  private static List<SourceStatement> readingStatements(Set<String> scripts,
      boolean namingOthers) {
    List<SourceStatement> out = new ArrayList<>();
    for (String script : scripts) {
      for (SourceStatement st : SqlSplitter.split(script)) {
        StatementRead read = PgStatementReader.read(st);
        if (read.syntaxError() == null && read.recognized()
            && SourceTables.READING_KINDS.contains(read.kind())
            && SourceTables.namesOtherRelations(read.kind(), st.tokens()) == namingOthers) {
          out.add(st);
        }
      }
    }
    return out;
  }

  private static boolean namesOtherRelations(String sql) {
    SourceStatement st = SqlSplitter.split(sql).get(0);
    return SourceTables.namesOtherRelations(PgStatementReader.read(st).kind(), st.tokens());
  }
}
