package dev.migsafe.internal.similar;

import dev.migsafe.internal.model.TableScale;
import java.util.Collection;

/**
 * Table size in orders of magnitude. Risk grows with size in steps, not linearly: a rewrite of
 * 5M rows is a slow minute, of 500M rows an outage. Neighbouring classes count as partly alike.
 *
 * <p>The first step is plan's large table ({@link TableScale#LARGE_ROWS}): every class above
 * {@code small} is a table plan calls large. The names are the index's and the catalog's
 * vocabulary, so {@code large} here stays the third class (10M rows and more) rather than
 * plan's sense of the word.
 */
public enum SizeClass {
  SMALL("small", "under 1M rows"),
  MEDIUM("medium", "1M to 10M rows"),
  LARGE("large", "10M to 100M rows"),
  HUGE("huge", "100M rows or more");

  private final String term;
  private final String range;

  SizeClass(String term, String range) {
    this.term = term;
    this.range = range;
  }

  public String term() {
    return term;
  }

  public String range() {
    return range;
  }

  public static SizeClass ofRows(long rows) {
    if (rows < TableScale.LARGE_ROWS) {
      return SMALL;
    }
    if (rows < 10 * TableScale.LARGE_ROWS) {
      return MEDIUM;
    }
    return rows < 100 * TableScale.LARGE_ROWS ? LARGE : HUGE;
  }

  /** The class of the largest count, or null when there is none. */
  public static String ofLargest(Collection<Long> rows) {
    return rows.stream().filter(r -> r != null).max(Long::compare)
        .map(r -> ofRows(r).term()).orElse(null);
  }

  public static SizeClass parse(String term) {
    for (SizeClass c : values()) {
      if (c.term.equals(term)) {
        return c;
      }
    }
    return null;
  }

  /** The classes either side, for partial credit. */
  public SizeClass[] neighbours() {
    int i = ordinal();
    if (i == 0) {
      return new SizeClass[] {values()[1]};
    }
    if (i == values().length - 1) {
      return new SizeClass[] {values()[i - 1]};
    }
    return new SizeClass[] {values()[i - 1], values()[i + 1]};
  }

  static String larger(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return parse(a).ordinal() >= parse(b).ordinal() ? a : b;
  }
}
