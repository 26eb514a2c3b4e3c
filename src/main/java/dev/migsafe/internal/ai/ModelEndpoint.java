package dev.migsafe.internal.ai;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how to ask a model. Deliberately without an API key: a key is read from the
 * environment at the moment of asking (see {@link ModelClient#of}), so it is never printed,
 * recorded or passed through options.
 *
 * @param api the protocol
 * @param url the server's base address
 * @param model the model's name on that server, e.g. {@code qwen2.5-coder}
 * @param timeout how long to wait for the whole answer
 */
public record ModelEndpoint(ModelApi api, URI url, String model, Duration timeout) {}
