package dev.migsafe.internal.render;

/**
 * Text from migration files (paths, messages that quote table and column names) placed in
 * Markdown that a forge renders, such as a pull-request comment: it must render as the text it
 * is. Every ASCII punctuation character CommonMark could read as markup is backslash-escaped,
 * which CommonMark allows for all of them; {@code <} becomes an entity, so no HTML passes; line
 * breaks become spaces, so text cannot end a table row or start a block; {@code @} is followed
 * by a zero-width space so that a name like {@code @org/team} mentions nobody.
 */
final class MarkdownText {
  private static final String SPECIALS = "\\`*_{}[]()#+-.!|~>\"'=:&$%^";

  private MarkdownText() {}

  static String inline(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '<') {
        sb.append("&lt;");
      } else if (c == '@') {
        // A zero-width space after @: GitHub would otherwise mention a user or team.
        sb.append("@\u200B");
      } else if (c == '\r' || c == '\n') {
        sb.append(' ');
      } else if (SPECIALS.indexOf(c) >= 0) {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
