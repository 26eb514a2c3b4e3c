package dev.migsafe.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inline {@code -- migsafe:ignore RULE_ID[,RULE_ID] reason} comment on or above a statement,
 * or a {@code -- migsafe:ignore-file RULE_ID[,RULE_ID] reason} anywhere in a file, which accepts
 * the rules' findings in the whole file. A reason is required: an ignore without one does not
 * suppress anything and is reported.
 *
 * @param rules the rule ids it names
 * @param reason why the finding is accepted; empty when missing
 * @param line the comment's line
 * @param column the comment's column
 * @param wholeFile an ignore-file comment
 */
record Suppression(Set<String> rules, String reason, int line, int column, boolean wholeFile) {
  /** {@code migsafe:ignore} for one statement, {@code migsafe:ignore-file} for the file. */
  private static final Pattern IGNORE = Pattern.compile(
      "migsafe:ignore(-file)?\\s+([A-Za-z0-9_-]+(?:\\s*,\\s*[A-Za-z0-9_-]+)*)\\s*(.*)",
      Pattern.DOTALL);

  /** Suppressions in one comment's text; none when it is not a migsafe comment. */
  static List<Suppression> parse(String comment, int line, int column) {
    List<Suppression> out = new ArrayList<>();
    Matcher m = IGNORE.matcher(comment);
    if (m.find()) {
      Set<String> ids = Set.of(m.group(2).replace(" ", "").split(","));
      String reason = m.group(3).replaceAll("\\*/\\s*$", "").strip();
      out.add(new Suppression(ids, reason, line, column, m.group(1) != null));
    }
    return out;
  }

  boolean hasReason() {
    return !reason.isBlank();
  }
}
