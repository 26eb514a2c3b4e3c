package dev.migsafe.api;

/**
 * A rule's metadata, read from the attributes of its DRL rule.
 *
 * @param id kebab-case id, equal to its file names and doc page
 * @param dialect {@code postgresql}, {@code mysql} or {@code common}
 * @param severity default severity
 * @param summary one line
 * @param since the migsafe version that added it
 */
public record RuleInfo(String id, String dialect, Severity severity, String summary, String since) {
  /** Where the rule docs are published: the repository's {@code rules/} folder. */
  public static final String DOCS_BASE = "https://github.com/migsafe/migsafe/blob/main/rules/";

  /** The web page of the rule's doc, the same text {@code migsafe rules explain ID} prints. */
  public String docUrl() {
    return DOCS_BASE + dialect + "/" + id + ".md";
  }
}
