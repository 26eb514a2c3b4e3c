package dev.migsafe.internal.pg;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs a script (expected DDL, a packet's schema, a team's sample data) statement by statement,
 * so that a statement the server rejects is reported where it is in the file, at the very token
 * when the server says which.
 */
public final class SqlScript {
  private SqlScript() {}

  /** Runs every statement; the first error is bad input {@code source:LINE:COLUMN: message}. */
  public static void run(Connection c, String source, String script) {
    for (SourceStatement st : SqlSplitter.split(script)) {
      try (Statement s = c.createStatement()) {
        s.execute(st.text());
      } catch (SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage()
            : null;
        throw MigsafeException.badInput(source + ":"
            + place(st, server == null ? 0 : server.getPosition()) + ": " + message(e));
      }
    }
  }

  /** The server's own message, without the driver's "ERROR:" and hint decorations. */
  public static String message(SQLException e) {
    ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    return server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
  }

  /**
   * {@code LINE:COLUMN} in the file of the server's error position, a 1-based character offset
   * into the statement text; the statement's start when the server gives none.
   */
  public static String place(SourceStatement st, int position) {
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
