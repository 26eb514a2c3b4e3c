package dev.migsafe.internal.sql;

import java.util.List;

/**
 * A change to one column: {@code add-column} (also each column of CREATE TABLE), {@code
 * drop-column}, {@code rename-column}, {@code alter-column-type}, {@code set-default}, {@code
 * drop-default}, {@code set-not-null}, {@code drop-not-null}, the identity forms and the
 * column options ({@code set-statistics}, {@code set-storage}, {@code set-compression}, {@code
 * set-column-options}).
 *
 * @param table the table
 * @param column the column (for a rename, its old name)
 * @param newName a rename's new name
 * @param dataType the column's (new) type, canonical
 * @param usingExpr a type change's USING expression
 * @param defaultValue the default it is given, or null
 * @param generated a generated column's expression, or null
 * @param identity an identity column's generation, or null when it is not one
 * @param serial the type is a serial type
 * @param notNull the column is declared NOT NULL (a primary key, a serial and an identity are)
 * @param inline the constraints written in the column's definition, or null for none
 * @param option the value of a column option: a statistics target, a storage or compression
 *     name, the options in parentheses
 */
public record ColumnChange(OperationHeader header, String table, String column, String newName,
    String dataType, String usingExpr, ColumnDefault defaultValue, GeneratedColumn generated,
    IdentityGeneration identity, boolean serial, boolean notNull, InlineConstraints inline,
    String option, boolean ifExists, boolean ifNotExists, boolean cascade)
    implements OperationRecord {

  /** An ADD COLUMN of a column of this type with nothing else said about it. */
  public static ColumnChange added(OperationHeader header, String table, String column,
      String dataType) {
    return new ColumnChange(header, table, column, null, dataType, null, null, null, null,
        false, false, null, null, false, false, false);
  }

  /** {@code GENERATED ALWAYS AS (expression) STORED | VIRTUAL}. */
  public record GeneratedColumn(String expression, boolean stored) {}

  /** An identity's {@code ALWAYS} or {@code BY DEFAULT}. */
  public enum IdentityGeneration {
    ALWAYS("always"),
    BY_DEFAULT("by default"),
    /** The statement says neither (a form PostgreSQL rejects). */
    UNSTATED(null);

    private final String text;

    IdentityGeneration(String text) {
      this.text = text;
    }

    /** {@code always}, {@code by default}, or null when unstated. */
    public String text() {
      return text;
    }
  }

  /**
   * The constraints of a column definition.
   *
   * @param checkExpr the CHECK expression (null with {@code check} when PostgreSQL would reject
   *     the clause)
   * @param references what an inline REFERENCES names, or null
   */
  public record InlineConstraints(boolean primaryKey, boolean unique, boolean check,
      String checkExpr, ForeignKeyTarget references) {
    static final InlineConstraints NONE = new InlineConstraints(false, false, false, null, null);
  }

  /** The reader's remark a rule may quote: why the default counts as volatile. */
  public String note() {
    return defaultValue != null && defaultValue.volatility() == Volatility.Kind.UNKNOWN_FUNCTION
        ? "migsafe cannot tell whether a function in the default is volatile" : null;
  }

  List<String> refColumns() {
    return inline == null || inline.references() == null ? List.of()
        : inline.references().columns();
  }
}
