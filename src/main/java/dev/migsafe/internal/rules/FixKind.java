package dev.migsafe.internal.rules;

import dev.migsafe.api.Fix;
import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.SourceSpan;
import dev.migsafe.internal.sql.StatementEdits;
import dev.migsafe.internal.sql.Token;
import java.util.List;
import java.util.Locale;

/**
 * The exact rewrites a rule can offer, named by the rule's {@code @fix} metadata. Each edits the
 * user's statement at the token level and gives up (null) wherever the rewrite would not be
 * exactly right: a constraint without a name to validate later, a DROP INDEX of several indexes
 * (CONCURRENTLY takes one), a PostgreSQL version without the form. {@code FixesTest} lints every
 * rule case with its fixes applied and checks that the rule no longer fires there.
 */
public enum FixKind {
  /** CREATE INDEX, DROP INDEX, REINDEX, REFRESH MATERIALIZED VIEW, DETACH PARTITION. */
  CONCURRENTLY {
    @Override
    Fix apply(Site site) {
      StatementEdits s = site.edits();
      String sql = switch (s.firstWord()) {
        case "CREATE" -> s.insertAfter("INDEX", 3, "CONCURRENTLY");
        case "DROP" -> site.op().getKind().equals("drop-index") && !s.hasTopLevel(',')
            && !s.hasWord("CASCADE") ? s.insertAfter("INDEX", 2, "CONCURRENTLY") : null;
        case "REFRESH" -> s.insertAfter("VIEW", 3, "CONCURRENTLY");
        case "REINDEX" -> site.engineVersion() < 12 || s.hasWord("SYSTEM") ? null
            : s.insertAfterAny(List.of("INDEX", "TABLE", "SCHEMA", "DATABASE"), "CONCURRENTLY");
        case "ALTER" -> site.engineVersion() < 14 || s.hasWord("FINALIZE") ? null
            : s.insertAt(s.text().length(), "CONCURRENTLY");
        default -> null;
      };
      String title = switch (s.firstWord()) {
        case "REFRESH" -> "Refresh concurrently (the view needs a unique index on plain columns)";
        case "ALTER" -> "Detach concurrently, in a migration that runs outside a transaction "
            + "(PostgreSQL then adds a CHECK constraint copying the partition bound to the "
            + "detached table)";
        default -> "Use CONCURRENTLY, in a migration that runs outside a transaction";
      };
      return sql == null ? null : new Fix(title, sql + ";");
    }
  },

  /** ADD CONSTRAINT name FOREIGN KEY / CHECK ... NOT VALID, then VALIDATE CONSTRAINT. */
  NOT_VALID {
    @Override
    Fix apply(Site site) {
      Operation op = site.op();
      if (!site.inAlterTable() || !op.getKind().equals("add-constraint")
          || op.isTablePartitioned()) {
        return null;
      }
      SourceSpan clause = op.getClause();
      String table = site.edits().alterTableName();
      String name = constraintName(site.edits(), clause);
      if (name == null) {
        return null;
      }
      return new Fix("Add it NOT VALID, then validate it"
              + (site.inTransaction() ? " in a later migration, in its own transaction" : ""),
          site.edits().insertAt(clause.end(), "NOT VALID") + ";\n"
              + later(site) + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name + ";");
    }
  },

  /** SET lock_timeout before the first statement that waits for a write-blocking lock. */
  LOCK_TIMEOUT {
    @Override
    Fix apply(Site site) {
      return new Fix("Set a short lock_timeout first, and retry the migration when it times out",
          "SET lock_timeout = '2s';\n" + site.edits().text() + ";");
    }
  },

  /** SET statement_timeout before the first statement that blocks writes while it works. */
  STATEMENT_TIMEOUT {
    @Override
    Fix apply(Site site) {
      return new Fix("Bound how long writes stay blocked (choose a value that fits the expected "
          + "duration)", "SET statement_timeout = '5min';\n" + site.edits().text() + ";");
    }
  },

  /** SET NOT NULL after a validated CHECK (col IS NOT NULL), which skips the scan on 12+. */
  NOT_NULL_BY_CHECK {
    @Override
    Fix apply(Site site) {
      if (site.engineVersion() < 12 || !site.onlyAction()) {
        return null;
      }
      Operation op = site.op();
      SourceSpan clause = op.getClause();
      String table = site.edits().alterTableName();
      List<Token> action = site.edits().tokensBetween(clause.start(), clause.end());
      int at = action.size() > 1 && action.get(1).is("COLUMN") ? 2 : 1;
      String column = action.get(at).text();
      String check = StatementEdits.notNullCheckName(op.getColumn());
      String alter = "ALTER TABLE " + table + " ";
      return new Fix("Prove it with a CHECK constraint validated without blocking writes first",
          alter + "ADD CONSTRAINT " + check + " CHECK (" + column + " IS NOT NULL) NOT VALID;\n"
              + later(site) + alter + "VALIDATE CONSTRAINT " + check + ";\n"
              + site.edits().text() + ";\n"
              + alter + "DROP CONSTRAINT " + check + ";");
    }
  },

  /** CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX. */
  UNIQUE_USING_INDEX {
    @Override
    Fix apply(Site site) {
      Operation op = site.op();
      if (!site.onlyAction() || !op.getKind().equals("add-constraint")
          || !"unique".equals(op.getConstraintType())) {
        return null;
      }
      SourceSpan clause = op.getClause();
      String table = site.edits().alterTableName();
      // Exactly CONSTRAINT name UNIQUE (columns): options (INCLUDE, NULLS NOT DISTINCT, WITH,
      // DEFERRABLE) would have to move to the index or are not allowed with USING INDEX.
      List<Token> t = withoutAdd(site.edits().tokensBetween(clause.start(), clause.end()));
      if (t.size() < 6 || !t.get(0).is("CONSTRAINT") || !t.get(2).is("UNIQUE")
          || !t.get(3).isPunct('(') || !t.get(t.size() - 1).isPunct(')')
          || site.edits().text(t.subList(3, t.size())).indexOf('(', 1) >= 0) {
        return null;
      }
      String name = t.get(1).text();
      String columns = site.edits().text(t.subList(3, t.size()));
      return new Fix("Build the unique index concurrently, then attach it as the constraint",
          (site.inTransaction() ? "-- in a migration of its own, outside a transaction:\n" : "")
              + "CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + table + " " + columns
              + ";\n" + "ALTER TABLE " + table + " ADD CONSTRAINT " + name
              + " UNIQUE USING INDEX " + name + ";");
    }
  };

  /** What a rewrite works from: the statement, its operation (null for statement findings). */
  record Site(StatementEdits edits, Operation op, int engineVersion, boolean inTransaction) {
    /** Whether the finding is about one action of an ALTER TABLE whose table name is known. */
    boolean inAlterTable() {
      return op != null && op.getClause() != null && edits.alterTableName() != null;
    }

    /** Whether that action is the statement's only one. */
    boolean onlyAction() {
      return inAlterTable() && edits.onlyAction(op.getClause());
    }
  }

  abstract Fix apply(Site site);

  /**
   * The kind a rule's {@code @fix} metadata names, e.g. {@code not-valid}; null for none.
   * RuleCatalogueTest checks that every rule names a known one.
   */
  static FixKind of(Object metadata) {
    return metadata == null ? null : valueOf(constant(metadata.toString()));
  }

  /** Whether {@code name} (e.g. {@code not-valid}) names a rewrite. */
  public static boolean isKnown(String name) {
    return names().contains(name);
  }

  /** The names rules use in {@code @fix}. */
  public static List<String> names() {
    return java.util.Arrays.stream(values())
        .map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
  }

  private static String constant(String name) {
    return name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The name of {@code CONSTRAINT name ...} at the start of a clause, as written. */
  private static String constraintName(StatementEdits edits, SourceSpan clause) {
    List<Token> t = withoutAdd(edits.tokensBetween(clause.start(), clause.end()));
    if (t.size() < 2 || !t.get(0).is("CONSTRAINT") || !t.get(1).isIdentifier()) {
      return null;
    }
    return t.get(1).text();
  }

  /** An ALTER TABLE action's tokens after its ADD. */
  private static List<Token> withoutAdd(List<Token> action) {
    return !action.isEmpty() && action.get(0).is("ADD") ? action.subList(1, action.size())
        : action;
  }

  /** In a transaction, the part that must not run under the first part's lock says so. */
  private static String later(Site site) {
    return site.inTransaction() ? "-- in a later migration, in its own transaction:\n" : "";
  }
}
