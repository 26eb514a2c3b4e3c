package dev.migsafe.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server that speaks the documented wire formats of Ollama's {@code POST
 * /api/chat} (non-streaming) and OpenAI's {@code POST /v1/chat/completions}, answering every
 * request with a content the test chose. It is not a model: it returns the text it was given
 * and records the requests, so a test can check what the client sent.
 */
public final class FakeModelServer implements AutoCloseable {
  private static final ObjectMapper MAPPER = ChatWire.MAPPER;

  /** One request as received: its path, Authorization header (or null) and JSON body. */
  public record Request(String path, String authorization, JsonNode body) {}

  private final ChatWire wire;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile String content = "{}";
  private volatile boolean truncated;
  private volatile Duration delay = Duration.ZERO;

  public FakeModelServer() throws IOException {
    wire = new ChatWire("fake-model-server", this::answer);
  }

  /** The answer's content: the text the assistant message carries. */
  public FakeModelServer answering(String text) {
    this.content = text;
    return this;
  }

  /**
   * The {@code answer} of a fixture under {@code src/test/resources/ai/answers/} (files authored
   * for tests, not model output), as compact JSON.
   */
  public static String fixture(String name) throws IOException {
    JsonNode file = MAPPER.readTree(Files.readString(
        Path.of("src/test/resources/ai/answers").resolve(name)));
    if (!file.has("authoredForTests")) {
      throw new IllegalStateException(name + " lacks its authoredForTests marker");
    }
    return MAPPER.writeValueAsString(file.get("answer"));
  }

  /** Says the answer stopped at the token limit (Ollama {@code done_reason: length}). */
  public FakeModelServer truncated(boolean t) {
    this.truncated = t;
    return this;
  }

  /** Waits this long before answering. */
  public FakeModelServer delay(Duration d) {
    this.delay = d;
    return this;
  }

  public String ollamaUrl() {
    return wire.ollamaUrl();
  }

  public String openAiUrl() {
    return ollamaUrl() + "/v1";
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void answer(HttpExchange e, boolean ollama) throws IOException {
    try (e) {
      JsonNode body = MAPPER.readTree(e.getRequestBody().readAllBytes());
      requests.add(new Request(e.getRequestURI().getPath(),
          e.getRequestHeaders().getFirst("Authorization"), body));
      if (!delay.isZero()) {
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      String model = body.path("model").asText();
      ChatWire.send(e, ollama ? ChatWire.ollamaReply(model, content, truncated, 10, 10)
          : ChatWire.openAiReply(model, content, truncated, 10, 10));
    } catch (IOException ex) {
      // The client gave up (a timeout test): nothing to answer.
    }
  }

  @Override
  public void close() {
    wire.close(true);
  }
}
