package dev.migsafe.internal.rehearse;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs a script statement by statement, so that a server error points at the file, line and
 * column where it happened rather than at "the script".
 */
final class SqlScript {
  private SqlScript() {}

  /** Runs every statement; the first error is bad input at {@code source:LINE:COLUMN}. */
  static void run(Connection c, String source, String script) {
    for (SourceStatement s : SqlSplitter.split(script)) {
      try (Statement st = c.createStatement()) {
        st.execute(s.text());
      } catch (SQLException e) {
        throw new MigsafeException(MigsafeException.Kind.BAD_INPUT,
            source + ":" + position(s, e) + ": " + Errors.describe(e));
      }
    }
  }

  /** The line and column of the error: the server's position inside the statement when given. */
  static String position(SourceStatement s, SQLException e) {
    int line = s.line();
    int column = s.column();
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage m = p.getServerErrorMessage();
      int at = m.getPosition();
      if (at > 0 && at <= s.text().length()) {
        String before = s.text().substring(0, at - 1);
        int newlines = (int) before.chars().filter(ch -> ch == '\n').count();
        line += newlines;
        column = newlines == 0 ? column + before.length() : before.length()
            - before.lastIndexOf('\n');
      }
    }
    return line + ":" + column;
  }
}
