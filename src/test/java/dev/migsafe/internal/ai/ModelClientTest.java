package dev.migsafe.internal.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migsafe.api.AiPass;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.PassPrompt;
import dev.migsafe.testing.FakeModelServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The model client against a loopback server speaking Ollama's and OpenAI's documented wire
 * formats: what it sends (model, the two messages, the answer's schema as the format) and what
 * it makes of the reply, a cut-off answer, a timeout and a server that is not there.
 */
class ModelClientTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final PassPrompt PROMPT = new PassPrompt(AiPass.EXECUTION, "the system text",
      "the user text", AnswerSchemas.text(AiPass.EXECUTION));

  private static ModelClient client(ModelApi api, String url, Duration timeout,
      Map<String, String> env) {
    return ModelClient.of(new ModelEndpoint(api, URI.create(url), "test-model", timeout), env);
  }

  @Test
  void ollamaGetsTheMessagesAndTheSchemaAsFormat() throws Exception {
    String answer = FakeModelServer.fixture("execution-direct-rewrite.json");
    try (FakeModelServer server = new FakeModelServer().answering(answer)) {
      ModelReply reply = client(ModelApi.OLLAMA, server.ollamaUrl(), Duration.ofSeconds(10),
          Map.of()).ask(PROMPT);

      assertThat(reply.text()).isEqualTo(answer);
      assertThat(reply.truncated()).isFalse();
      assertThat(reply.model()).isEqualTo("test-model");
      assertThat(server.requests()).hasSize(1);
      FakeModelServer.Request r = server.requests().get(0);
      assertThat(r.path()).isEqualTo("/api/chat");
      assertThat(r.authorization()).isNull();
      JsonNode body = r.body();
      assertThat(body.path("model").asText()).isEqualTo("test-model");
      assertThat(body.path("stream").asBoolean(true)).isFalse();
      assertThat(body.path("messages")).hasSize(2);
      assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
      assertThat(body.path("messages").get(0).path("content").asText())
          .isEqualTo("the system text");
      assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
      assertThat(body.path("messages").get(1).path("content").asText())
          .isEqualTo("the user text");
      assertThat(body.path("format")).isEqualTo(MAPPER.readTree(PROMPT.answerSchema()));
    }
  }

  @Test
  void openAiGetsTheSchemaAsJsonSchemaResponseFormatAndTheKeyFromTheEnvironment()
      throws Exception {
    String answer = FakeModelServer.fixture("execution-direct-rewrite.json");
    try (FakeModelServer server = new FakeModelServer().answering(answer)) {
      ModelReply reply = client(ModelApi.OPENAI, server.openAiUrl(), Duration.ofSeconds(10),
          Map.of("MIGSAFE_AI_API_KEY", "sk-from-env")).ask(PROMPT);

      assertThat(reply.text()).isEqualTo(answer);
      FakeModelServer.Request r = server.requests().get(0);
      assertThat(r.path()).isEqualTo("/v1/chat/completions");
      assertThat(r.authorization()).isEqualTo("Bearer sk-from-env");
      JsonNode body = r.body();
      assertThat(body.path("model").asText()).isEqualTo("test-model");
      assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
      assertThat(body.path("messages").get(1).path("content").asText())
          .isEqualTo("the user text");
      JsonNode format = body.path("response_format");
      assertThat(format.path("type").asText()).isEqualTo("json_schema");
      assertThat(format.path("json_schema").path("name").asText())
          .isEqualTo("migsafe_execution");
      assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
      assertThat(format.path("json_schema").path("schema"))
          .isEqualTo(MAPPER.readTree(PROMPT.answerSchema()));
    }
  }

  @Test
  void anAnswerCutOffAtTheTokenLimitIsSaidToBeTruncated() throws Exception {
    try (FakeModelServer server = new FakeModelServer().answering("{\"summary\": \"a")
        .truncated(true)) {
      assertThat(client(ModelApi.OLLAMA, server.ollamaUrl(), Duration.ofSeconds(10), Map.of())
          .ask(PROMPT).truncated()).isTrue();
      assertThat(client(ModelApi.OPENAI, server.openAiUrl(), Duration.ofSeconds(10), Map.of())
          .ask(PROMPT).truncated()).isTrue();
    }
  }

  @Test
  void aServerSlowerThanTheTimeoutIsAFailureThatSaysSo() throws Exception {
    try (FakeModelServer server = new FakeModelServer().delay(Duration.ofSeconds(5))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> client(ModelApi.OLLAMA, server.ollamaUrl(),
          Duration.ofSeconds(1), Map.of()).ask(PROMPT))
          .isInstanceOf(MigsafeException.class)
          .hasMessageContaining("did not answer within 1 s (--timeout)");
      // No retry behind the user's back: one request, and well under the server's delay.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void aServerThatIsNotThereIsAFailureThatSaysSo() throws Exception {
    String url;
    try (FakeModelServer server = new FakeModelServer()) {
      url = server.ollamaUrl();
    }
    assertThatThrownBy(() -> client(ModelApi.OLLAMA, url, Duration.ofSeconds(2), Map.of())
        .ask(PROMPT))
        .isInstanceOf(MigsafeException.class)
        .hasMessageContaining("could not be asked");
  }
}
