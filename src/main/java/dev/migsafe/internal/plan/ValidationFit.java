package dev.migsafe.internal.plan;

import dev.migsafe.api.TypeCategory;
import dev.migsafe.api.ValidationTemplate;
import dev.migsafe.internal.schema.Column;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.Table;
import dev.migsafe.internal.sql.QueryNames;
import dev.migsafe.internal.sql.SqlTypes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a validation can run, and mean something, at its phase: every table and column it
 * reads exists at each moment it runs, and its template's type rules hold there (a range check
 * on a text column fails with {@code operator does not exist: text > integer}). A name the
 * schema model knows at no moment at all (a view, a table of another schema) is not judged:
 * the model cannot tell, and a rehearsal will.
 */
final class ValidationFit {
  private ValidationFit() {}

  /** Why the validation does not fit, as the end of a sentence; empty when it fits. */
  static Optional<String> problem(ValidationCandidate c, PhaseSchemas schemas) {
    Optional<QueryNames> names = QueryNames.of(c.validation().sql());
    for (PhaseSchemas.Moment m : schemas.at(c.phase())) {
      boolean ours = !c.validation().source().equals("invariant");
      Optional<String> p = names.flatMap(n -> missingName(n, m, schemas, ours));
      if (p.isPresent()) {
        return p;
      }
      for (ValidationCandidate.TypeNeed need : c.typeNeeds()) {
        p = typeProblem(need, m);
        if (p.isPresent()) {
          return p;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> missingName(QueryNames n, PhaseSchemas.Moment m,
      PhaseSchemas schemas, boolean ours) {
    for (String t : n.tables()) {
      if (m.schema().table(t) == null && known(schemas, s -> s.table(t) != null)) {
        return Optional.of("it reads table " + t + ", which does not exist " + m.name());
      }
    }
    for (QueryNames.ColumnName col : n.columns()) {
      List<String> in = col.table() != null ? List.of(col.table())
          : !col.qualified() && n.onlyUserTables() ? List.copyOf(n.tables()) : List.of();
      if (in.isEmpty() || in.stream().anyMatch(t -> m.schema().table(t) == null)) {
        continue;
      }
      boolean here = in.stream().anyMatch(t -> m.schema().table(t).column(col.column()) != null);
      // A column some moment has is missing at this one. A column no moment has is missing
      // too when the model knows the table whole (it exists at every moment), or when the check
      // is migsafe's own (generated, or filled from a template): those name only what their
      // recipe creates, so such a column (the copy of a retype that runs in place) is one the
      // chosen recipe never makes. The packet's invariants keep the benefit of the doubt.
      boolean elsewhere = known(schemas, s -> in.stream().anyMatch(t -> s.table(t) != null
          && s.table(t).column(col.column()) != null));
      boolean tableKnownThroughout = in.stream().allMatch(t -> schemas.all().stream()
          .allMatch(s -> s.table(t) != null));
      if (!here && (elsewhere || tableKnownThroughout || ours)) {
        return Optional.of("it reads column " + String.join(" or ", in.stream()
            .map(t -> t + "." + col.column()).toList()) + ", which does not exist " + m.name());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> typeProblem(ValidationCandidate.TypeNeed need,
      PhaseSchemas.Moment m) {
    ValidationTemplate.TypeRule rule = need.rule();
    if (need.column() == null) {
      if (need.type() == null) {
        return Optional.of("its template needs {{" + need.placeholder() + "}} to be "
            + allowed(rule) + ", and the change has no such type");
      }
      return fits(rule, need.type(), m.schema()) ? Optional.empty()
          : Optional.of("its template needs the target type to be " + allowed(rule)
              + ", and it is " + need.type());
    }
    Table t = m.schema().table(need.table());
    Column col = t == null ? null : t.column(need.column());
    if (col == null) {
      return Optional.of("its template needs column " + need.table() + "." + need.column()
          + " ({{" + need.placeholder() + "}}), which does not exist " + m.name());
    }
    if (col.type() == null || !fits(rule, col.type(), m.schema())) {
      return Optional.of("its template needs {{" + need.placeholder() + "}} to be "
          + allowed(rule) + ", and " + need.table() + "." + need.column() + " is "
          + col.type() + " " + m.name());
    }
    return Optional.empty();
  }

  static boolean fits(ValidationTemplate.TypeRule rule, String type, Schema schema) {
    return rule.categories().contains(category(type, schema))
        || rule.types().contains(SqlTypes.baseName(type));
  }

  /** The category of a column type; the schema knows which names are enum types. */
  static TypeCategory category(String type, Schema schema) {
    String bare = type.strip();
    String folded = bare.toLowerCase(java.util.Locale.ROOT);
    if (schema.isEnum(bare) || schema.isEnum(folded)
        || folded.startsWith("public.") && schema.isEnum(folded.substring("public.".length()))) {
      return TypeCategory.ENUM;
    }
    return SqlTypes.category(bare);
  }

  private static String allowed(ValidationTemplate.TypeRule rule) {
    return String.join(" or ", Stream.concat(rule.categories().stream().map(TypeCategory::id),
        rule.types().stream()).sorted().toList());
  }

  private static boolean known(PhaseSchemas schemas, java.util.function.Predicate<Schema> p) {
    return schemas.all().stream().anyMatch(p);
  }
}
