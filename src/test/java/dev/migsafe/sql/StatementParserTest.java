package dev.migsafe.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import dev.migsafe.internal.sql.StatementParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Most statements are parsed on the calling thread under a watchdog; the result must be what the
 * parser-thread route gives, statement for statement and error message for error message.
 */
class StatementParserTest {
  @Test
  void callingThreadAndParserThreadGiveTheSameResult() {
    Set<String> corpus = SqlCorpus.scripts(List.of(
        "ALTER TABLE orders ADD COLUMN x text",
        "CREATE INDEX CONCURRENTLY orders_x_idx ON orders (x)",
        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES customers (id) NOT VALID",
        "UPDATE orders SET status = 'done' WHERE id BETWEEN 1 AND 1000",
        "DELETE FROM orders",
        "ALTER TABLE orders ADD CONSTRAINT ck CHECK ((amount > 0) AND ((total >= (0))))",
        "SELECT ((((1))))",
        "SELECT 1 +",
        "ALTER TABLE",
        "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql",
        "BEGIN",
        "COMMIT"));

    List<String> differences = new ArrayList<>();
    int statements = 0;
    for (String script : corpus) {
      for (SourceStatement st : SqlSplitter.split(script)) {
        statements++;
        StatementParser.Parse here = StatementParser.parse(st.text());
        StatementParser.Parse there = StatementParser.parseOnParserThread(st.text());
        if (!String.valueOf(here.statement()).equals(String.valueOf(there.statement()))
            || !String.valueOf(here.error()).equals(String.valueOf(there.error()))) {
          differences.add(st.text() + "\n  calling thread: " + here + "\n  parser thread:  " + there);
        }
      }
    }
    assertThat(statements).isGreaterThan(100);
    assertThat(differences).isEmpty();
  }

  @Test
  void aParseThatBacktracksForeverOnTheCallingThreadIsStoppedAtTheBound() {
    // Three levels, so parsed on the calling thread. After the simple parse fails, JSqlParser's
    // complex parse backtracks on the dangling '+' for minutes unless it is interrupted.
    long start = System.nanoTime();
    StatementParser.Parse p = StatementParser.parse("SELECT (((1 +))) FROM");
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(p.error()).isEqualTo("the SQL parser gave up after 2000 ms");
    assertThat(ms).as("milliseconds").isLessThan(30_000);
  }
}
