package dev.migsafe.locks;

import dev.migsafe.api.LockMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a statement did, as the server reports it, or as migsafe predicts it; the two are
 * compared with {@code equals}, and {@code toString} shows them side by side in a failure.
 */
record ObservedFacts(
    Map<String, LockMode> locks, Boolean rewrites, Boolean scans, boolean fails) {

  ObservedFacts {
    locks = new TreeMap<>(locks);
  }

  /** PostgreSQL's {@code pg_locks.mode} ({@code AccessExclusiveLock}) as a {@link LockMode}. */
  static LockMode parseMode(String pgLocksMode) {
    String words = pgLocksMode.replaceFirst("Lock$", "").replaceAll("([a-z])([A-Z])", "$1 $2");
    return LockMode.parse(words);
  }
}
