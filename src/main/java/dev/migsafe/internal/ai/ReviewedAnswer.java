package dev.migsafe.internal.ai;

/**
 * A review with where its answer came from, as the reports show it.
 *
 * @param api {@code ollama} or {@code openai}
 * @param endpoint the server asked
 * @param model the model that answered
 * @param exchange the recorded exchange it was read from ({@code ai check}), or null
 */
public record ReviewedAnswer(String api, String endpoint, String model, String exchange,
    AnswerReview review) {}
