package dev.migsafe.internal.ai;

import dev.migsafe.api.PassPrompt;
import java.util.Map;

/**
 * Asks a model one pass's prompt and returns its raw answer. The one seam between migsafe and
 * a model server: everything before (the prompt) and after (schema check, verification) is
 * migsafe's own and runs without a network.
 */
public interface ModelClient {
  /**
   * Sends the system and user messages with the answer's JSON Schema as the required format.
   *
   * @throws dev.migsafe.api.MigsafeException bad input when the server cannot be reached, does
   *     not answer within the timeout, or answers with an error
   */
  ModelReply ask(PassPrompt prompt);

  /** The environment variables an API key is read from, first set wins. */
  java.util.List<String> API_KEY_VARIABLES = java.util.List.of("MIGSAFE_AI_API_KEY",
      "OPENAI_API_KEY");

  /**
   * The client for an endpoint. An API key (OpenAI-compatible servers only) comes from {@code
   * environment}, never from an option or a file.
   */
  static ModelClient of(ModelEndpoint endpoint, Map<String, String> environment) {
    String key = null;
    if (endpoint.api() == ModelApi.OPENAI) {
      for (String v : API_KEY_VARIABLES) {
        String value = environment.get(v);
        if (value != null && !value.isBlank()) {
          key = value;
          break;
        }
      }
    }
    return new LangChainModelClient(endpoint, key);
  }
}
