package dev.migsafe.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.api.SimilarMigration;
import dev.migsafe.api.SimilarResult;
import dev.migsafe.api.SkippedRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The answer of {@code similar} as text, Markdown and JSON ({@code schemaVersion: 1}). Text and
 * Markdown show each match's strength; JSON keeps the score beside it for tools.
 */
public final class SimilarRenderer {
  private SimilarRenderer() {}

  public static String text(SimilarResult result) {
    StringBuilder sb = new StringBuilder(CatalogNotice.text(result.catalogSource()));
    if (sb.length() > 0) {
      sb.append('\n');
    }
    int n = 0;
    for (SimilarMigration m : result.results()) {
      sb.append(++n).append(". ").append(m.id()).append("  ").append(strength(m))
          .append('\n');
      sb.append("   ").append(m.title()).append('\n');
      sb.append("   ").append(context(m)).append('\n');
      sb.append("   outcome: ").append(m.outcome()).append('\n');
      if (!m.lesson().isEmpty()) {
        sb.append("   lesson: ").append(m.lesson()).append('\n');
      }
      sb.append("   why: ").append(m.why().isEmpty() ? "-" : m.why()).append('\n');
      sb.append('\n');
    }
    sb.append(summary(result)).append('\n');
    return sb.toString();
  }

  public static String markdown(SimilarResult result) {
    StringBuilder sb = new StringBuilder("# Similar past migrations\n\n");
    sb.append(CatalogNotice.markdown(result.catalogSource()));
    int n = 0;
    for (SimilarMigration m : result.results()) {
      sb.append("## ").append(++n).append(". ").append(md(m.title())).append("\n\n");
      sb.append('`').append(m.id()).append("` · ").append(md(context(m))).append(" · ")
          .append(strength(m)).append("\n\n");
      sb.append("- **Outcome:** ").append(md(m.outcome())).append('\n');
      if (!m.lesson().isEmpty()) {
        sb.append("- **Lesson:** ").append(md(m.lesson())).append('\n');
      }
      sb.append("- **Why it matched:** ").append(m.why().isEmpty() ? "-" : md(m.why()))
          .append("\n\n");
    }
    sb.append(summary(result)).append('\n');
    for (SkippedRecord s : result.skipped()) {
      sb.append("\n> skipped `").append(s.file()).append("`: ").append(md(s.reason()));
    }
    if (!result.skipped().isEmpty()) {
      sb.append('\n');
    }
    return sb.toString();
  }

  public static String json(SimilarResult result) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 1);
    root.put("catalogSource", result.catalogSource().id());
    ArrayNode results = root.putArray("results");
    for (SimilarMigration m : result.results()) {
      ObjectNode r = results.addObject();
      r.put("id", m.id());
      r.put("score", BigDecimal.valueOf(m.score()).setScale(2, RoundingMode.HALF_UP));
      r.put("strength", m.strength().id());
      r.put("title", m.title());
      r.put("outcome", m.outcome());
      r.put("why", m.why());
      r.put("status", m.status());
      r.put("lesson", m.lesson());
      r.put("team", m.team());
      r.put("date", m.date().toString());
      r.put("dialect", m.dialect());
      r.put("engineVersion", m.engineVersion());
      ArrayNode reasons = r.putArray("reasons");
      m.reasons().forEach(reasons::add);
    }
    Json.skipped(root, result.skipped());
    return Json.write(root);
  }

  private static String context(SimilarMigration m) {
    return m.team() + ", " + m.dialect()
        + (m.engineVersion() == null ? "" : " " + m.engineVersion()) + ", " + m.date();
  }

  /** What people read instead of the score, whose scale means nothing outside one answer. */
  static String strength(SimilarMigration m) {
    return m.strength().id() + " match";
  }

  private static String summary(SimilarResult result) {
    int n = result.results().size();
    String s = n == 0 ? "No similar past migration found."
        : n + (n == 1 ? " similar past migration." : " similar past migrations.");
    if (!result.skipped().isEmpty()) {
      s += " " + result.skipped().size() + " malformed catalog "
          + (result.skipped().size() == 1 ? "record was" : "records were") + " skipped.";
    }
    return s;
  }

  /** Markdown's inline specials, so that SQL fragments in lessons render as written. */
  private static String md(String text) {
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
        .replace("`", "\\`").replace("<", "&lt;");
  }
}
