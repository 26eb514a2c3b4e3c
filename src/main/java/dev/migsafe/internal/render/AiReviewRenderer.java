package dev.migsafe.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migsafe.api.MigrationCheck;
import dev.migsafe.internal.ai.AnswerReview;
import dev.migsafe.internal.ai.Claim;
import dev.migsafe.internal.ai.ClaimStatus;
import dev.migsafe.internal.ai.ReviewedAnswer;
import java.util.List;

/**
 * {@code migsafe ai}'s report: the model's answer beside migsafe's verdict on each part, as
 * Markdown, JSON ({@code schemaVersion: 1}) and HTML. Everything the model wrote is untrusted
 * text: in Markdown it is escaped character by character or fenced, in HTML escaped, and
 * control characters (a terminal's escape sequences) are replaced everywhere.
 */
public final class AiReviewRenderer {
  /** Said under every verdict: what migsafe checked is not an approval. */
  public static final String GATE = "AI output never passes a gate: the human review of this "
      + "migration stays required, whatever migsafe's verdict on the answer.";

  private AiReviewRenderer() {}

  public static String markdown(List<ReviewedAnswer> answers) {
    StringBuilder sb = new StringBuilder();
    for (ReviewedAnswer a : answers) {
      AnswerReview r = a.review();
      sb.append("# migsafe ai ").append(r.pass().command()).append(": packet ")
          .append(md(r.packetId())).append("\n\n");
      sb.append("Model ").append(md(a.model())).append(" at ").append(md(a.endpoint()))
          .append(" (").append(md(a.api())).append(" API)")
          .append(a.exchange() == null ? "" : ", recorded in " + md(a.exchange()))
          .append(".\n\n");
      sb.append("**migsafe's verdict: ").append(r.verdict().id()).append("**: ")
          .append(counts(r)).append(".\n\n");
      sb.append("**Gate: human review required.** ").append(GATE).append("\n\n");
      if (!r.notes().isEmpty()) {
        sb.append("## Needs a person\n\n");
        r.notes().forEach(n -> sb.append("- ").append(md(n)).append('\n'));
        sb.append('\n');
      }
      sb.append("## The answer, part by part\n\n");
      int n = 0;
      for (Claim c : r.claims()) {
        sb.append("### ").append(++n).append(". ").append(c.part()).append(": ")
            .append(c.status().id()).append("\n\n");
        sb.append("The model: ").append(md(c.title())).append("\n\n");
        if (c.sql() != null) {
          sb.append(CodeFence.of("sql", printable(c.sql()))).append('\n');
        }
        if (c.rollbackSql() != null) {
          sb.append("Rollback:\n\n").append(CodeFence.of("sql", printable(c.rollbackSql())))
              .append('\n');
        }
        sb.append("migsafe:\n\n");
        c.facts().forEach(f -> sb.append("- ").append(f.status().id()).append(": ")
            .append(md(f.text())).append('\n'));
        sb.append('\n');
      }
      sb.append("## check_migration on the answer's SQL as one migration\n\n");
      if (r.check() == null) {
        sb.append("Not run: ").append(md(r.checkNote())).append(".\n\n");
      } else {
        MigrationCheck k = r.check();
        sb.append("Verdict **").append(k.verdict().id()).append("**")
            .append(k.serverVersion() == null ? "" : " on PostgreSQL " + k.serverVersion())
            .append(".\n\n");
        for (MigrationCheck.Evidence e : k.evidence()) {
          sb.append("- ").append(e.point().id()).append(": ").append(e.verdict().id())
              .append(": ").append(md(e.summary())).append('\n');
          for (MigrationCheck.Item i : e.items()) {
            sb.append("  - ").append(i.verdict().id()).append(' ').append(md(i.kind()))
                .append(i.where() == null ? "" : " at " + md(i.where())).append(": ")
                .append(md(i.message())).append('\n');
          }
        }
        sb.append('\n');
      }
      sb.append("## The model's answer, as received\n\n")
          .append(CodeFence.of("json", printable(Json.write(r.answer()).strip())))
          .append('\n');
    }
    return sb.toString();
  }

  public static String json(List<ReviewedAnswer> answers) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 1);
    ArrayNode reviews = root.putArray("reviews");
    for (ReviewedAnswer a : answers) {
      AnswerReview r = a.review();
      ObjectNode o = reviews.addObject();
      o.put("pass", r.pass().command());
      o.put("packet", r.packetId());
      o.put("api", a.api());
      o.put("endpoint", a.endpoint());
      o.put("model", a.model());
      o.put("exchange", a.exchange());
      o.put("verdict", r.verdict().id());
      o.put("gate", "human-review-required");
      ObjectNode counts = o.putObject("counts");
      for (ClaimStatus s : ClaimStatus.values()) {
        counts.put(s.id(), r.count(s));
      }
      ArrayNode notes = o.putArray("notes");
      r.notes().forEach(notes::add);
      ArrayNode parts = o.putArray("parts");
      for (Claim c : r.claims()) {
        ObjectNode p = parts.addObject();
        p.put("part", c.part());
        p.put("status", c.status().id());
        p.put("title", c.title());
        p.put("sql", c.sql());
        p.put("rollbackSql", c.rollbackSql());
        ArrayNode facts = p.putArray("facts");
        c.facts().forEach(f -> facts.addObject().put("status", f.status().id())
            .put("text", f.text()));
      }
      if (r.check() == null) {
        o.putNull("check");
        o.put("checkNote", r.checkNote());
      } else {
        ObjectNode k = o.putObject("check");
        k.put("verdict", r.check().verdict().id());
        k.put("serverVersion", r.check().serverVersion());
        ArrayNode ev = k.putArray("evidence");
        for (MigrationCheck.Evidence e : r.check().evidence()) {
          ObjectNode eo = ev.addObject();
          eo.put("point", e.point().id());
          eo.put("verdict", e.verdict().id());
          eo.put("summary", e.summary());
          ArrayNode items = eo.putArray("items");
          e.items().forEach(i -> items.addObject().put("kind", i.kind())
              .put("verdict", i.verdict().id()).put("where", i.where())
              .put("message", i.message()));
        }
      }
      o.set("answer", r.answer());
    }
    return Json.write(root);
  }

  public static String html(List<ReviewedAnswer> answers) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><title>migsafe ai</title><style>"
        + "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;}"
        + "pre{background:#f4f4f4;padding:.5rem;overflow-x:auto;}"
        + ".verified{color:#05640c}.refuted{color:#a30000}.unverified{color:#805b00}"
        + "</style></head><body>\n");
    for (ReviewedAnswer a : answers) {
      AnswerReview r = a.review();
      sb.append("<h1>migsafe ai ").append(h(r.pass().command())).append(": packet ")
          .append(h(r.packetId())).append("</h1>\n");
      sb.append("<p>Model ").append(h(a.model())).append(" at ").append(h(a.endpoint()))
          .append(" (").append(h(a.api())).append(" API)</p>\n");
      sb.append("<p><strong>migsafe's verdict: ").append(r.verdict().id())
          .append("</strong>: ").append(h(counts(r))).append(".</p>\n");
      sb.append("<p><strong>Gate: human review required.</strong> ").append(h(GATE))
          .append("</p>\n");
      if (!r.notes().isEmpty()) {
        sb.append("<h2>Needs a person</h2><ul>\n");
        r.notes().forEach(n -> sb.append("<li>").append(h(n)).append("</li>\n"));
        sb.append("</ul>\n");
      }
      sb.append("<h2>The answer, part by part</h2>\n");
      for (Claim c : r.claims()) {
        sb.append("<h3>").append(h(c.part())).append(": <span class=\"")
            .append(c.status().id()).append("\">").append(c.status().id())
            .append("</span></h3>\n<p>The model: ").append(h(c.title())).append("</p>\n");
        if (c.sql() != null) {
          sb.append("<pre><code>").append(h(c.sql())).append("</code></pre>\n");
        }
        if (c.rollbackSql() != null) {
          sb.append("<p>Rollback:</p><pre><code>").append(h(c.rollbackSql()))
              .append("</code></pre>\n");
        }
        sb.append("<ul>\n");
        c.facts().forEach(f -> sb.append("<li class=\"").append(f.status().id()).append("\">")
            .append(f.status().id()).append(": ").append(h(f.text())).append("</li>\n"));
        sb.append("</ul>\n");
      }
      sb.append("<h2>check_migration on the answer's SQL as one migration</h2>\n");
      if (r.check() == null) {
        sb.append("<p>Not run: ").append(h(r.checkNote())).append(".</p>\n");
      } else {
        sb.append("<p>Verdict <strong>").append(r.check().verdict().id())
            .append("</strong></p>\n<ul>\n");
        for (MigrationCheck.Evidence e : r.check().evidence()) {
          sb.append("<li>").append(e.point().id()).append(": ").append(e.verdict().id())
              .append(": ").append(h(e.summary())).append("<ul>");
          e.items().forEach(i -> sb.append("<li>").append(i.verdict().id()).append(' ')
              .append(h(i.kind())).append(i.where() == null ? "" : " at " + h(i.where()))
              .append(": ").append(h(i.message())).append("</li>"));
          sb.append("</ul></li>\n");
        }
        sb.append("</ul>\n");
      }
      sb.append("<h2>The model's answer, as received</h2>\n<pre><code>")
          .append(h(Json.write(r.answer()).strip())).append("</code></pre>\n");
    }
    return sb.append("</body></html>\n").toString();
  }

  private static String counts(AnswerReview r) {
    return r.count(ClaimStatus.REFUTED) + " refuted, " + r.count(ClaimStatus.UNVERIFIED)
        + " unverified, " + r.count(ClaimStatus.VERIFIED) + " verified";
  }

  /**
   * Model text as inline Markdown that renders as the same text: line breaks become spaces,
   * and every character that could start a link, image, HTML tag, code span, emphasis, table
   * cell or heading is backslash-escaped (CommonMark allows it for any ASCII punctuation), as
   * is what would make a list item of the text's start.
   */
  static String md(String text) {
    if (text == null) {
      return "";
    }
    String s = printable(text).strip().replaceAll("\\s*\\R\\s*", " ");
    java.util.regex.Matcher ordered = java.util.regex.Pattern.compile("^(\\d+)([.)])")
        .matcher(s);
    int listMark = ordered.find() ? ordered.end(1) : s.startsWith("+") || s.startsWith("-")
        || s.startsWith("=") ? 0 : -1;
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (i == listMark || "\\`*_[]<>&!|#~".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static String h(String text) {
    return Html.text(printable(text));
  }

  /** Control characters other than line breaks and tabs, which a terminal would obey. */
  static String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      boolean control = Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\t';
      if (control || cp == 0x200E || cp == 0x200F || cp >= 0x202A && cp <= 0x202E
          || cp >= 0x2066 && cp <= 0x2069) {
        sb.append('\uFFFD');
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }
}
