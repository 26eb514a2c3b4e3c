package dev.migsafe.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.api.RuleInfo;
import java.util.List;

/** {@code rules} (text and JSON) and {@code rules explain ID}: what the rule base holds. */
public final class RuleListRenderer {
  private RuleListRenderer() {}

  /** One line per rule: id, severity, summary; then how to read one rule's doc. */
  public static String text(List<RuleInfo> rules) {
    int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
    StringBuilder sb = new StringBuilder();
    for (RuleInfo r : rules) {
      sb.append(String.format("%-" + width + "s  %-7s  %s%n", r.id(), severity(r), r.summary()));
    }
    sb.append(String.format("%d rules. 'migsafe rules explain ID' prints one rule's "
        + "documentation.%n", rules.size()));
    return sb.toString();
  }

  public static String json(List<RuleInfo> rules) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 1);
    ArrayNode arr = root.putArray("rules");
    for (RuleInfo r : rules) {
      ObjectNode n = arr.addObject();
      n.put("id", r.id());
      n.put("dialect", r.dialect());
      n.put("severity", r.severity() == null ? null : r.severity().id());
      n.put("summary", r.summary());
      n.put("since", r.since());
    }
    return Json.write(root);
  }

  /**
   * A rule's documentation: a header built from its metadata (when the rule base has it),
   * then its doc without the doc's own title line, which the header replaces.
   *
   * @param info the rule's metadata, or null
   * @param doc the rule's Markdown, or null
   */
  public static String explain(RuleInfo info, String doc) {
    StringBuilder sb = new StringBuilder();
    if (info != null) {
      sb.append(String.format("# %s%n%nseverity: %s | dialect: %s | since: %s%n%n%s%n%n",
          info.id(), severity(info), info.dialect(), info.since(), info.summary()));
    }
    if (doc != null) {
      sb.append(doc.startsWith("# ") ? doc.substring(doc.indexOf('\n') + 1).stripLeading() : doc);
    }
    return sb.toString();
  }

  private static String severity(RuleInfo r) {
    return r.severity() == null ? "?" : r.severity().id();
  }
}
