package dev.migsafe.internal.mcp;

import java.util.Map;

/**
 * A tool call's arguments, read by type. The SDK has already checked them against the tool's
 * input schema; these checks are for what a schema cannot say and for clients that skip it.
 */
final class Arguments {
  private final Map<String, Object> values;

  Arguments(Map<String, Object> values) {
    this.values = values == null ? Map.of() : values;
  }

  String required(String name) {
    String s = optional(name);
    if (s == null || s.isBlank()) {
      throw new ToolFailure(name + " is required");
    }
    return s;
  }

  /** The string argument, or null when it is absent. */
  String optional(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new ToolFailure(name + " must be a string");
    }
    return s;
  }

  /** The string-list argument, or an empty list when it is absent. */
  java.util.List<String> strings(String name) {
    Object v = values.get(name);
    if (v == null) {
      return java.util.List.of();
    }
    if (!(v instanceof java.util.List<?> list)
        || !list.stream().allMatch(String.class::isInstance)) {
      throw new ToolFailure(name + " must be a list of strings");
    }
    return list.stream().map(String.class::cast).toList();
  }

  /** The integer argument between {@code min} and {@code max}, or {@code fallback}. */
  long integer(String name, long min, long max, long fallback) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new ToolFailure(name + " must be a whole number");
    }
    long x = n.longValue();
    if (x < min || x > max) {
      throw new ToolFailure(name + " must be between " + min + " and " + max + ", not " + x);
    }
    return x;
  }
}
