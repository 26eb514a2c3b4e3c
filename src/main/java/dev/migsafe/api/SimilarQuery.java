package dev.migsafe.api;

import java.nio.file.Path;

/**
 * What to look for in the catalog: free text, SQL, a migration packet, or any mix of them.
 * Free text is words, never query syntax: any characters are accepted.
 *
 * @param text free text, or null
 * @param sql migration statements, or null
 * @param packet a migration packet file (docs/packet.md), or null
 * @param dialect {@code postgresql} or {@code mysql} when known (a packet says it itself)
 * @param engineVersion the server version when known, e.g. {@code "15"} or {@code "8.0"}
 */
public record SimilarQuery(String text, String sql, Path packet, String dialect,
    String engineVersion) {

  public static SimilarQuery text(String text) {
    return new SimilarQuery(text, null, null, null, null);
  }

  public static SimilarQuery sql(String sql) {
    return new SimilarQuery(null, sql, null, null, null);
  }

  public static SimilarQuery packet(Path packet) {
    return new SimilarQuery(null, null, packet, null, null);
  }

  public SimilarQuery withDialect(String dialect, String engineVersion) {
    return new SimilarQuery(text, sql, packet, dialect, engineVersion);
  }

  /** True when there is nothing to search for. */
  public boolean isEmpty() {
    return (text == null || text.isBlank()) && (sql == null || sql.isBlank()) && packet == null;
  }
}
