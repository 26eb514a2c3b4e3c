package dev.migsafe.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Rehearsal;
import dev.migsafe.internal.render.RehearsalHtmlRenderer;
import dev.migsafe.internal.render.RehearsalMarkdownRenderer;
import org.junit.jupiter.api.Test;

/** What the golden files cannot say: escaping, self-containment, table safety. */
class RehearsalReportTest {
  private final Rehearsal r = RehearsalFixture.rehearsal();

  @Test
  void htmlEscapesEveryTextFromPacketsAndServers() {
    String html = RehearsalHtmlRenderer.render(r);
    assertThat(html).doesNotContain("<script>", "<img src=x>", "<b>note</b>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x&gt;",
            "&lt;b&gt;note&lt;/b&gt;");
  }

  @Test
  void htmlIsSelfContained() {
    String html = RehearsalHtmlRenderer.render(r);
    assertThat(html).doesNotContainPattern("(?i)(src|href)=\"https?:")
        .doesNotContain("<script", "<link").contains("<svg", "<style>");
    // Every bar of the chart links to its step's row.
    for (Rehearsal.StepRun s : r.steps()) {
      assertThat(html).contains("href=\"#step-" + s.id() + "\"", "id=\"step-" + s.id() + "\"");
    }
  }

  @Test
  void markdownTableCellsCannotBeBrokenByPipesOrNewlines() {
    Rehearsal withPipe = new Rehearsal(r.packetId(), r.server(), r.data(), r.steps(),
        r.validations(), r.rollback(), java.util.List.of(new dev.migsafe.api.Plan.Gate("g",
            "failed", "a | b\nc")), r.stopped(), r.workload(), r.notes());
    String md = RehearsalMarkdownRenderer.render(withPipe);
    assertThat(md).contains("| g | failed | a \\| b c |");
  }
}
