package dev.migsafe.api;

/**
 * One thing the rule base found in one statement.
 *
 * @param rule the rule id, which is also the name of its doc page
 * @param severity how bad it is, after configuration overrides
 * @param line 1-based line of the statement in its file
 * @param column 1-based column of the statement's first character
 * @param statementIndex 0-based index of the statement in its file; -1 for file-level findings
 * @param message what happens and where, one sentence
 * @param why the mechanism behind it
 * @param saferAlternative what to do instead, imperative, usually with SQL
 */
public record Finding(
    String rule,
    Severity severity,
    int line,
    int column,
    int statementIndex,
    String message,
    String why,
    String saferAlternative) {}
