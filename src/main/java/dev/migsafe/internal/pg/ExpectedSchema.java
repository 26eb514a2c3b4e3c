package dev.migsafe.internal.pg;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The schema that DDL text describes, as a real server builds it: the statements run one by one
 * in a fresh database of an embedded server, then {@link SchemaSnapshot#read} describes the
 * result. A real server instead of text normalisation because only the server knows that
 * {@code varchar} is {@code character varying}, that {@code serial} is an integer with a
 * sequence default, or what a constraint's canonical text is.
 */
public final class ExpectedSchema {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private ExpectedSchema() {}

  /**
   * Runs {@code ddl} in a new database of {@code server} with {@code schema} first on the
   * search path (created unless it is {@code public}) and snapshots that schema. A statement
   * the server rejects is bad input, reported as {@code SOURCE:LINE:COLUMN: message} at the
   * place the server points to.
   *
   * @param source how the DDL is named in messages, e.g. its file name
   */
  public static SchemaSnapshot materialise(EmbeddedServer server, String ddl, String source,
      String schema) {
    String database = "migsafe_expected_" + DATABASES.incrementAndGet();
    server.createDatabase(database);
    try (Connection c = server.connect(database)) {
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        if (!"public".equals(schema)) {
          s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
        }
      }
      try (PreparedStatement p = c.prepareStatement(
          "SELECT set_config('search_path', quote_ident(?), false)")) {
        p.setString(1, schema);
        p.executeQuery().close();
      }
      for (SourceStatement st : SqlSplitter.split(ddl)) {
        run(c, st, source);
      }
    } catch (SQLException e) {
      throw new MigsafeException(MigsafeException.Kind.INTERNAL,
          "the embedded server failed: " + e.getMessage(), e);
    }
    // A fresh connection: the DDL may have changed session settings such as search_path.
    try (Connection c = server.connect(database)) {
      return SchemaSnapshot.read(c, schema);
    } catch (SQLException e) {
      throw new MigsafeException(MigsafeException.Kind.INTERNAL,
          "cannot read the expected schema back: " + e.getMessage(), e);
    }
  }

  private static void run(Connection c, SourceStatement st, String source) {
    try (Statement s = c.createStatement()) {
      s.execute(st.text());
    } catch (SQLException e) {
      ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
      String message = server != null && server.getMessage() != null ? server.getMessage()
          : e.getMessage();
      int position = server == null ? 0 : server.getPosition();
      throw MigsafeException.badInput(source + ":" + place(st, position) + ": " + message);
    }
  }

  /**
   * {@code LINE:COLUMN} in the file of the server's error position, a 1-based character offset
   * into the statement text; the statement's start when the server gives none.
   */
  static String place(SourceStatement st, int position) {
    int line = st.line();
    int column = st.column();
    String text = st.text();
    int end = Math.min(Math.max(position - 1, 0), text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return line + ":" + column;
  }
}
