package dev.migsafe.internal.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a record's bytes: what the index and the writer compare to see a change. */
public final class ContentHash {
  private ContentHash() {}

  public static String of(byte[] bytes) {
    return hex(digest(bytes));
  }

  public static String of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The 32 bytes of the hash, as the record cache keeps them. */
  public static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The hash as {@link #of} spells it. */
  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
