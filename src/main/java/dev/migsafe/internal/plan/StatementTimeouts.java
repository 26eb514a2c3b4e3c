package dev.migsafe.internal.plan;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a SQL step estimated to run longer than the packet's {@code maxStatementTime} runs
 * with. The session's own timeout (often that very limit, set on the migration role) would
 * cancel it part-way, and none at all would let a runaway hold its locks for as long as it
 * likes: so the step gets its own {@code statement_timeout}, set just before it and reset just
 * after. A bound is twice the estimate, because the estimate is a model's (docs/plan-model.md)
 * and a statement that takes twice as long is stuck or the model is wrong for this table;
 * stopping it rolls it back and loses nothing. A backfill is bounded per batch, with the
 * timeout its controls state ({@link BackfillControls#batchTimeout}). The one
 * exception is a {@code CONCURRENTLY} statement, which commits in several transactions and,
 * cut short, leaves its work half done: it runs without a bound, and its note says what to do
 * instead.
 */
final class StatementTimeouts {
  static final String RESET_SQL = "RESET statement_timeout";
  static final String RESET_TITLE = "Reset statement_timeout to the session's default";

  private static final Pattern CONCURRENTLY = Pattern.compile("(?is).*\\bCONCURRENTLY\\b.*");

  private StatementTimeouts() {}

  /**
   * The setting for one step, with the title of its own step and the note it adds to the step
   * it bounds (null when the title says it all).
   */
  record Setting(String sql, String title, String note) {}

  /** The setting the step needs, or null when it fits within {@code max} (or there is none). */
  static Setting of(String sql, boolean batched, Duration estimate, Duration batch,
      Duration max) {
    if (max == null || sql == null || estimate.compareTo(max) <= 0) {
      return null;
    }
    String over = "estimated " + DurationText.human(estimate) + ", over maxStatementTime "
        + DurationText.human(max);
    if (CONCURRENTLY.matcher(sql).matches()) {
      return new Setting("SET statement_timeout = 0",
          "Lift statement_timeout for the next step (" + over + "): it must not be cut short",
          "Runs without statement_timeout (" + over + "): " + unboundedBecause(sql));
    }
    if (batched) {
      Duration bound = BackfillControls.batchTimeout(batch);
      return new Setting(set(bound), "Bound each batch of the next step with statement_timeout = "
          + DurationText.setting(bound) + ", the backfill's timeout per batch (ten times one "
          + "batch's estimate of " + DurationText.human(batch) + ", at least 5s"
          + (batch.compareTo(max) > 0 ? "; one batch is over maxStatementTime "
              + DurationText.human(max) + ", so lower backfill.batchSize" : "")
          + "): a batch cut short rolls back alone, and the next run picks its rows up again",
          null);
    }
    Duration bound = twice(estimate);
    return new Setting(set(bound), "Bound the next step with statement_timeout = "
        + DurationText.setting(bound) + ", twice its estimate (" + over + "): a runaway stops "
        + "and rolls back instead of holding its locks", null);
  }

  /** Why a CONCURRENTLY statement runs unbounded, and what to do instead of cancelling it. */
  private static String unboundedBecause(String sql) {
    String s = sql.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (s.startsWith("CREATE")) {
      return "cut short, CREATE INDEX CONCURRENTLY leaves an INVALID index that every write "
          + "still maintains and no query uses. Follow it in pg_stat_progress_create_index "
          + "instead; if it must stop, cancel it, then DROP INDEX CONCURRENTLY the INVALID "
          + "index before a retry.";
    }
    if (s.startsWith("DROP INDEX")) {
      return "cut short, DROP INDEX CONCURRENTLY leaves the index INVALID, still maintained by "
          + "every write; if it must stop, cancel it and run the same DROP again later.";
    }
    if (s.startsWith("REINDEX")) {
      return "cut short, REINDEX CONCURRENTLY leaves an INVALID _ccnew index beside the old "
          + "one; if it must stop, cancel it, then drop the _ccnew index concurrently.";
    }
    if (s.contains("DETACH PARTITION")) {
      return "cut short, DETACH PARTITION CONCURRENTLY leaves the partition detach-pending; "
          + "if it must stop, cancel it, then finish with ALTER TABLE ... DETACH PARTITION ... "
          + "FINALIZE.";
    }
    return "a CONCURRENTLY statement commits in several transactions, and cut short it leaves "
        + "its work half done; watch its progress instead of bounding it.";
  }

  private static String set(Duration bound) {
    return "SET statement_timeout = " + SqlQuoting.literal(DurationText.setting(bound));
  }

  /** Twice the estimate, rounded up to the second, or to the minute from a minute on. */
  private static Duration twice(Duration d) {
    long ms = d.multipliedBy(2).toMillis();
    long unit = ms >= 60_000 ? 60_000 : 1_000;
    return Duration.ofMillis((ms + unit - 1) / unit * unit);
  }
}
