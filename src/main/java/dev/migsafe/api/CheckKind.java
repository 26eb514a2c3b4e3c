package dev.migsafe.api;

import java.util.Locale;

/**
 * What a validation proves. {@code plan} uses it twice: a precondition of a change whose recipe
 * repairs the data in phase C (the {@link #repairable()} kinds) is checked after that repair,
 * not before it; and of two validations that prove the same thing about the same change, only
 * the most specific one is kept. A catalog template names its kind in {@code checks:}.
 */
public enum CheckKind {
  /** No row holds NULL in the column. */
  NO_NULLS(true),
  /** Every non-NULL reference has its parent row. */
  NO_ORPHANS(true),
  /** No value of the key columns occurs twice. */
  NO_DUPLICATES(true),
  /** No row breaks the new rule (a CHECK expression). */
  NO_VIOLATIONS(true),
  /** The new column holds the old column's value in every row. */
  COPY_PARITY(false),
  COLUMN_EXISTS(false),
  COLUMN_GONE(false),
  /** The column has the target type, as PostgreSQL prints it. */
  COLUMN_TYPE(false),
  /** The column rejects NULL (NOT NULL, or a validated CHECK before PostgreSQL 12). */
  COLUMN_NOT_NULL(false),
  INDEX_EXISTS(false),
  /** The index exists and is valid; covers {@link #INDEX_EXISTS}. */
  INDEX_VALID(false),
  CONSTRAINT_EXISTS(false),
  /** The constraint exists and is validated; covers {@link #CONSTRAINT_EXISTS}. */
  CONSTRAINT_VALIDATED(false),
  TABLE_EXISTS(false),
  TABLE_GONE(false);

  private final boolean repairable;

  CheckKind(boolean repairable) {
    this.repairable = repairable;
  }

  /** The kebab-case name used in catalog templates, e.g. {@code no-nulls}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * A precondition on the rows that a recipe may repair in phase C (fill the NULLs, fix the
   * orphans, merge the duplicates): demanding it before the first step would stop a playbook
   * that is about to fix exactly that.
   */
  public boolean repairable() {
    return repairable;
  }

  /** Whether proving this also proves {@code other}, e.g. validated implies exists. */
  public boolean covers(CheckKind other) {
    return this == other || this == INDEX_VALID && other == INDEX_EXISTS
        || this == CONSTRAINT_VALIDATED && other == CONSTRAINT_EXISTS;
  }

  /** The kind named {@code id}, or null. */
  public static CheckKind parse(String id) {
    for (CheckKind k : values()) {
      if (k.id().equals(id)) {
        return k;
      }
    }
    return null;
  }
}
