package dev.migsafe.internal.rules;

import java.util.Locale;

/**
 * Which facts a lint rule joins, stated on the rule as {@code @scope("...")}: it decides which
 * facts the rule's session is given and when they are dropped, so that a file of 500,000
 * statements is judged without holding them all (issue 15).
 */
public enum RuleScope {
  /**
   * The facts of one statement (its {@code StatementFact} and operations) and the file's
   * {@code MigrationFact}: fired over windows of statements whose facts are then dropped.
   */
  STATEMENT,
  /**
   * The statements of one transaction and their operations: fired when the transaction ends,
   * fed only statements inside a transaction.
   */
  TRANSACTION,
  /**
   * Facts anywhere in the file: fired once at its end, fed only the facts one of these rules'
   * patterns can match.
   */
  FILE;

  /** The value written in {@code @scope}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The scope named by a rule's {@code @scope} value, or null when there is none such. */
  public static RuleScope of(Object value) {
    if (value == null) {
      return null;
    }
    for (RuleScope s : values()) {
      if (s.id().equals(value.toString())) {
        return s;
      }
    }
    return null;
  }
}
