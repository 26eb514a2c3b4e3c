package dev.migsafe.internal.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The primitives of the record cache's binary form: big-endian as {@code DataOutputStream}
 * writes them, but on byte arrays in memory, without a stream's locking or checked exceptions
 * (100,000 records are a few million reads). Strings are a length and UTF-8, -1 for null; not
 * {@code writeUTF}, which stops at 64 KiB, and a record's SQL may be larger.
 */
final class CacheBytes {
  private CacheBytes() {}

  /** Appends to a growing buffer. */
  static final class Out {
    private byte[] b = new byte[512];
    private int size;

    private void room(int n) {
      if (n > b.length - size) {
        b = Arrays.copyOf(b, Math.max(b.length * 2, size + n));
      }
    }

    Out writeByte(int v) {
      room(1);
      b[size++] = (byte) v;
      return this;
    }

    Out writeInt(int v) {
      room(4);
      b[size++] = (byte) (v >>> 24);
      b[size++] = (byte) (v >>> 16);
      b[size++] = (byte) (v >>> 8);
      b[size++] = (byte) v;
      return this;
    }

    Out writeLong(long v) {
      writeInt((int) (v >>> 32));
      return writeInt((int) v);
    }

    Out writeBytes(byte[] v) {
      return writeBytes(v, 0, v.length);
    }

    Out writeBytes(byte[] v, int from, int length) {
      room(length);
      System.arraycopy(v, from, b, size, length);
      size += length;
      return this;
    }

    Out writeString(String s) {
      if (s == null) {
        return writeInt(-1);
      }
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      writeInt(utf8.length);
      return writeBytes(utf8);
    }

    int size() {
      return size;
    }

    /** The buffer itself, valid up to {@link #size()}: for a checksum without a copy. */
    byte[] array() {
      return b;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(b, size);
    }
  }

  /**
   * Reads from a byte array. A read past the end throws {@link IndexOutOfBoundsException}, as
   * does a negative length: the caller treats any of them as a damaged cache.
   */
  static final class In {
    private final byte[] b;
    private final int end;
    private int at;

    In(byte[] b, int from, int end) {
      if (from < 0 || end > b.length || from > end) {
        throw new IndexOutOfBoundsException("slice " + from + ".." + end + " of " + b.length);
      }
      this.b = b;
      this.at = from;
      this.end = end;
    }

    int position() {
      return at;
    }

    boolean atEnd() {
      return at == end;
    }

    private int need(int n) {
      if (n < 0 || n > end - at) {
        throw new IndexOutOfBoundsException("read of " + n + " at " + at + ", end " + end);
      }
      int from = at;
      at += n;
      return from;
    }

    int readByte() {
      return b[need(1)];
    }

    boolean readBoolean() {
      return readByte() != 0;
    }

    int readInt() {
      int i = need(4);
      return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8
          | (b[i + 3] & 0xff);
    }

    long readLong() {
      return (long) readInt() << 32 | (readInt() & 0xffffffffL);
    }

    byte[] readBytes(int n) {
      int i = need(n);
      byte[] out = new byte[n];
      System.arraycopy(b, i, out, 0, n);
      return out;
    }

    void skip(int n) {
      need(n);
    }

    String readString() {
      int n = readInt();
      if (n == -1) {
        return null;
      }
      return new String(b, need(n), n, StandardCharsets.UTF_8);
    }
  }
}
