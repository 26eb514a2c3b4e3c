package dev.migsafe.internal.similar;

import dev.migsafe.api.LockMode;
import java.util.List;

/**
 * Orders lock terms from both dialects on one scale, so that "the strongest lock" of a mixed
 * description is well defined: PostgreSQL's modes by the manual's order, MySQL's algorithms by
 * how much of the table they hold up (INSTANT is a metadata change, COPY blocks writes).
 */
final class LockRank {
  private static final List<String> MYSQL = List.of("INSTANT", "INPLACE", "COPY");

  private LockRank() {}

  static int of(String lock) {
    if (lock == null) {
      return -1;
    }
    int m = MYSQL.indexOf(lock);
    if (m >= 0) {
      return m * 3;
    }
    try {
      return LockMode.parse(lock).ordinal();
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
