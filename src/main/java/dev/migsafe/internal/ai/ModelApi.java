package dev.migsafe.internal.ai;

/** The wire protocol a model server speaks. */
public enum ModelApi {
  /** Ollama's native {@code POST /api/chat}, with {@code format} holding the JSON Schema. */
  OLLAMA("ollama", "http://127.0.0.1:11434"),
  /**
   * {@code POST /chat/completions} under the endpoint, with {@code response_format} of type
   * {@code json_schema}: llama.cpp's server, vLLM, and other OpenAI-compatible servers.
   */
  OPENAI("openai", "http://127.0.0.1:8080/v1");

  private final String id;
  private final String defaultEndpoint;

  ModelApi(String id, String defaultEndpoint) {
    this.id = id;
    this.defaultEndpoint = defaultEndpoint;
  }

  public String id() {
    return id;
  }

  /** Where a server of this kind listens when started with its defaults, on this machine. */
  public String defaultEndpoint() {
    return defaultEndpoint;
  }

  /** The API named {@code id}, or null. */
  public static ModelApi of(String id) {
    for (ModelApi a : values()) {
      if (a.id.equals(id)) {
        return a;
      }
    }
    return null;
  }
}
