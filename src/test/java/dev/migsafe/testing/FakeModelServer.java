package dev.migsafe.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that speaks the documented wire formats of Ollama's {@code POST
 * /api/chat} (non-streaming) and OpenAI's {@code POST /v1/chat/completions}, answering every
 * request with a content the test chose. It is not a model: it returns the text it was given
 * and records the requests, so a test can check what the client sent.
 */
public final class FakeModelServer implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One request as received: its path, Authorization header (or null) and JSON body. */
  public record Request(String path, String authorization, JsonNode body) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile String content = "{}";
  private volatile boolean truncated;
  private volatile Duration delay = Duration.ZERO;

  public FakeModelServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-model-server");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/api/chat", e -> answer(e, true));
    server.createContext("/v1/chat/completions", e -> answer(e, false));
    server.start();
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
    return "http://127.0.0.1:" + server.getAddress().getPort();
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
      ObjectNode out = MAPPER.createObjectNode();
      if (ollama) {
        // https://github.com/ollama/ollama/blob/main/docs/api.md#chat-request-no-streaming
        out.put("model", model);
        out.put("created_at", "2026-12-05T04:00:00.000000Z");
        ObjectNode message = out.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        out.put("done", true);
        out.put("done_reason", truncated ? "length" : "stop");
        out.put("total_duration", 1000);
        out.put("prompt_eval_count", 10);
        out.put("eval_count", 10);
      } else {
        // https://platform.openai.com/docs/api-reference/chat/object
        out.put("id", "chatcmpl-test");
        out.put("object", "chat.completion");
        out.put("created", 1764907200L);
        out.put("model", model);
        ObjectNode choice = out.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        choice.put("finish_reason", truncated ? "length" : "stop");
        ObjectNode usage = out.putObject("usage");
        usage.put("prompt_tokens", 10);
        usage.put("completion_tokens", 10);
        usage.put("total_tokens", 20);
      }
      byte[] bytes = MAPPER.writeValueAsBytes(out);
      e.getResponseHeaders().set("Content-Type", "application/json");
      e.sendResponseHeaders(200, bytes.length);
      try (OutputStream os = e.getResponseBody()) {
        os.write(bytes);
      }
    } catch (IOException ex) {
      // The client gave up (a timeout test): nothing to answer.
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
