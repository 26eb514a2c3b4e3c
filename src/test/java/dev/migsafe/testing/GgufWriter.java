package dev.migsafe.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a GGUF version 3 file, the format llama.cpp loads models from: the magic, the
 * version, the tensor and metadata counts, the metadata key-value pairs, one info record per
 * tensor (name, dimensions innermost first as ggml orders them, type, offset), then the F32
 * tensor data, each tensor starting at a multiple of {@link #ALIGNMENT}. Only the value types
 * a small test model needs are here. Layout as in llama.cpp's {@code docs/gguf.md} and
 * {@code gguf-py/gguf/constants.py}.
 */
final class GgufWriter {
  /** llama.cpp's default {@code general.alignment}. */
  static final int ALIGNMENT = 32;
  private static final int UINT32 = 4;
  private static final int INT32 = 5;
  private static final int FLOAT32 = 6;
  private static final int STRING = 8;
  private static final int ARRAY = 9;
  private static final int GGML_TYPE_F32 = 0;

  private record Tensor(String name, long[] dims, float[] data) {}

  private final ByteArrayOutputStream metadata = new ByteArrayOutputStream();
  private int metadataCount;
  private final List<Tensor> tensors = new ArrayList<>();

  GgufWriter string(String key, String value) {
    key(key, STRING);
    putString(metadata, value);
    return this;
  }

  GgufWriter uint32(String key, int value) {
    key(key, UINT32);
    putInt(metadata, value);
    return this;
  }

  GgufWriter float32(String key, float value) {
    key(key, FLOAT32);
    putInt(metadata, Float.floatToRawIntBits(value));
    return this;
  }

  GgufWriter strings(String key, List<String> values) {
    arrayHeader(key, STRING, values.size());
    values.forEach(v -> putString(metadata, v));
    return this;
  }

  GgufWriter floats(String key, float[] values) {
    arrayHeader(key, FLOAT32, values.length);
    for (float v : values) {
      putInt(metadata, Float.floatToRawIntBits(v));
    }
    return this;
  }

  GgufWriter int32s(String key, int[] values) {
    arrayHeader(key, INT32, values.length);
    for (int v : values) {
      putInt(metadata, v);
    }
    return this;
  }

  /**
   * An F32 tensor. {@code dims} innermost first: a weight applied as {@code y = W x} with
   * {@code x} of size n and {@code y} of size m is {@code {n, m}}, with {@code data} holding m
   * rows of n values.
   */
  GgufWriter tensor(String name, float[] data, long... dims) {
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    if (n != data.length) {
      throw new IllegalArgumentException(name + ": " + data.length + " values for " + n);
    }
    tensors.add(new Tensor(name, dims, data));
    return this;
  }

  void write(Path file) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.write("GGUF".getBytes(StandardCharsets.US_ASCII));
    putInt(head, 3);
    putLong(head, tensors.size());
    putLong(head, metadataCount);
    metadata.writeTo(head);
    long offset = 0;
    for (Tensor t : tensors) {
      putString(head, t.name());
      putInt(head, t.dims().length);
      for (long d : t.dims()) {
        putLong(head, d);
      }
      putInt(head, GGML_TYPE_F32);
      putLong(head, offset);
      offset = align(offset + 4L * t.data().length);
    }
    pad(head, head.size());
    try (OutputStream out = Files.newOutputStream(file)) {
      head.writeTo(out);
      for (Tensor t : tensors) {
        ByteBuffer b = ByteBuffer.allocate(4 * t.data().length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(t.data());
        out.write(b.array());
        int size = 4 * t.data().length;
        out.write(new byte[(int) (align(size) - size)]);
      }
    }
  }

  private void key(String key, int type) {
    putString(metadata, key);
    putInt(metadata, type);
    metadataCount++;
  }

  private void arrayHeader(String key, int elementType, int count) {
    key(key, ARRAY);
    putInt(metadata, elementType);
    putLong(metadata, count);
  }

  private static long align(long n) {
    return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }

  private static void pad(ByteArrayOutputStream out, long size) {
    out.writeBytes(new byte[(int) (align(size) - size)]);
  }

  private static void putString(ByteArrayOutputStream out, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    putLong(out, bytes.length);
    out.writeBytes(bytes);
  }

  private static void putInt(ByteArrayOutputStream out, int v) {
    out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
  }

  private static void putLong(ByteArrayOutputStream out, long v) {
    out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
  }
}
