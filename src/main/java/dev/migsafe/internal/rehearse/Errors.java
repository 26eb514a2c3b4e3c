package dev.migsafe.internal.rehearse;

import java.sql.SQLException;

/** A server error as one line: its SQLSTATE and message, without the driver's decorations. */
final class Errors {
  private Errors() {}

  static String describe(SQLException e) {
    String message = dev.migsafe.internal.pg.SqlScript.message(e);
    message = message == null ? e.getClass().getSimpleName()
        : message.replaceFirst("^ERROR: ", "").replace('\n', ' ').strip();
    return e.getSQLState() == null ? message : e.getSQLState() + " " + message;
  }
}
