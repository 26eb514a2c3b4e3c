package dev.migsafe.internal.rehearse;

/** Whole numbers without a trailing ".0", the way a count reads. */
public final class Numbers {
  private Numbers() {}

  public static String format(Double d) {
    if (d == null) {
      return "null";
    }
    return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString(d.longValue())
        : Double.toString(d);
  }
}
