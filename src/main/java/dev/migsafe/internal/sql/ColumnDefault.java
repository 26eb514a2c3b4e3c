package dev.migsafe.internal.sql;

/**
 * A column's default: an expression written in DEFAULT, the sequence a serial type creates, or
 * an identity's generator.
 *
 * @param source where the value comes from
 * @param expression the DEFAULT expression as written; null for a sequence or an identity
 * @param volatility whether it is evaluated per row: a sequence and an identity are
 */
public record ColumnDefault(Source source, String expression, Volatility.Kind volatility) {

  /** Where a default comes from. */
  public enum Source {
    /** {@code DEFAULT expression}. */
    EXPRESSION,
    /** {@code serial}, {@code bigserial}, ...: {@code nextval} of the sequence it creates. */
    SEQUENCE,
    /** {@code GENERATED ... AS IDENTITY}. */
    IDENTITY
  }

  /** The default of a serial type. */
  public static final ColumnDefault SEQUENCE =
      new ColumnDefault(Source.SEQUENCE, null, Volatility.Kind.VOLATILE);
  /** The default of an identity column. */
  public static final ColumnDefault IDENTITY =
      new ColumnDefault(Source.IDENTITY, null, Volatility.Kind.VOLATILE);

  /** Whether it may be evaluated per row (a function migsafe does not know counts). */
  public boolean isVolatile() {
    return volatility != Volatility.Kind.CONSTANT;
  }

  /**
   * The text the rules and the schema show: the expression, {@code nextval(...)} for a
   * sequence, {@code identity} for an identity.
   */
  public String text() {
    return switch (source) {
      case EXPRESSION -> expression;
      case SEQUENCE -> "nextval(...)";
      case IDENTITY -> "identity";
    };
  }
}
