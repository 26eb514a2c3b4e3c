package dev.migsafe.api;

/**
 * A rewrite of the statement a finding is about, for the rules that have one: the text output
 * shows it as a diff, JSON carries it as is.
 *
 * @param title what the rewrite does and what it needs, one sentence
 * @param sql the SQL that replaces the statement, each statement ending with a semicolon; the
 *     user's own text (names, quoting, clauses migsafe does not judge) is kept as written
 */
public record Fix(String title, String sql) {}
