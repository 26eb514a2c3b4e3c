package dev.migsafe.internal.ai;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.PassPrompt;

/**
 * {@link ModelClient} on LangChain4j's Ollama and OpenAI chat models. The answer's schema goes
 * as a raw JSON Schema, so the server receives exactly {@link PassPrompt#answerSchema()}.
 * Retries are off: a retried timeout would wait several times {@code --timeout}, and a model
 * that answered badly once is reported, not asked again behind the user's back.
 */
final class LangChainModelClient implements ModelClient {
  private final ModelEndpoint endpoint;
  private final ChatModel model;

  LangChainModelClient(ModelEndpoint endpoint, String apiKey) {
    this.endpoint = endpoint;
    String url = endpoint.url().toString();
    this.model = switch (endpoint.api()) {
      case OLLAMA -> OllamaChatModel.builder().baseUrl(url).modelName(endpoint.model())
          .timeout(endpoint.timeout()).maxRetries(0).build();
      case OPENAI -> OpenAiChatModel.builder().baseUrl(url).apiKey(apiKey)
          .modelName(endpoint.model()).timeout(endpoint.timeout()).maxRetries(0)
          .strictJsonSchema(true).build();
    };
  }

  @Override
  public ModelReply ask(PassPrompt prompt) {
    ResponseFormat format = ResponseFormat.builder().type(ResponseFormatType.JSON)
        .jsonSchema(JsonSchema.builder().name("migsafe_" + AnswerSchemas.stem(prompt.pass()))
            .rootElement(JsonRawSchema.from(prompt.answerSchema())).build())
        .build();
    ChatRequest request = ChatRequest.builder()
        .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
        .responseFormat(format).build();
    ChatResponse response;
    try {
      response = model.chat(request);
    } catch (TimeoutException e) {
      throw failure("did not answer within " + endpoint.timeout().toSeconds()
          + " s (--timeout)");
    } catch (HttpException e) {
      throw failure("answered HTTP " + e.statusCode() + ": " + firstLine(e.getMessage()));
    } catch (RuntimeException e) {
      // Connection refused, a reset, a body that is not the API's JSON: LangChain4j wraps
      // them in several types; the cause's message says which.
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      if (root instanceof java.net.http.HttpTimeoutException) {
        throw failure("did not answer within " + endpoint.timeout().toSeconds()
            + " s (--timeout)");
      }
      throw failure("could not be asked: " + root.getClass().getSimpleName()
          + (root.getMessage() == null ? "" : ": " + firstLine(root.getMessage())));
    }
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    return new ModelReply(text == null ? "" : text,
        response.modelName() == null ? endpoint.model() : response.modelName(),
        response.finishReason() == FinishReason.LENGTH);
  }

  private MigsafeException failure(String what) {
    return MigsafeException.badInput("migsafe ai: the model " + endpoint.model() + " at "
        + endpoint.url() + " (" + endpoint.api().id() + " API) " + what);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String line = s.strip().split("\\R", 2)[0];
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
