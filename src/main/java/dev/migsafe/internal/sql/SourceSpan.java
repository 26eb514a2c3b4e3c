package dev.migsafe.internal.sql;

import java.util.List;

/**
 * Where a clause of a statement is written: a finding about one ALTER TABLE action points at
 * that action, not at the statement's first word, so the user sees which of several actions is
 * meant and the text output can underline it.
 *
 * @param start offset of the clause's first character in its statement's text
 * @param end offset after its last character in the statement's text
 * @param line 1-based line of its first character in the script
 * @param column 1-based column of its first character
 * @param endLine 1-based line of its last character
 * @param endColumn 1-based column just after its last character on {@code endLine}
 */
public record SourceSpan(int start, int end, int line, int column, int endLine, int endColumn) {

  /**
   * The span from the first to the last of {@code tokens} (none of them a comment), with
   * offsets counted from {@code base}, the script offset of the statement's first character.
   */
  static SourceSpan of(List<Token> tokens, int base) {
    Token first = tokens.get(0);
    Token last = tokens.get(tokens.size() - 1);
    String text = last.text();
    int newline = text.lastIndexOf('\n');
    int endLine = last.line() + (int) text.chars().filter(ch -> ch == '\n').count();
    // A token spanning lines (a string, a dollar-quoted body) ends in the column after its
    // last character on its last line.
    int endColumn = newline < 0 ? last.column() + text.length() : text.length() - newline;
    return new SourceSpan(first.start() - base, last.end() - base, first.line(),
        first.column(), endLine, endColumn);
  }
}
