package dev.migsafe.api;

import java.util.Locale;

/**
 * Whose history a catalog holds, so that every output can say when its past migrations are
 * migsafe's sample data rather than the team's own (a sample incident is no evidence about the
 * team's database).
 */
public enum CatalogSource {
  /**
   * The catalog shipped inside migsafe, or a folder marked as that sample by a
   * {@code SAMPLE.md} file: illustrative records, not anyone's history.
   */
  SAMPLE,
  /** {@code catalog/} of the working directory, found without being asked for. */
  TEAM,
  /** The folder given with {@code --catalog DIR} (or to the builder). */
  EXPLICIT;

  /** The lower-case name used in every output format ({@code sample}, {@code team}, ...). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
