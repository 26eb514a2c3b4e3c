package dev.migsafe.internal.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.migsafe.api.AiPass;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.PassPrompt;
import dev.migsafe.testing.LlamaModelServer;
import dev.migsafe.testing.TinyLlamaModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migsafe's model client against a real inference engine: llama.cpp
 * (java-llama.cpp, from Maven Central) serving Ollama's and OpenAI's wire formats on loopback,
 * running a model this test writes with random weights ({@link TinyLlamaModel}). The model has
 * learnt nothing; its answers are noise that the request's JSON Schema, turned into a grammar
 * by the engine, shapes into JSON. They are never taken for what a model would answer: the tests
 * check the protocol, the token limit and the timeout, which {@code ModelClientTest} and {@code
 * AiCommandTest} check with canned answers. A bad-input failure here is what {@code migsafe ai}
 * reports with exit 2 ({@code AiCommandTest} checks that mapping).
 */
class RealEngineModelClientTest {
  private static final PassPrompt PROMPT = new PassPrompt(AiPass.VALIDATION,
      "Answer with one JSON object.", "Which queries check the invariants?",
      AnswerSchemas.text(AiPass.VALIDATION));
  private static LlamaModel model;
  /** Why the engine is not there, when it is not. */
  private static String missing;

  @BeforeAll
  static void loadModel(@TempDir Path dir) throws Exception {
    Path file = TinyLlamaModel.write(dir.resolve("tiny-random.gguf"), 42);
    try {
      // disableLog: the engine logs every slot and timing of every request. A model it cannot
      // load still says why, on standard error and in the exception below. One thread: the
      // model is too small to gain from more, and CI machines are shared.
      model = new LlamaModel(new ModelParameters().setModel(file.toString())
          .setCtxSize(TinyLlamaModel.CONTEXT).setThreads(1).setThreadsBatch(1)
          .setParallel(1).disableLog());
    } catch (LinkageError e) {
      missing = "java-llama.cpp's native library does not load on this machine ("
          + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + e;
    } catch (RuntimeException e) {
      missing = "llama.cpp did not load the generated model " + file + ": " + e;
    }
  }

  // Skipped test by test, not the class as a whole, so that each shows as skipped with the
  // reason (an aborted @BeforeAll shows as no test run at all).
  @BeforeEach
  void engineLoaded() {
    Assumptions.assumeTrue(model != null, () -> missing);
  }

  @AfterAll
  static void closeModel() {
    if (model != null) {
      model.close();
    }
  }

  private static ModelClient client(ModelApi api, LlamaModelServer server, Duration timeout) {
    String url = api == ModelApi.OLLAMA ? server.ollamaUrl() : server.openAiUrl();
    return ModelClient.of(new ModelEndpoint(api, URI.create(url), "tiny-random", timeout),
        Map.of());
  }

  @Test
  void bothWireFormatsCarryAGeneratedAnswerThatFollowsTheSchema() throws Exception {
    for (ModelApi api : ModelApi.values()) {
      try (LlamaModelServer server = new LlamaModelServer(model)) {
        ModelReply reply = client(api, server, Duration.ofSeconds(30)).ask(PROMPT);

        assertThat(server.generations()).hasSize(1);
        LlamaModelServer.Generation g = server.generations().get(0);
        // The messages reached the engine, and its text came back unchanged through the
        // server's JSON and the client's parsing, whatever characters the noise holds.
        assertThat(g.prompt()).as(api.id()).contains(PROMPT.system()).contains(PROMPT.user());
        assertThat(g.cutOff()).as(api.id() + ": %s", g.text()).isFalse();
        assertThat(reply.text()).as(api.id()).isEqualTo(g.text());
        assertThat(reply.truncated()).isFalse();
        assertThat(reply.model()).isEqualTo("tiny-random");
        // The schema went to the engine as the format: the grammar it became makes even this
        // model's noise follow it, so migsafe's own check of the answer passes.
        assertThat(AnswerValidator.parse(AiPass.VALIDATION, "answer", reply).path("queries")
            .isArray()).as(api.id() + ": %s", g.text()).isTrue();
      }
    }
  }

  @Test
  void anAnswerCutAtTheTokenLimitIsAFailureNotAParseError() throws Exception {
    for (ModelApi api : ModelApi.values()) {
      try (LlamaModelServer server = new LlamaModelServer(model).tokenLimit(24)) {
        ModelReply reply = client(api, server, Duration.ofSeconds(30)).ask(PROMPT);

        LlamaModelServer.Generation g = server.generations().get(0);
        assertThat(g.cutOff()).isTrue();
        assertThat(g.text()).hasSize(24);
        assertThat(reply.text()).isEqualTo(g.text());
        assertThat(reply.truncated()).as(api.id()).isTrue();
        assertThatThrownBy(() -> AnswerValidator.parse(AiPass.VALIDATION, "answer", reply))
            .isInstanceOf(MigsafeException.class)
            .hasMessageContaining("was cut off")
            .extracting(e -> ((MigsafeException) e).kind())
            .isEqualTo(MigsafeException.Kind.BAD_INPUT);
      }
    }
  }

  @Test
  void aGenerationLongerThanTheTimeoutIsReportedAsATimeout() throws Exception {
    long start = System.nanoTime();
    LlamaModelServer server = new LlamaModelServer(model).rambling(true)
        .tokenLimit(TinyLlamaModel.CONTEXT - 512);
    try (server) {
      assertThatThrownBy(() -> client(ModelApi.OLLAMA, server, Duration.ofSeconds(1))
          .ask(PROMPT))
          .isInstanceOf(MigsafeException.class)
          .hasMessageContaining("did not answer within 1 s (--timeout)");
    }
    // The client gave up after its second, and closing the server stopped the generation:
    // far sooner than the whole limit would take (a bound loose enough for a loaded machine).
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    // The engine was still generating when the client gave up (the close that followed cut
    // it short of its limit): the wait was inference, not a sleep. On an engine fast enough
    // to write the whole limit within the second, the client gets an answer and this test
    // fails rather than pass without a timeout.
    assertThat(server.generations()).hasSize(1);
    LlamaModelServer.Generation g = server.generations().get(0);
    assertThat(g.cutOff()).as("the generation ended before the client's timeout").isFalse();
    // Most of the client's second: the server's clock starts when the request reaches it,
    // a little after the client's (899 ms was once seen under load for a 1 s timeout).
    assertThat(g.millis()).isGreaterThanOrEqualTo(500);
  }
}
