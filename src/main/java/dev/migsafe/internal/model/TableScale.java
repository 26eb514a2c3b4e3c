package dev.migsafe.internal.model;

import dev.migsafe.api.MigrationPacket.TableProfile;

/**
 * How big and how busy a table is, in the steps that change what a lock, scan or rewrite of it
 * costs. Plan, check, the workload scaling of lint severities, and similar's size classes all
 * read these thresholds here, so that no two of them call the same table differently. The
 * figures are the documented ones ({@code docs/plan-model.md}, {@code docs/check.md}).
 */
public final class TableScale {
  /** At or above this size a table is large: a scan or rewrite takes minutes, not seconds. */
  public static final double LARGE_GB = 1.0;
  /** A table with this many rows is large whatever its size on disk. */
  public static final long LARGE_ROWS = 1_000_000;
  /** At or above this write rate a table is hot: writes queue within a second of a lock. */
  public static final double HOT_WRITES_PER_SECOND = 50;
  /** At or below all three of these a table is small: a strong lock on it lasts milliseconds. */
  public static final long SMALL_ROWS = 100_000;
  public static final double SMALL_GB = 0.1;
  public static final double QUIET_WRITES_PER_SECOND = 10;
  /**
   * At or above this write rate an hour in which VACUUM can remove no dead row (a long
   * concurrent index build holds the xmin horizon back) leaves bloat that matters.
   */
  public static final double BLOATING_WRITES_PER_SECOND = 10;

  private TableScale() {}

  /** Large by either figure. */
  public static boolean isLarge(long rows, double sizeGb) {
    return sizeGb >= LARGE_GB || rows >= LARGE_ROWS;
  }

  public static boolean isHot(double writesPerSecond) {
    return writesPerSecond >= HOT_WRITES_PER_SECOND;
  }

  /** A packet's table profile: an absent figure counts as zero (the packet does not say so). */
  public static boolean isLarge(TableProfile p) {
    return isLarge(p.rows() == null ? 0 : p.rows(), p.sizeGb() == null ? 0 : p.sizeGb());
  }

  public static boolean isHot(TableProfile p) {
    return p.writesPerSecond() != null && isHot(p.writesPerSecond());
  }

  /**
   * Small and quiet: every figure at or below its bound. An absent size is not small (nothing
   * says the table is), an absent write rate is quiet (nothing says it is written to).
   */
  public static boolean isSmall(TableProfile p) {
    return p.rows() != null && p.rows() <= SMALL_ROWS && p.sizeGb() != null
        && p.sizeGb() <= SMALL_GB
        && (p.writesPerSecond() == null || p.writesPerSecond() <= QUIET_WRITES_PER_SECOND);
  }
}
