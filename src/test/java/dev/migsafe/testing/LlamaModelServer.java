package dev.migsafe.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A loopback HTTP server that answers Ollama's {@code POST /api/chat} (non-streaming) and
 * OpenAI's {@code POST /v1/chat/completions} with real inference: llama.cpp (through
 * java-llama.cpp) runs the model it is given on a prompt rendered from the request's messages,
 * under a grammar made from the request's JSON Schema, up to a token limit, and the reply says
 * {@code length} when the limit cut the answer. Unlike {@link FakeModelServer}, nothing of the
 * answer is chosen by the test; with {@link TinyLlamaModel} it is random text shaped by the
 * grammar, not anything a trained model would say.
 *
 * <p>Only the end-of-text token and the single characters of {@link TinyLlamaModel}'s
 * vocabulary are ever sampled (not its byte tokens, nor unknown and begin, whose text is
 * empty), so every generated token is one character and the answer's length is its token
 * count: that is how the server knows the limit was reached (java-llama.cpp's output does not
 * say why it stopped).
 */
public final class LlamaModelServer implements AutoCloseable {
  private static final ObjectMapper MAPPER = ChatWire.MAPPER;
  /** Unknown, begin, and {@code <0x00>}..{@code <0xFF>} in {@link TinyLlamaModel}'s vocabulary. */
  private static final List<Integer> NEVER_SAMPLED = IntStream.range(0, 3 + 256)
      .filter(id -> id != TinyLlamaModel.END_OF_TEXT).boxed().toList();

  /** One generation: the prompt the engine ran, its text, whether the limit cut it, its time. */
  public record Generation(String prompt, String text, boolean cutOff, long millis) {}

  private final LlamaModel model;
  private final ChatWire wire;
  private final List<Generation> generations = new CopyOnWriteArrayList<>();
  private volatile int tokenLimit = 2048;
  private volatile boolean rambling;
  private volatile boolean closing;

  /** Serves {@code model}, which stays the caller's to close (after this server). */
  public LlamaModelServer(LlamaModel model) throws IOException {
    this.model = model;
    wire = new ChatWire("llama-model-server", this::answer);
  }

  /**
   * The most tokens an answer may have unless the request asks for fewer (Ollama's
   * {@code options.num_predict}, OpenAI's {@code max_tokens}), as {@code llama-server -n} or
   * Ollama's {@code num_predict} set on the server.
   */
  public LlamaModelServer tokenLimit(int tokens) {
    this.tokenLimit = tokens;
    return this;
  }

  /**
   * Ignores the requested format and the end-of-text token, so that the engine generates
   * until its token limit: a server that does not constrain its model, and a model that does
   * not stop. This is how a test gets a generation slower than a timeout from a model this
   * small; the answer is still computed token by token.
   */
  public LlamaModelServer rambling(boolean r) {
    this.rambling = r;
    return this;
  }

  public String ollamaUrl() {
    return wire.ollamaUrl();
  }

  public String openAiUrl() {
    return ollamaUrl() + "/v1";
  }

  public List<Generation> generations() {
    return List.copyOf(generations);
  }

  private void answer(HttpExchange e, boolean ollama) throws IOException {
    try (e) {
      JsonNode body = MAPPER.readTree(e.getRequestBody().readAllBytes());
      JsonNode schema = ollama ? body.path("format")
          : body.path("response_format").path("json_schema").path("schema");
      JsonNode asked = ollama ? body.path("options").path("num_predict")
          : body.path("max_tokens");
      int limit = asked.canConvertToInt() && asked.asInt() > 0
          ? Math.min(asked.asInt(), tokenLimit) : tokenLimit;
      // Never a grammar with rambling: once the grammar's JSON is complete only the
      // end-of-text token is allowed, and ignoring it makes the engine abort the JVM.
      Generation g = generate(prompt(body.path("messages")),
          schema.isObject() && !rambling ? MAPPER.writeValueAsString(schema) : null, limit);
      generations.add(g);
      // Every generated token is one character (see the class comment).
      String model = body.path("model").asText();
      int tokens = g.text().length();
      ChatWire.send(e, ollama ? ChatWire.ollamaReply(model, g.text(), g.cutOff(), 0, tokens)
          : ChatWire.openAiReply(model, g.text(), g.cutOff(), 0, tokens));
    } catch (IOException ex) {
      // The client gave up (a timeout test): nothing to answer.
    }
  }

  /** ChatML, a template many chat models use; this model learnt none, so any would do. */
  private static String prompt(JsonNode messages) {
    StringBuilder p = new StringBuilder();
    for (JsonNode m : messages) {
      p.append("<|im_start|>").append(m.path("role").asText()).append('\n')
          .append(m.path("content").asText()).append("<|im_end|>\n");
    }
    return p.append("<|im_start|>assistant\n").toString();
  }

  /** One generation at a time: the engine has one slot. */
  private synchronized Generation generate(String prompt, String schema, int limit) {
    long start = System.nanoTime();
    InferenceParameters p = new InferenceParameters(prompt).setNPredict(limit).setSeed(7)
        .setTemperature(1f).disableTokenIds(NEVER_SAMPLED).setCachePrompt(false);
    if (schema != null) {
      p.setGrammar(LlamaModel.jsonSchemaToGrammar(schema));
    }
    if (rambling) {
      p.setIgnoreEos(true);
    }
    StringBuilder text = new StringBuilder();
    LlamaIterator tokens = model.generate(p).iterator();
    while (tokens.hasNext()) {
      if (closing) {
        tokens.cancel();
        break;
      }
      text.append(tokens.next().text);
    }
    return new Generation(prompt, text.toString(), text.length() >= limit,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  /** Stops a generation under way, then waits for its request to end. */
  @Override
  public void close() {
    closing = true;
    wire.close(false);
  }
}
