package dev.migsafe.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Writes a GGUF model of llama.cpp's {@code llama} architecture small enough to generate in a
 * test: one block, two attention heads, an embedding of 32, and seeded random weights. It has
 * learnt nothing: what it generates is noise, shaped only by the grammar the request imposes.
 * It exists so that the wire tests run a real inference engine (tokenizing, sampling under a
 * grammar, stopping at a token limit) instead of canned text.
 *
 * <p>The vocabulary is SentencePiece-style ({@code tokenizer.ggml.model = llama}): unknown,
 * begin and end of sequence, the 256 byte tokens {@code <0x00>}..{@code <0xFF>} (so any text
 * can be tokenized) and one token per printable ASCII character, with SentencePiece's
 * {@code ▁} for the space, so that every character JSON needs is a token of its own.
 */
public final class TinyLlamaModel {
  static final int EMBEDDING = 32;
  static final int HEADS = 2;
  static final int FEED_FORWARD = 64;
  /** What the model declares; the engine's context may not exceed it without a warning. */
  public static final int CONTEXT = 32768;
  static final int END_OF_TEXT = 2;
  // token_type values of llama.cpp's llama_token_type.
  private static final int NORMAL = 1;
  private static final int UNKNOWN = 2;
  private static final int CONTROL = 3;
  private static final int BYTE = 6;

  private TinyLlamaModel() {}

  /** Writes the model to {@code file}; the same seed gives the same bytes. */
  public static Path write(Path file, long seed) throws IOException {
    List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
    List<Integer> types = new ArrayList<>(List.of(UNKNOWN, CONTROL, CONTROL));
    for (int b = 0; b < 256; b++) {
      tokens.add(String.format("<0x%02X>", b));
      types.add(BYTE);
    }
    tokens.add("\u2581");
    types.add(NORMAL);
    for (char c = 0x21; c < 0x7f; c++) {
      tokens.add(String.valueOf(c));
      types.add(NORMAL);
    }
    int vocab = tokens.size();
    float[] scores = new float[vocab];
    Random random = new Random(seed);
    new GgufWriter()
        .string("general.architecture", "llama")
        .string("general.name", "migsafe-test-random-weights")
        .uint32("general.alignment", GgufWriter.ALIGNMENT)
        .uint32("llama.context_length", CONTEXT)
        .uint32("llama.embedding_length", EMBEDDING)
        .uint32("llama.block_count", 1)
        .uint32("llama.feed_forward_length", FEED_FORWARD)
        .uint32("llama.attention.head_count", HEADS)
        .uint32("llama.attention.head_count_kv", HEADS)
        .uint32("llama.rope.dimension_count", EMBEDDING / HEADS)
        .float32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
        .string("tokenizer.ggml.model", "llama")
        .strings("tokenizer.ggml.tokens", tokens)
        .floats("tokenizer.ggml.scores", scores)
        .int32s("tokenizer.ggml.token_type", types.stream().mapToInt(Integer::intValue)
            .toArray())
        .uint32("tokenizer.ggml.unknown_token_id", 0)
        .uint32("tokenizer.ggml.bos_token_id", 1)
        .uint32("tokenizer.ggml.eos_token_id", END_OF_TEXT)
        .tensor("token_embd.weight", noise(random, EMBEDDING * vocab), EMBEDDING, vocab)
        .tensor("blk.0.attn_norm.weight", ones(EMBEDDING), EMBEDDING)
        .tensor("blk.0.attn_q.weight", noise(random, EMBEDDING * EMBEDDING), EMBEDDING,
            EMBEDDING)
        .tensor("blk.0.attn_k.weight", noise(random, EMBEDDING * EMBEDDING), EMBEDDING,
            EMBEDDING)
        .tensor("blk.0.attn_v.weight", noise(random, EMBEDDING * EMBEDDING), EMBEDDING,
            EMBEDDING)
        .tensor("blk.0.attn_output.weight", noise(random, EMBEDDING * EMBEDDING), EMBEDDING,
            EMBEDDING)
        .tensor("blk.0.ffn_norm.weight", ones(EMBEDDING), EMBEDDING)
        .tensor("blk.0.ffn_gate.weight", noise(random, EMBEDDING * FEED_FORWARD), EMBEDDING,
            FEED_FORWARD)
        .tensor("blk.0.ffn_up.weight", noise(random, EMBEDDING * FEED_FORWARD), EMBEDDING,
            FEED_FORWARD)
        .tensor("blk.0.ffn_down.weight", noise(random, FEED_FORWARD * EMBEDDING),
            FEED_FORWARD, EMBEDDING)
        .tensor("output_norm.weight", ones(EMBEDDING), EMBEDDING)
        .tensor("output.weight", noise(random, EMBEDDING * vocab), EMBEDDING, vocab)
        .write(file);
    return file;
  }

  private static float[] noise(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (random.nextGaussian() * 0.2);
    }
    return v;
  }

  private static float[] ones(int n) {
    float[] v = new float[n];
    Arrays.fill(v, 1f);
    return v;
  }
}
