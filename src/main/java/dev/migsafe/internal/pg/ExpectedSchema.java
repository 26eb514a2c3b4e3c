package dev.migsafe.internal.pg;

import dev.migsafe.api.MigsafeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

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
      SqlScript.run(c, source, ddl);
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
}
