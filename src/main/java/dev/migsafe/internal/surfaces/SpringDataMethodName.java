package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entity properties a Spring Data derived query method names ({@code findByEmail},
 * {@code existsByEmailAndStatus}, {@code findByLastNameStartingWithOrderByFirstNameAsc}), read
 * as Spring Data's {@code PartTree} reads the method's name: a subject up to {@code By}, then
 * parts joined by {@code Or} and {@code And}, each a property and an operator
 * ({@code StartingWith}, {@code IgnoreCase}, ...), then an {@code OrderBy} clause. A nested
 * property ({@code findByOwnerLastName}) is returned whole and matches no field.
 */
final class SpringDataMethodName {
  private static final Pattern PREFIX = Pattern.compile(
      "^(find|read|get|query|search|stream|count|exists|delete|remove)(\\p{Lu}.*?)??By");
  private static final Pattern OR = Pattern.compile("Or(?=\\p{Lu})");
  private static final Pattern AND = Pattern.compile("And(?=\\p{Lu})");
  private static final Pattern ORDER = Pattern.compile("(Asc|Desc)(?=\\p{Lu}|$)");
  /** Longest first, so {@code IsNotNull} is taken before {@code NotNull} and {@code Null}. */
  private static final List<String> OPERATORS = List.of("IsNotContaining", "IsGreaterThanEqual",
      "IsLessThanEqual", "GreaterThanEqual", "IsStartingWith", "LessThanEqual", "IsNotEmpty",
      "IsEndingWith", "IsContaining", "IsGreaterThan", "NotContaining", "MatchesRegex",
      "IsLessThan", "StartingWith", "GreaterThan", "IsNotLike", "IsNotNull", "EndingWith",
      "Containing", "StartsWith", "IsBetween", "IsWithin", "NotContains", "IsBefore", "IsAfter",
      "IsNotIn", "IsEmpty", "LessThan", "NotEmpty", "NotNull", "EndsWith", "Contains",
      "Between", "Matches", "IsFalse", "IsLike", "IsNull", "IsNear", "Within", "Before",
      "NotLike", "Equals", "Exists", "IsTrue", "Regex", "After", "IsNot", "False", "NotIn",
      "Empty", "IsIn", "Like", "Null", "Near", "True", "Not", "Is", "In");

  private SpringDataMethodName() {}

  /** The properties, in order, or none when the name is not a derived query. */
  static List<String> properties(String methodName) {
    Matcher m = PREFIX.matcher(methodName);
    List<String> out = new ArrayList<>();
    if (!m.find()) {
      return out;
    }
    String predicate = methodName.substring(m.end());
    String order = "";
    int orderBy = predicate.indexOf("OrderBy");
    if (orderBy >= 0) {
      order = predicate.substring(orderBy + "OrderBy".length());
      predicate = predicate.substring(0, orderBy);
    }
    if (predicate.endsWith("AllIgnoreCase")) {
      predicate = predicate.substring(0, predicate.length() - "AllIgnoreCase".length());
    } else if (predicate.endsWith("AllIgnoringCase")) {
      predicate = predicate.substring(0, predicate.length() - "AllIgnoringCase".length());
    }
    for (String or : OR.split(predicate)) {
      for (String part : AND.split(or)) {
        add(out, withoutOperator(part));
      }
    }
    for (String part : ORDER.split(order)) {
      add(out, part);
    }
    return out;
  }

  private static String withoutOperator(String part) {
    String p = part;
    for (String suffix : List.of("IgnoreCase", "IgnoringCase")) {
      if (p.endsWith(suffix)) {
        p = p.substring(0, p.length() - suffix.length());
      }
    }
    for (String op : OPERATORS) {
      if (p.endsWith(op) && p.length() > op.length()) {
        return p.substring(0, p.length() - op.length());
      }
    }
    return p;
  }

  private static void add(List<String> out, String property) {
    if (!property.isEmpty()) {
      out.add(Character.toLowerCase(property.charAt(0)) + property.substring(1));
    }
  }
}
