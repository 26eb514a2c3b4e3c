package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a JPQL or HQL query ({@code @Query("...")}, {@code createQuery("...")}) does with one
 * entity: {@code SELECT o FROM Order o WHERE o.email = :e} reads the entity's table and the
 * column {@code email} maps to. JPQL names entities and their fields, not tables and columns,
 * so migsafe's SQL reader cannot resolve it; this reads only what is needed for that: the
 * entity's identification variables ({@code FROM Order o}, {@code UPDATE Order o},
 * {@code JOIN Order o ON ...}) and the paths that start with them ({@code o.email}), or the
 * entity's bare fields when it has no variable ({@code from Order where email = ?1}, as
 * Hibernate allows). A variable bound to a relation ({@code JOIN o.items i}) is not followed.
 */
final class JpqlQuery {
  /** One use: a column (null for the entity's table) and whether it is written. */
  record Use(String columnName, Access access) {}

  private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "as", "join",
      "left", "right", "inner", "outer", "fetch", "on", "and", "or", "not", "order", "by",
      "group", "having", "set", "update", "delete", "insert", "into", "in", "like", "is", "null",
      "between", "distinct", "member", "of", "empty", "new", "exists", "all", "any", "some",
      "case", "when", "then", "else", "end", "asc", "desc", "limit", "offset", "with", "true",
      "false", "escape", "union", "cross", "values");
  private static final Set<String> BEFORE_ENTITY = Set.of("from", "update", "join", "into",
      ",");

  private JpqlQuery() {}

  /** Whether a string starts like a JPQL statement. */
  static boolean looksLikeJpql(String text) {
    String t = text.stripLeading().toLowerCase(Locale.ROOT);
    return t.startsWith("select") || t.startsWith("from") || t.startsWith("update")
        || t.startsWith("delete");
  }

  /** The uses of the model in the query, none when it does not name the entity. */
  static List<Use> uses(String query, OrmModel model) {
    List<String> tokens = tokens(query);
    Set<String> variables = new HashSet<>();
    boolean root = false;
    boolean bare = false;
    boolean writes = !tokens.isEmpty()
        && Set.of("update", "delete").contains(tokens.get(0).toLowerCase(Locale.ROOT));
    for (int i = 1; i < tokens.size(); i++) {
      if (!tokens.get(i).equals(model.name())
          || !BEFORE_ENTITY.contains(tokens.get(i - 1).toLowerCase(Locale.ROOT))) {
        continue;
      }
      root = true;
      int v = i + 1;
      if (v < tokens.size() && tokens.get(v).equalsIgnoreCase("as")) {
        v++;
      }
      if (v < tokens.size() && isName(tokens.get(v))) {
        variables.add(tokens.get(v));
      } else {
        bare = true;
      }
    }
    List<Use> out = new ArrayList<>();
    if (!root) {
      return out;
    }
    out.add(new Use(null, writes ? Access.WRITE : Access.READ));
    boolean inSet = false;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      String lower = t.toLowerCase(Locale.ROOT);
      if (lower.equals("set")) {
        inSet = writes;
      } else if (lower.equals("where")) {
        inSet = false;
      }
      String fieldName = null;
      int dot = t.indexOf('.');
      if (dot > 0 && variables.contains(t.substring(0, dot))) {
        String rest = t.substring(dot + 1);
        fieldName = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
      } else if (bare && dot < 0 && isName(t) && (i + 1 >= tokens.size()
          || !tokens.get(i + 1).equals("("))) {
        fieldName = t;
      }
      OrmModel.Field f = fieldName == null ? null : model.field(fieldName);
      if (f != null) {
        boolean assigned = inSet && i + 1 < tokens.size() && tokens.get(i + 1).equals("=");
        out.add(new Use(f.columnName(), assigned ? Access.WRITE : Access.READ));
      }
    }
    return out;
  }

  private static boolean isName(String token) {
    return Character.isJavaIdentifierStart(token.charAt(0)) && !token.contains(".")
        && !KEYWORDS.contains(token.toLowerCase(Locale.ROOT));
  }

  /**
   * Names and paths ({@code o.email}), each other character a token; string literals and
   * parameters ({@code :name}, {@code ?1}) are left out, so a word inside them is not a name.
   */
  static List<String> tokens(String query) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        int end = query.indexOf('\'', i + 1);
        i = end < 0 ? query.length() : end + 1;
      } else if (c == ':' || c == '?') {
        i++;
        while (i < query.length() && Character.isJavaIdentifierPart(query.charAt(i))) {
          i++;
        }
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < query.length() && (Character.isJavaIdentifierPart(query.charAt(i))
            || query.charAt(i) == '.')) {
          i++;
        }
        out.add(query.substring(start, i));
      } else {
        out.add(String.valueOf(c));
        i++;
      }
    }
    return out;
  }
}
