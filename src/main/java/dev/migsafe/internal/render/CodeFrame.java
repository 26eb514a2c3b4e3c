package dev.migsafe.internal.render;

import dev.migsafe.api.Finding;
import dev.migsafe.api.Fix;
import dev.migsafe.api.StatementResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a statement a finding points at, with the clause underlined, and a rule's fix
 * as a diff of the statement: what a reviewer needs to see which of several ALTER TABLE
 * actions is meant and what to write instead, without opening the file.
 *
 * <p>It works from the statement's text in the lint result, which starts at the statement's
 * first token: what precedes it on its first line (usually nothing) is shown as blanks.
 */
final class CodeFrame {
  /** Lines of a long clause shown before the rest is elided. */
  private static final int MAX_LINES = 3;

  private final boolean color;

  CodeFrame(boolean color) {
    this.color = color;
  }

  /**
   * The frame, each line ending in a newline, or an empty string when the finding does not
   * point into the statement's text (a suppression comment above it, a text cut for length).
   */
  String frame(Finding x, StatementResult s) {
    String[] lines = s.sql().split("\n", -1);
    int last = s.line() + lines.length - 1;
    if (truncated(s) || x.line() < s.line() || x.endLine() > last || x.endLine() < x.line()) {
      return "";
    }
    // A finding about the whole statement shows its first line; a clause, up to three.
    boolean whole = x.line() == s.line() && x.column() == s.column();
    int shownTo = Math.min(x.endLine(), x.line() + (whole ? 1 : MAX_LINES) - 1);
    int width = String.valueOf(shownTo).length();
    StringBuilder sb = new StringBuilder();
    for (int n = x.line(); n <= shownTo; n++) {
      String text = lines[n - s.line()];
      if (n == s.line()) {
        text = " ".repeat(s.column() - 1) + text;
      }
      text = text.stripTrailing();
      int from = n == x.line() ? x.column() : firstNonBlank(text);
      int to = n == x.endLine() ? x.endColumn() : text.length() + 1;
      sb.append("  ").append(pad(n, width)).append(" | ").append(text).append('\n');
      sb.append("  ").append(" ".repeat(width)).append(" | ")
          .append(underline(text, from, Math.max(from + 1, Math.min(to, text.length() + 1))))
          .append('\n');
    }
    if (shownTo < x.endLine()) {
      sb.append("  ").append(" ".repeat(width)).append(" | ...\n");
    }
    return sb.toString();
  }

  /** The fix as a diff of the statement: its lines removed, the rewrite's lines added. */
  String diff(Fix fix, StatementResult s) {
    if (truncated(s)) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    sb.append("  fix: ").append(fix.title()).append('\n');
    for (String line : diffLines(s.sql() + ";", fix.sql())) {
      sb.append("    ").append(paint(line, line.startsWith("-") ? "\u001b[31m" : "\u001b[32m"))
          .append('\n');
    }
    return sb.toString();
  }

  /** A whole-statement diff: each line of {@code before} removed, each of {@code after} added. */
  static List<String> diffLines(String before, String after) {
    List<String> lines = new ArrayList<>();
    for (String line : before.split("\n")) {
      lines.add("- " + line.stripTrailing());
    }
    for (String line : after.split("\n")) {
      lines.add("+ " + line.stripTrailing());
    }
    return lines;
  }

  /** Whether the result holds only the start of a long statement. */
  static boolean truncated(StatementResult s) {
    return s.sql().endsWith(" characters)") && s.sql().contains(" ... (");
  }

  /** Carets under columns [from, to), keeping the source's tabs so that they line up. */
  private String underline(String text, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int col = 1; col < from; col++) {
      sb.append(col <= text.length() && text.charAt(col - 1) == '\t' ? '\t' : ' ');
    }
    return sb + paint("^".repeat(to - from), "\u001b[1;31m");
  }

  private static int firstNonBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return i + 1;
      }
    }
    return 1;
  }

  private static String pad(int n, int width) {
    String s = String.valueOf(n);
    return " ".repeat(width - s.length()) + s;
  }

  private String paint(String text, String code) {
    return color ? code + text + "\u001b[0m" : text;
  }
}
