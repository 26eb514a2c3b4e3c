package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;
import dev.migsafe.internal.model.TableScale;

/**
 * A change as the plan rule base sees it: the diff's change plus the workload of its table and
 * what the schemas say about it. Recipe selection rules set {@code recipe}.
 */
public final class PlanChange {
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
    return TableScale.isLarge(rows, sizeGb);
  }

  public boolean isHot() {
    return TableScale.isHot(writesPerSecond);
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
