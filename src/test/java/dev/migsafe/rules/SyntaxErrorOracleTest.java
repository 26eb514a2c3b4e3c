package dev.migsafe.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.sql.PgStatementReader;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import dev.migsafe.internal.sql.SyntaxError;
import dev.migsafe.locks.PostgresServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * The {@code syntax-error} rule checked against PostgreSQL's own parser: a statement migsafe
 * calls a syntax error must be one the server rejects with SQLSTATE 42601, at the same place.
 * The server parses each statement as the body of a SQL function, whose validator runs the raw
 * parser over it without executing anything, inside a transaction that is rolled back.
 */
class SyntaxErrorOracleTest {
  private static final String PREFIX =
      "CREATE FUNCTION pg_temp.migsafe_syntax_probe() RETURNS void LANGUAGE sql AS $migsafe$";
  private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

  /** Statements PostgreSQL rejects, each on one line, with what migsafe must find. */
  private static final List<String> BROKEN = List.of(
      "ALTER TABLE foo ADD COLUM bar int",
      "SELEC 1",
      "ALTER TABLE orders ADDD COLUMN note text",
      "ALTER TABLE orders ADD COLUMN note",
      "ALTER TABLE orders ADD COLUMN note text NOT NUL",
      "ALTER TABLE orders ADD COLUMN note text DEFALT 'x'",
      "ALTER TABLE orders ALTER COLUMN note SET NOT NULL please",
      "ALTER TABLE orders ADD COLUMN total numeric(10, 2) NOT NULL DEFAULT 0 ON UPDATE now()",
      "ALTER TABLE orders ADD COLUMN name varchar(255) CHARACTER SET utf8",
      "ALTER TABLE orders ADD COLUMN id int AUTO_INCREMENT",
      "ALTER TABLE orders ADD COLUMN at timestamp with zone",
      "ALTER TABLE orders ADD COLUMN at timestamp without time",
      "ALTER TABLE orders DROP COLUMN a b",
      "ALTER TABLE orders",
      "CREATE TABLE t (id bigint PRIMARY KEY, note text NOT NUL)",
      "CREATE TABLE t (id bigint PRIMARY KEY, note select)",
      "UPDTE orders SET a = 1",
      "\"ALTER\" TABLE orders ADD COLUMN a int",
      "ALTER TABLE orders ADD COLUMN note text DEFAULT 'never closed");

  private static Connection db;

  @BeforeAll
  static void connect() throws SQLException {
    String newest = PostgresServers.versions()[PostgresServers.versions().length - 1];
    db = PostgresServers.server(newest).getPostgresDatabase().getConnection();
    db.setAutoCommit(false);
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  /** PostgreSQL's verdict: null when it parses, else the 1-based position in the statement. */
  private static Integer rejectedAt(String sql) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute(PREFIX + sql + "$migsafe$");
      return null;
    } catch (PSQLException e) {
      if (!"42601".equals(e.getSQLState())) {
        return null; // parsed; failed later (no such table, not allowed in a function, ...)
      }
      int pos = e.getServerErrorMessage() == null ? 0 : e.getServerErrorMessage().getPosition();
      return pos - PREFIX.length();
    } finally {
      db.rollback();
    }
  }

  private static List<SourceStatement> statements(String script) {
    List<SourceStatement> out = new ArrayList<>();
    for (Iterator<SourceStatement> it = SqlSplitter.iterate(script); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void everyBrokenStatementIsFoundWherePostgresqlStops() throws SQLException {
    List<String> problems = new ArrayList<>();
    for (String sql : BROKEN) {
      Integer server = rejectedAt(sql);
      SyntaxError ours = PgStatementReader.read(statements(sql).get(0)).syntaxError();
      if (server == null) {
        problems.add(sql + ": PostgreSQL accepts it; the list is wrong");
      } else if (ours == null) {
        problems.add(sql + ": PostgreSQL rejects it at " + server + ", migsafe finds nothing");
      } else if (ours.column() != server) {
        problems.add(sql + ": PostgreSQL rejects it at " + server + ", migsafe at "
            + ours.column() + " (" + ours.message() + ")");
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * No false alarm: over every SQL statement the repository holds (rule fixtures and docs,
   * examples, golden inputs), what migsafe calls a syntax error PostgreSQL rejects too.
   */
  @Test
  void noValidStatementIsCalledASyntaxError() throws SQLException, IOException {
    List<String> scripts = new ArrayList<>();
    for (Path f : RuleFixtures.files(".cases.yaml")) {
      RuleFixtures.read(f).cases().forEach(c -> scripts.add(c.sql()));
    }
    for (Path f : RuleFixtures.files(".md")) {
      Matcher m = SQL_BLOCK.matcher(Files.readString(f));
      while (m.find()) {
        scripts.add(m.group(1));
      }
    }
    for (String root : List.of("examples", "src/test/resources/golden-input")) {
      try (Stream<Path> walk = Files.walk(Path.of(root))) {
        walk.filter(p -> p.toString().endsWith(".sql")).forEach(p -> {
          try {
            scripts.add(Files.readString(p));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
    List<String> falseAlarms = new ArrayList<>();
    int checked = 0;
    int flagged = 0;
    for (String script : scripts) {
      for (SourceStatement st : statements(script)) {
        SyntaxError ours = PgStatementReader.read(st).syntaxError();
        if (ours == null) {
          continue;
        }
        flagged++;
        if (rejectedAt(st.text()) == null) {
          falseAlarms.add(st.text() + "  <- " + ours.message());
        }
      }
      checked++;
    }
    assertThat(checked).as("scripts read").isGreaterThan(100);
    assertThat(flagged).as("the corpus holds broken statements on purpose").isPositive();
    assertThat(falseAlarms).isEmpty();
  }
}
