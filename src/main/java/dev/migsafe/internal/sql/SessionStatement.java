package dev.migsafe.internal.sql;

/**
 * A statement on the session, not the schema: settings ({@code set}, {@code reset}, {@code
 * set-transaction}, {@code set-role}), transaction control ({@code begin}, {@code commit},
 * {@code rollback}, {@code rollback-to-savepoint}, {@code savepoint}) and {@code lock-table}.
 *
 * @param table LOCK TABLE's table (one record per table)
 * @param setting the setting's name ({@code timezone} for SET TIME ZONE)
 * @param value a SET's value (quotes removed), or LOCK TABLE's mode, upper case
 * @param scope SET or RESET with SESSION or LOCAL, or null where not read (SET TIME ZONE)
 */
public record SessionStatement(OperationHeader header, String table, String setting,
    String value, Scope scope) implements OperationRecord {

  /** How long a SET lasts. */
  public enum Scope {
    SESSION,
    LOCAL
  }
}
