package dev.migsafe.internal.pg;

import dev.migsafe.internal.catalog.SqlQuoting;
import java.util.regex.Pattern;

/** Identifiers in SQL that migsafe writes and in the names it prints. */
final class Identifiers {
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

  private Identifiers() {}

  /** Always quoted: whatever the text, it is one identifier. */
  static String quote(String name) {
    return SqlQuoting.identifier(name, "postgresql");
  }

  /**
   * As a person would type it: plain lower-case names bare, anything else quoted, so {@code
   * Order Items} reads {@code "Order Items"}, as in {@code quote_ident}.
   */
  static String display(String name) {
    return PLAIN.matcher(name).matches() ? name : quote(name);
  }
}
