package dev.migsafe.internal.render;

/**
 * A Markdown code block that its contents cannot close: the fence is one backtick longer than
 * the longest run of backticks inside, as CommonMark allows. SQL carries names from the packet,
 * and a name holding three backticks would otherwise end the block and turn the rest of the
 * name into Markdown.
 */
final class CodeFence {
  private CodeFence() {}

  static String of(String language, String code) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < code.length(); i++) {
      run = code.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    return fence + language + "\n" + code + "\n" + fence + "\n";
  }
}
