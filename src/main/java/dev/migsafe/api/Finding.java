package dev.migsafe.api;

/**
 * One thing the rule base found in one statement.
 *
 * @param rule the rule id, which is also the name of its doc page
 * @param severity how bad it is, after configuration overrides
 * @param line 1-based line of the clause the finding is about (the ALTER TABLE action, the
 *     column definition) or, when it is about the whole statement, of the statement
 * @param column 1-based column of that clause's or statement's first character
 * @param statementIndex 0-based index of the statement in its file; -1 for file-level findings
 * @param message what happens and where, one sentence
 * @param why the mechanism behind it
 * @param saferAlternative what to do instead, imperative, usually with SQL
 * @param endLine 1-based line of the clause's or statement's last character
 * @param endColumn 1-based column just after that character
 * @param fix the statement rewritten, for rules that have an exact rewrite; null otherwise
 */
public record Finding(
    String rule,
    Severity severity,
    int line,
    int column,
    int statementIndex,
    String message,
    String why,
    String saferAlternative,
    int endLine,
    int endColumn,
    Fix fix) {

  /** A finding about a single point, such as a suppression comment, without a rewrite. */
  public Finding(String rule, Severity severity, int line, int column, int statementIndex,
      String message, String why, String saferAlternative) {
    this(rule, severity, line, column, statementIndex, message, why, saferAlternative, line,
        column, null);
  }
}
