package dev.migsafe.internal.plan;

import static dev.migsafe.internal.plan.DerivedSteps.draft;
import static dev.migsafe.internal.plan.DerivedSteps.q;

import dev.migsafe.api.Change;
import dev.migsafe.internal.plan.Recipe.RecipeStep;
import dev.migsafe.internal.schema.Column;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL that removes an enum label. PostgreSQL cannot drop a label (deleting it from pg_enum
 * corrupts indexes that still hold it), so the type is replaced: a new type with the target's
 * labels, every column of the old type moved onto it, the old type dropped and the new one
 * given the old name. The schemas decide all of it: the labels from the target, the columns and
 * their defaults from the current schema. The change names the type as {@code table} and the
 * label as {@code expression}.
 *
 * <ul>
 *   <li>{@code create-replacement-enum}: {@code CREATE TYPE <type>_new AS ENUM (...)};
 *   <li>{@code move-to-replacement-enum}: per column, its default dropped, its type changed
 *       {@code USING col::text::<type>_new} (a rewrite under ACCESS EXCLUSIVE, which the plan
 *       judges and times like any step), its default set again on the new type;
 *   <li>{@code rename-replacement-enum}: {@code ALTER TYPE <type>_new RENAME TO <type>}.
 * </ul>
 */
final class EnumReplacement {
  /** A label default as PostgreSQL writes it: {@code 'pending'::order_status}. */
  private static final Pattern LABEL_DEFAULT = Pattern.compile("^\\s*('(?:[^']|'')*')::.*$");

  private EnumReplacement() {}

  static List<StepExpander.Draft> expand(RecipeStep s, Change c, Recipe recipe, Schema current,
      Schema target) {
    String type = c.table();
    if (type == null || !current.isEnum(type) || target == null || !target.isEnum(type)) {
      return List.of();
    }
    String replacement = type + "_new";
    List<StepExpander.Draft> out = new ArrayList<>();
    switch (s.derive()) {
      case "create-replacement-enum" -> out.add(draft(s, c, recipe, s.title(),
          "CREATE TYPE " + q(replacement) + " AS ENUM (" + String.join(", ",
              target.enums().get(type).stream().map(SqlQuoting::literal).toList()) + ")",
          "DROP TYPE IF EXISTS " + q(replacement)));
      case "move-to-replacement-enum" -> {
        for (Map.Entry<String, Table> t : current.tables().entrySet()) {
          for (Column col : t.getValue().columns().values()) {
            if (type.equals(col.type())) {
              move(s, c, recipe, t.getKey(), col, type, replacement, out);
            }
          }
        }
      }
      case "rename-replacement-enum" -> out.add(draft(s, c, recipe, s.title(),
          "ALTER TYPE " + q(replacement) + " RENAME TO " + q(bare(type)), null));
      default -> throw new IllegalArgumentException("unknown derived step " + s.derive());
    }
    return out;
  }

  private static void move(RecipeStep s, Change c, Recipe recipe, String table, Column col,
      String type, String replacement, List<StepExpander.Draft> out) {
    String alter = "ALTER TABLE " + q(table) + " ALTER COLUMN " + q(col.name()) + " ";
    Matcher label = col.defaultExpr() == null ? null : LABEL_DEFAULT.matcher(col.defaultExpr());
    boolean keepsDefault = label != null && label.matches();
    if (col.defaultExpr() != null) {
      // A default names the old type; the type change cannot cast it.
      out.add(draft(s, c, recipe, "Drop the default of " + table + "." + col.name()
          + " for the type change (catalog-only)", alter + "DROP DEFAULT",
          alter + "SET DEFAULT " + col.defaultExpr()));
    }
    out.add(draft(s, c, recipe, "Move " + table + "." + col.name() + " onto " + replacement
        + " (rewrites " + table + " under ACCESS EXCLUSIVE: for a large or busy table, use "
        + "the change-type-new-column recipe instead)",
        alter + "TYPE " + q(replacement) + " USING " + q(col.name()) + "::text::"
            + q(replacement),
        alter + "TYPE " + q(type) + " USING " + q(col.name()) + "::text::" + q(type)));
    if (keepsDefault) {
      out.add(draft(s, c, recipe, "Give " + table + "." + col.name() + " its default again, "
          + "on " + replacement + " (catalog-only)", alter + "SET DEFAULT " + label.group(1)
          + "::" + q(replacement), alter + "DROP DEFAULT"));
    }
  }

  private static String bare(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
