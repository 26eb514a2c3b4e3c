package dev.migsafe.internal.ai;

/**
 * What a model server sent back.
 *
 * @param text the answer's text, as received (possibly empty)
 * @param model the model that answered, as the server names it (may differ from the one asked
 *     for, e.g. with a tag added)
 * @param truncated whether the server says the answer was cut off (a token limit reached)
 */
public record ModelReply(String text, String model, boolean truncated) {}
