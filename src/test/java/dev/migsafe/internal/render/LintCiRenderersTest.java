package dev.migsafe.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The escaping of the CI formats; the golden files show the rest. */
class LintCiRenderersTest {

  /** As GitHub's toolkit escapes: nothing can end the property or the command. */
  @Test
  void githubPropertiesAndDataAreEscaped() {
    assertThat(LintGithubRenderer.property("a%b,c:d\r\ne")).isEqualTo("a%25b%2Cc%3Ad%0D%0Ae");
    assertThat(LintGithubRenderer.data("50%, a:b\nc")).isEqualTo("50%25, a:b%0Ac");
  }

  @Test
  void markdownTextRendersAsText() {
    assertThat(MarkdownText.inline("a|b <img src=x> *c* [l](u) @team `x`\nd"))
        .isEqualTo("a\\|b &lt;img src\\=x\\> \\*c\\* \\[l\\]\\(u\\) @\u200Bteam \\`x\\` d");
  }

  @Test
  void gitlabSeveritiesUseItsScale() {
    assertThat(java.util.Arrays.stream(dev.migsafe.api.Severity.values())
        .map(LintGitlabRenderer::severity))
        .containsExactly("blocker", "critical", "major", "minor", "info");
  }
}
