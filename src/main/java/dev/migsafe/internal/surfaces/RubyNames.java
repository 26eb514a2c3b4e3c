package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/** The names Ruby code spells as literals: {@code "email"}, {@code :email}, {@code %w[a b]}. */
final class RubyNames {
  private RubyNames() {}

  /**
   * The name a string without interpolation, a symbol, a hash key ({@code email:}) or a bare
   * word of {@code %w[]} spells, or null for any other node.
   */
  static String literal(SyntaxSource src, TSNode node) {
    String t = src.text(node);
    switch (node.getType()) {
      case "string":
        for (TSNode c : SyntaxSource.namedChildren(node)) {
          if (!c.getType().equals("string_content")) {
            return null;
          }
        }
        return t.length() >= 2 ? t.substring(1, t.length() - 1) : null;
      case "simple_symbol":
        return t.substring(1);
      case "hash_key_symbol":
      case "bare_string":
      case "bare_symbol":
        return t;
      case "delimited_symbol":
        return t.length() >= 3 ? t.substring(2, t.length() - 1) : null;
      default:
        return null;
    }
  }

  /** The names an array literal ({@code ["a", :b]}, {@code %w[a b]}) holds. */
  static List<String> array(SyntaxSource src, TSNode node) {
    List<String> out = new ArrayList<>();
    if (node.getType().equals("array") || node.getType().equals("string_array")
        || node.getType().equals("symbol_array")) {
      for (TSNode c : SyntaxSource.namedChildren(node)) {
        String n = literal(src, c);
        if (n != null) {
          out.add(n);
        }
      }
    }
    return out;
  }
}
