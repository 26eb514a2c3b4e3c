package dev.migsafe.api;

import java.util.Locale;

/**
 * How closely a past migration resembles the change, in words a reviewer can weigh. Unlike the
 * search score, whose scale depends on the query and the catalog, a strength means the same in
 * every answer:
 *
 * <ul>
 *   <li>{@link #STRONG}: the same kind of change (set-not-null, change-type, ...) and the same
 *       table, the same strongest lock, or both rewrite or both scan the table;
 *   <li>{@link #MODERATE}: the same kind of change without those, or the same table with a
 *       lock, a rewrite or scan, or words in common;
 *   <li>{@link #WEAK}: only locks, size, engine or words in common.
 * </ul>
 */
public enum MatchStrength {
  STRONG,
  MODERATE,
  WEAK;

  /** The lower-case name used in every output format. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
