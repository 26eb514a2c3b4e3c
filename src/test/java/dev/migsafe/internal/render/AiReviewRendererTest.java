package dev.migsafe.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.api.AiPass;
import dev.migsafe.api.MigrationCheck;
import dev.migsafe.internal.ai.AnswerReview;
import dev.migsafe.internal.ai.Claim;
import dev.migsafe.internal.ai.ClaimStatus;
import dev.migsafe.internal.ai.ReviewedAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model's text is untrusted: it renders as text, never as markup or terminal control. */
class AiReviewRendererTest {
  private static final String HOSTILE = "[click](javascript:alert(1)) <script>x</script> "
      + "![i](http://e/i.png) **bold** `code`\n# heading\u001b[31m red\u202e";

  private static List<ReviewedAnswer> review() throws Exception {
    Claim c = new Claim("phases[0].steps[0]", HOSTILE, "SELECT 1; -- ```\n" + HOSTILE, null,
        List.of(new Claim.Fact(ClaimStatus.REFUTED, "table " + HOSTILE + " does not exist")));
    AnswerReview r = new AnswerReview(AiPass.EXECUTION, "p", new ObjectMapper().createObjectNode()
        .put("summary", HOSTILE), List.of(c), null, "not run", List.of(),
        MigrationCheck.Verdict.FAIL);
    return List.of(new ReviewedAnswer("ollama", "http://127.0.0.1:11434", "m", null, r));
  }

  @Test
  void markdownEscapesOrFencesEverythingTheModelWrote() throws Exception {
    String md = AiReviewRenderer.markdown(review());
    assertThat(md).doesNotContain("\u001b").doesNotContain("\u202e");
    List<String> prose = md.lines()
        .filter(l -> l.startsWith("The model: ") || l.startsWith("- refuted: ")).toList();
    assertThat(prose).hasSize(2).allSatisfy(l -> assertThat(l)
        .contains("\\[click\\](javascript:alert(1)) \\<script\\>x\\</script\\>")
        .contains("\\!\\[i\\]").contains("\\*\\*bold\\*\\*").contains("\\`code\\`")
        .contains(" \\# heading"));
    // The SQL is fenced, and its own triple backtick cannot close the fence.
    assertThat(md).contains("````sql\nSELECT 1; -- ```\n[click]").contains("\n````\n");
  }

  @Test
  void htmlEscapesEverythingTheModelWrote() throws Exception {
    String html = AiReviewRenderer.html(review());
    assertThat(html).doesNotContain("<script>x").doesNotContain("\u001b")
        .contains("&lt;script&gt;x&lt;/script&gt;");
  }

  @Test
  void jsonKeepsTheTextAsDataAndTheGate() throws Exception {
    var json = new ObjectMapper().readTree(AiReviewRenderer.json(review()));
    var r = json.path("reviews").get(0);
    assertThat(r.path("gate").asText()).isEqualTo("human-review-required");
    assertThat(r.path("parts").get(0).path("title").asText()).isEqualTo(HOSTILE);
    assertThat(r.path("counts").path("refuted").asInt()).isEqualTo(1);
  }
}
