package dev.migsafe.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What the test model servers share: a loopback HTTP server with Ollama's {@code /api/chat}
 * and OpenAI's {@code /v1/chat/completions}, and the two documented non-streaming reply
 * bodies, so that {@link FakeModelServer} and {@link LlamaModelServer} answer alike and differ
 * only in where the answer's text comes from.
 */
final class ChatWire {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Answers one request; {@code ollama} tells which of the two paths it came to. */
  interface Handler {
    void answer(HttpExchange e, boolean ollama) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor;

  ChatWire(String threadName, Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/api/chat", e -> handler.answer(e, true));
    server.createContext("/v1/chat/completions", e -> handler.answer(e, false));
    server.start();
  }

  String ollamaUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  // https://github.com/ollama/ollama/blob/main/docs/api.md#chat-request-no-streaming
  static ObjectNode ollamaReply(String model, String content, boolean cutOff,
      long promptTokens, long answerTokens) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("model", model);
    out.put("created_at", "2026-12-05T04:00:00.000000Z");
    ObjectNode message = out.putObject("message");
    message.put("role", "assistant");
    message.put("content", content);
    out.put("done", true);
    out.put("done_reason", cutOff ? "length" : "stop");
    out.put("total_duration", 1000);
    out.put("prompt_eval_count", promptTokens);
    out.put("eval_count", answerTokens);
    return out;
  }

  // https://platform.openai.com/docs/api-reference/chat/object
  static ObjectNode openAiReply(String model, String content, boolean cutOff,
      long promptTokens, long answerTokens) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("id", "chatcmpl-test");
    out.put("object", "chat.completion");
    out.put("created", 1764907200L);
    out.put("model", model);
    ObjectNode choice = out.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", content);
    choice.put("finish_reason", cutOff ? "length" : "stop");
    ObjectNode usage = out.putObject("usage");
    usage.put("prompt_tokens", promptTokens);
    usage.put("completion_tokens", answerTokens);
    usage.put("total_tokens", promptTokens + answerTokens);
    return out;
  }

  static void send(HttpExchange e, ObjectNode reply) throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(reply);
    e.getResponseHeaders().set("Content-Type", "application/json");
    e.sendResponseHeaders(200, bytes.length);
    try (OutputStream os = e.getResponseBody()) {
      os.write(bytes);
    }
  }

  /**
   * Stops listening, then ends the requests under way: interrupted when {@code interrupt} (a
   * sleeping fake), else awaited (a native generation must finish before its model closes).
   */
  void close(boolean interrupt) {
    server.stop(0);
    if (interrupt) {
      executor.shutdownNow();
      return;
    }
    executor.shutdown();
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }
}
