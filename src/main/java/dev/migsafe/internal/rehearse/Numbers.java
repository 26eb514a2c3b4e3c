package dev.migsafe.internal.rehearse;

/** Whole numbers without a trailing ".0", the way a count reads. */
final class Numbers {
  private Numbers() {}

  static String format(Double d) {
    if (d == null) {
      return "null";
    }
    return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString(d.longValue())
        : Double.toString(d);
  }
}
