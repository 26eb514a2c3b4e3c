package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;

/**
 * A change as the plan rule base sees it: the diff's change plus the workload of its table and
 * what the schemas say about it. Recipe selection rules set {@code recipe}.
 */
public final class PlanChange {
  /** A table at or above this size is large: a scan or rewrite takes minutes, not seconds. */
  static final double LARGE_GB = 1.0;
  /** A table at or above this write rate is hot: writes queue within a second of a lock. */
  static final double HOT_WRITES_PER_SECOND = 50;
  /** A table with this many rows is large whatever its size on disk. */
  static final long LARGE_ROWS = 1_000_000;

  private final Change change;
  private final int engineVersion;
  private final long rows;
  private final double sizeGb;
  private final double writesPerSecond;
  private final boolean typeChangeRewrites;
  private final boolean primaryKeyColumn;
  private final boolean defaultVolatile;
  private String recipe;

  public PlanChange(Change change, int engineVersion, long rows, double sizeGb,
      double writesPerSecond, boolean typeChangeRewrites, boolean primaryKeyColumn,
      boolean defaultVolatile) {
    this.change = change;
    this.engineVersion = engineVersion;
    this.rows = rows;
    this.sizeGb = sizeGb;
    this.writesPerSecond = writesPerSecond;
    this.typeChangeRewrites = typeChangeRewrites;
    this.primaryKeyColumn = primaryKeyColumn;
    this.defaultVolatile = defaultVolatile;
  }

  public Change change() {
    return change;
  }

  public String getId() {
    return change.id();
  }

  public String getKind() {
    return change.kind();
  }

  public String getTable() {
    return change.table();
  }

  public int getEngineVersion() {
    return engineVersion;
  }

  public long getRows() {
    return rows;
  }

  public double getSizeGb() {
    return sizeGb;
  }

  public double getWritesPerSecond() {
    return writesPerSecond;
  }

  public boolean isLarge() {
    return isLarge(rows, sizeGb);
  }

  /** A table with this many rows or gigabytes is large: reading it takes minutes. */
  static boolean isLarge(long rows, double sizeGb) {
    return sizeGb >= LARGE_GB || rows >= LARGE_ROWS;
  }

  public boolean isHot() {
    return writesPerSecond >= HOT_WRITES_PER_SECOND;
  }

  /** The same thresholds on a packet's table profile; an absent figure counts as zero. */
  public static boolean isLarge(dev.migsafe.api.MigrationPacket.TableProfile p) {
    return isLarge(p.rows() == null ? 0 : p.rows(), p.sizeGb() == null ? 0 : p.sizeGb());
  }

  public static boolean isHot(dev.migsafe.api.MigrationPacket.TableProfile p) {
    return p.writesPerSecond() != null && p.writesPerSecond() >= HOT_WRITES_PER_SECOND;
  }

  public boolean isNotNull() {
    return Boolean.TRUE.equals(change.notNull());
  }

  public boolean isHasDefault() {
    return change.defaultValue() != null && !change.defaultValue().equalsIgnoreCase("null");
  }

  public boolean isDefaultVolatile() {
    return defaultVolatile;
  }

  /** An index change on a unique index. */
  public boolean isUnique() {
    return "unique".equals(change.expression());
  }

  public boolean isTypeChangeRewrites() {
    return typeChangeRewrites;
  }

  public boolean isPrimaryKeyColumn() {
    return primaryKeyColumn;
  }

  public String getRecipe() {
    return recipe;
  }

  public void setRecipe(String recipe) {
    this.recipe = recipe;
  }
}
