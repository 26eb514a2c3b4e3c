package dev.migsafe.internal.ci;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a finding across commits: its rule, its file as the repository names it, the
 * text of its statement with whitespace collapsed, and which occurrence of that triple it is in
 * the file. Line numbers are left out on purpose: a migration edited above the statement, or
 * re-indented, keeps its fingerprints, so baselines and GitLab's merge-request diff of Code
 * Quality findings do not report old findings as new.
 *
 * @param value 32 lower-case hex digits (the first 128 bits of a SHA-256)
 */
public record Fingerprint(String value) {

  static Fingerprint of(String rule, String repositoryPath, String statement, int occurrence) {
    String key = rule + '\n' + repositoryPath + '\n' + normalise(statement) + '\n' + occurrence;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8));
      return new Fingerprint(HexFormat.of().formatHex(digest, 0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Whitespace runs, line ends included, as one space: layout is not identity. */
  static String normalise(String statement) {
    return statement.strip().replaceAll("\\s+", " ");
  }

  @Override
  public String toString() {
    return value;
  }
}
