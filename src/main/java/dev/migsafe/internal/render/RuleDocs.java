package dev.migsafe.internal.render;

import dev.migsafe.api.RuleInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What reports say about a rule beyond its findings: its metadata, its doc (the rule's {@code
 * .md}) and the doc's web address. Reports look rules up by id; a finding whose rule is unknown
 * (a stale id from configuration) still renders, with the id for its summary.
 */
public final class RuleDocs {
  private final Map<String, RuleInfo> rules = new LinkedHashMap<>();
  private final Function<String, Optional<String>> docs;

  /**
   * @param rules every rule
   * @param docs a rule's Markdown doc by id ({@code Migsafe::ruleDoc})
   */
  public RuleDocs(List<RuleInfo> rules, Function<String, Optional<String>> docs) {
    rules.forEach(r -> this.rules.put(r.id(), r));
    this.docs = docs;
  }

  public Optional<RuleInfo> info(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  /** The doc's web page; for an unknown id, the folder of all rule docs. */
  public String url(String id) {
    RuleInfo info = rules.get(id);
    return info == null ? RuleInfo.DOCS_BASE : info.docUrl();
  }

  /** The rule's doc as written, Markdown. */
  public Optional<String> markdown(String id) {
    return docs.apply(id);
  }

  /** The summary line, or the id when the rule is unknown. */
  public String summary(String id) {
    RuleInfo info = rules.get(id);
    return info != null && info.summary() != null ? info.summary() : id;
  }

  /**
   * The doc's "Problem" section as one paragraph of plain text (Markdown code spans kept as
   * they read), or the summary when the doc has none.
   */
  public String problem(String id) {
    String md = docs.apply(id).orElse("");
    int start = md.indexOf("## Problem");
    if (start < 0) {
      return summary(id);
    }
    int body = md.indexOf('\n', start);
    int end = md.indexOf("\n## ", body);
    String section = md.substring(body, end < 0 ? md.length() : end).strip();
    return section.isEmpty() ? summary(id) : section.replaceAll("\\s*\\n\\s*", " ");
  }
}
