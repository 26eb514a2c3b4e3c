package dev.migsafe.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.PgStatementReader;
import dev.migsafe.internal.sql.SqlSplitter;
import dev.migsafe.internal.sql.StatementRead;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgStatementReaderTest {

  private static StatementRead read(String sql) {
    return PgStatementReader.read(SqlSplitter.split(sql).get(0));
  }

  private static Operation only(String sql) {
    List<Operation> ops = read(sql).operations();
    assertThat(ops).hasSize(1);
    return ops.get(0);
  }

  @Test
  void eachDataModifyingCteIsAnOperationOfItsOwn() {
    // The real server takes ROW EXCLUSIVE on every table a WITH clause changes, not only on
    // the final verb's table.
    StatementRead r = read("WITH job AS (SELECT next_key FROM progress FOR UPDATE), "
        + "moved AS (DELETE FROM app.inbox WHERE id < 10 RETURNING *), "
        + "batch AS (UPDATE ONLY orders SET a = b FROM job WHERE id < job.next_key RETURNING 1), "
        + "logged AS (INSERT INTO audit (n) SELECT count(*) FROM batch RETURNING 1) "
        + "UPDATE progress SET next_key = next_key + 10");
    assertThat(r.operations()).extracting(Operation::getKind, Operation::getTable)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("delete", "app.inbox"),
            org.assertj.core.groups.Tuple.tuple("update", "orders"),
            org.assertj.core.groups.Tuple.tuple("insert", "audit"),
            org.assertj.core.groups.Tuple.tuple("update", "progress"));
    assertThat(read("WITH x AS (SELECT 1 FROM t) UPDATE u SET a = 1 WHERE b = 2").operations())
        .extracting(Operation::getTable).containsExactly("u");
  }

  @Test
  void alterTableWithSeveralSubCommandsGivesOneOperationEach() {
    StatementRead r = read("ALTER TABLE public.orders ADD COLUMN a int NOT NULL DEFAULT 0, "
        + "ALTER COLUMN b TYPE bigint USING b::bigint, DROP COLUMN c CASCADE");
    assertThat(r.recognized()).isTrue();
    assertThat(r.operations()).extracting(Operation::getKind)
        .containsExactly("add-column", "alter-column-type", "drop-column");
    Operation add = r.operations().get(0);
    assertThat(add.getTable()).isEqualTo("orders");
    assertThat(add.getDataType()).isEqualTo("integer");
    assertThat(add.isNotNull()).isTrue();
    assertThat(add.isHasDefault()).isTrue();
    assertThat(add.isDefaultVolatile()).isFalse();
    assertThat(r.operations().get(1).getUsingExpr()).isEqualTo("b::bigint");
    assertThat(r.operations().get(2).isCascade()).isTrue();
  }

  @Test
  void foreignKeyNotValidAndUsingIndex() {
    Operation fk = only("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) "
        + "REFERENCES customers (id) ON DELETE CASCADE NOT VALID");
    assertThat(fk.getConstraintType()).isEqualTo("foreign-key");
    assertThat(fk.getRefTable()).isEqualTo("customers");
    assertThat(fk.getColumns()).containsExactly("customer_id");
    assertThat(fk.isNotValid()).isTrue();
    Operation uq = only("ALTER TABLE orders ADD CONSTRAINT u UNIQUE USING INDEX u_idx");
    assertThat(uq.isUsingIndex()).isTrue();
    assertThat(uq.getIndexName()).isEqualTo("u_idx");
  }

  @Test
  void quotedIdentifiersKeepTheirCase() {
    Operation op = only("ALTER TABLE \"Orders\" RENAME COLUMN \"Email\" TO email_address");
    assertThat(op.getTable()).isEqualTo("Orders");
    assertThat(op.getColumn()).isEqualTo("Email");
    assertThat(op.getNewName()).isEqualTo("email_address");
  }

  @Test
  void identityGeneratedAndSerialColumns() {
    assertThat(only("ALTER TABLE t ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY").isIdentity())
        .isTrue();
    assertThat(only("ALTER TABLE t ADD COLUMN s bigserial").isSerial()).isTrue();
    Operation gen = only("ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (a * 2) STORED");
    assertThat(gen.isGeneratedStored()).isTrue();
  }

  @Test
  void createIndexConcurrentlyIfNotExists() {
    Operation op = only("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON orders USING btree (a, b) WHERE a > 0");
    assertThat(op.getKind()).isEqualTo("create-index");
    assertThat(op.isConcurrently()).isTrue();
    assertThat(op.isIfNotExists()).isTrue();
    assertThat(op.isUnique()).isTrue();
    assertThat(op.getColumns()).containsExactly("a", "b");
  }

  @Test
  void createTableReadsColumnsAndConstraints() {
    StatementRead r = read("CREATE TABLE IF NOT EXISTS t (id serial PRIMARY KEY, "
        + "c int REFERENCES x (id), CONSTRAINT ck CHECK (c > 0)) PARTITION BY RANGE (id)");
    assertThat(r.recognized()).isTrue();
    assertThat(r.operations()).extracting(Operation::getKind)
        .containsExactly("create-table", "add-column", "add-column", "add-constraint");
    assertThat(r.operations().get(0).isTablePartitioned()).isTrue();
    assertThat(r.operations().get(2).getRefTable()).isEqualTo("x");
  }

  @Test
  void settingsAndTransactions() {
    Operation set = only("SET lock_timeout TO '2s'");
    assertThat(set.getObjectName()).isEqualTo("lock_timeout");
    assertThat(set.getValue()).isEqualTo("2s");
    assertThat(only("SET TIME ZONE 'UTC'").getValue()).isEqualTo("UTC");
    assertThat(only("BEGIN").getKind()).isEqualTo("begin");
    assertThat(only("COMMIT").getKind()).isEqualTo("commit");
  }

  @Test
  void unknownStatementsAreNotRecognized() {
    StatementRead r = read("FROBNICATE orders");
    assertThat(r.recognized()).isFalse();
    assertThat(r.kind()).isEqualTo("unknown");
  }

  @Test
  void updateWithAndWithoutWhere() {
    assertThat(only("UPDATE orders SET a = 1").isHasWhere()).isFalse();
    Operation batched = only("UPDATE orders SET a = 1 WHERE id BETWEEN 1 AND 1000");
    assertThat(batched.isHasWhere()).isTrue();
    assertThat(batched.isBatched()).isTrue();
  }
}
