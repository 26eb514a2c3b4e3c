package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;
import dev.migsafe.api.CheckKind;
import dev.migsafe.api.Plan.Validation;
import dev.migsafe.api.ValidationTemplate;
import dev.migsafe.internal.catalog.TemplatePlaceholders;
import dev.migsafe.internal.catalog.TemplateValidations;
import java.util.ArrayList;
import java.util.List;

/**
 * A validation before the plan places it: the query, what it proves and about which change,
 * and the types its template needs. {@link ValidationPlacement} decides whether, and at which
 * phase, it is emitted.
 *
 * @param checks what it proves, or null when that is not one of the known kinds (invariants)
 * @param change the change it checks, or null for an invariant
 * @param typeNeeds the type rules of its template, bound to the change's columns
 */
record ValidationCandidate(Validation validation, CheckKind checks, Change change,
    List<TypeNeed> typeNeeds) {

  /**
   * A type a template needs: the column {@code table.column} at the moment the validation
   * runs, or, with {@code column} null, the change's target type {@code type}.
   */
  record TypeNeed(String placeholder, String table, String column, String type,
      ValidationTemplate.TypeRule rule) {}

  ValidationCandidate {
    typeNeeds = List.copyOf(typeNeeds);
  }

  static ValidationCandidate of(Validation v, CheckKind checks, Change change) {
    return new ValidationCandidate(v, checks, change, List.of());
  }

  static ValidationCandidate of(TemplateValidations.Filled f) {
    List<TypeNeed> needs = new ArrayList<>();
    for (ValidationTemplate.TypeRule rule : f.template().columnTypes()) {
      String table = TemplatePlaceholders.tableOf(rule.placeholder());
      needs.add(table == null
          ? new TypeNeed(rule.placeholder(), null, null, f.values().get(rule.placeholder()), rule)
          : new TypeNeed(rule.placeholder(), f.values().get(table),
              f.values().get(rule.placeholder()), null, rule));
    }
    return new ValidationCandidate(f.validation(), f.template().checks(), f.change(), needs);
  }

  ValidationCandidate with(Validation v) {
    return new ValidationCandidate(v, checks, change, typeNeeds);
  }

  String id() {
    return validation.id();
  }

  String phase() {
    return validation.phase();
  }

  /**
   * The packet's own invariant is the most specific (its owner wrote it for this migration),
   * then the check generated for the change, then a catalog template, which is generic.
   */
  int rank() {
    return switch (validation.source()) {
      case "invariant" -> 3;
      case "change" -> 2;
      default -> 1;
    };
  }

  /**
   * The table and the object a check is about, e.g. {@code orders currency} for the NULLs of
   * a column or {@code orders orders_buyer_fkey} for a constraint; null without a kind. Two
   * checks of the same kind with the same subject prove the same thing.
   */
  String subject() {
    if (checks == null || change == null) {
      return null;
    }
    Change c = change;
    String columns = c.column() != null ? c.column()
        : c.columns() == null ? "" : String.join(",", c.columns());
    String about = switch (checks) {
      case COLUMN_EXISTS -> c.kind().equals("rename-column") ? c.to() : c.column();
      case COLUMN_GONE, COPY_PARITY, COLUMN_TYPE, COLUMN_NOT_NULL -> c.column();
      case TABLE_EXISTS -> c.kind().equals("rename-table") ? c.to() : c.table();
      case TABLE_GONE -> c.table();
      case INDEX_EXISTS, INDEX_VALID, CONSTRAINT_EXISTS, CONSTRAINT_VALIDATED -> c.name();
      case NO_VIOLATIONS -> c.name() != null ? c.name() : columns;
      default -> columns;
    };
    return c.table() + " " + about;
  }
}
