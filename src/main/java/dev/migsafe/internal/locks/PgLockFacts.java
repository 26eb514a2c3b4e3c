package dev.migsafe.internal.locks;

import static dev.migsafe.api.LockMode.ACCESS_EXCLUSIVE;
import static dev.migsafe.api.LockMode.EXCLUSIVE;
import static dev.migsafe.api.LockMode.ROW_EXCLUSIVE;
import static dev.migsafe.api.LockMode.ROW_SHARE;
import static dev.migsafe.api.LockMode.SHARE;
import static dev.migsafe.api.LockMode.SHARE_ROW_EXCLUSIVE;
import static dev.migsafe.api.LockMode.SHARE_UPDATE_EXCLUSIVE;

import dev.migsafe.api.LockMode;
import dev.migsafe.internal.model.LockFacts;
import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.SqlTypes;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * Fills an operation's lock mode, rewrite, scan and fails-on-non-empty facts for one PostgreSQL
 * major version. The operation must already carry what the schema knows (old column type,
 * validated NOT NULL checks).
 */
public final class PgLockFacts {

  /**
   * Storage parameters that ALTER TABLE SET/RESET changes under SHARE UPDATE EXCLUSIVE
   * ({@code reloptions.c}: each option declares its lock mode); any other takes ACCESS
   * EXCLUSIVE.
   */
  private static final Set<String> SUE_RELOPTIONS =
      Set.of(
          "fillfactor", "autovacuum_enabled", "autovacuum_vacuum_threshold",
          "autovacuum_vacuum_scale_factor", "autovacuum_vacuum_insert_threshold",
          "autovacuum_vacuum_insert_scale_factor", "autovacuum_analyze_threshold",
          "autovacuum_analyze_scale_factor", "autovacuum_vacuum_cost_delay",
          "autovacuum_vacuum_cost_limit", "autovacuum_freeze_min_age",
          "autovacuum_freeze_max_age", "autovacuum_freeze_table_age",
          "autovacuum_multixact_freeze_min_age", "autovacuum_multixact_freeze_max_age",
          "autovacuum_multixact_freeze_table_age", "log_autovacuum_min_duration",
          "toast_tuple_target", "parallel_workers", "vacuum_index_cleanup", "vacuum_truncate",
          "toast.autovacuum_enabled", "toast.autovacuum_vacuum_threshold",
          "toast.autovacuum_vacuum_scale_factor", "toast.vacuum_truncate",
          "toast.vacuum_index_cleanup", "toast.autovacuum_vacuum_cost_delay",
          "toast.autovacuum_vacuum_cost_limit", "toast.log_autovacuum_min_duration");

  private final int version;

  public PgLockFacts(int version) {
    this.version = version;
  }

  public int version() {
    return version;
  }

  /**
   * Sets the facts on {@code op}.
   *
   * @param sessionTimeZoneUtc whether the session time zone is UTC at this statement
   */
  public void apply(Operation op, boolean sessionTimeZoneUtc) {
    op.setLockFacts(of(op, sessionTimeZoneUtc));
  }

  /**
   * The facts of {@code op} on this version.
   *
   * @param sessionTimeZoneUtc whether the session time zone is UTC at this statement
   */
  public LockFacts of(Operation op, boolean sessionTimeZoneUtc) {
    LockMode lock = null;
    LockMode refLock = null;
    boolean rewrite = false;
    boolean scan = false;
    boolean failsNonEmpty = false;
    switch (op.getKind()) {
      case "add-column" -> {
        lock = ACCESS_EXCLUSIVE;
        rewrite = addColumnRewrites(op);
        boolean buildsIndex = op.isInlinePrimaryKey() || op.isInlineUnique();
        // A NOT NULL or CHECK on the new column is verified row by row in ALTER TABLE's
        // phase 3, unless the column's value is a constant default known to satisfy it.
        // DEFAULT NULL fills existing rows with NULL, exactly as no default does.
        boolean fills = op.isHasDefault() && !isNullLiteral(op.getDefaultExpr());
        boolean verifies = op.isInlineCheck()
            || (op.isNotNull() && !fills && !op.isGeneratedStored());
        // A new column is NULL in every row unless it has a default, so an inline REFERENCES
        // has nothing to validate without one (observed on 10 to 17).
        boolean validatesReference = op.isInlineReferences() && fills;
        scan = rewrite || buildsIndex || verifies || validatesReference;
        failsNonEmpty = op.isNotNull() && !fills && !op.isIdentity()
            && !op.isSerial() && !op.isGeneratedStored();
        if (op.isInlineReferences()) {
          refLock = SHARE_ROW_EXCLUSIVE;
        }
      }
      case "alter-column-type" -> {
        lock = ACCESS_EXCLUSIVE;
        rewrite = op.getOldDataType() == null
            || SqlTypes.typeChangeRewrites(op.getOldDataType(), op.getDataType(), version,
                sessionTimeZoneUtc)
            || usingIsNotTrivial(op);
        // FileAnalyzer passes a validated CHECK that reads the column: it is re-added and
        // re-checked against every row (lock oracle, 10 to 17).
        scan = rewrite || op.getCheckExpr() != null;
      }
      case "set-not-null" -> {
        lock = ACCESS_EXCLUSIVE;
        // PostgreSQL 12 skips the full-table check when a validated CHECK (col IS NOT NULL)
        // proves it (release notes 12, "ALTER TABLE ... SET NOT NULL").
        scan = !(version >= 12 && op.isValidatedNotNullCheck());
      }
      case "add-constraint" -> {
        String type = op.getConstraintType() == null ? "" : op.getConstraintType();
        switch (type) {
          case "foreign-key" -> {
            lock = SHARE_ROW_EXCLUSIVE;
            refLock = SHARE_ROW_EXCLUSIVE;
            scan = !op.isNotValid();
          }
          case "check" -> {
            lock = ACCESS_EXCLUSIVE;
            scan = !op.isNotValid();
          }
          case "unique", "primary-key" -> {
            lock = ACCESS_EXCLUSIVE;
            // USING INDEX adopts a built index: no scan, unless a primary key must first make
            // its columns NOT NULL, which verifies every row.
            scan = !op.isUsingIndex() || ("primary-key".equals(type) && !op.isNotNull());
          }
          default -> {
            lock = ACCESS_EXCLUSIVE;
            scan = true;
          }
        }
      }
      case "validate-constraint" -> {
        lock = SHARE_UPDATE_EXCLUSIVE;
        scan = true;
        if (op.getRefTable() != null) {
          refLock = ROW_SHARE;
        }
      }
      case "drop-constraint" -> {
        lock = ACCESS_EXCLUSIVE;
        if (op.getRefTable() != null) {
          refLock = ACCESS_EXCLUSIVE;
        }
      }
      case "drop-column" -> {
        lock = ACCESS_EXCLUSIVE;
        if (op.getRefTable() != null) {
          refLock = ACCESS_EXCLUSIVE; // the foreign key it drops with the column
        }
      }
      case "rename-column", "rename-table", "rename-constraint", "set-schema",
          "drop-not-null", "set-default", "drop-default", "add-identity", "drop-identity",
          "set-identity", "drop-expression", "set-storage", "set-compression", "alter-constraint",
          "enable-rule", "disable-rule", "enable-rls", "disable-rls", "force-rls", "inherit",
          "no-inherit", "of-type", "not-of-type", "owner-to", "replica-identity",
          "set-without-oids", "drop-table", "drop-trigger", "create-policy", "drop-policy",
          "create-rule", "drop-rule", "alter-table-other" -> lock = ACCESS_EXCLUSIVE;
      case "set-statistics", "set-column-options", "cluster-on", "set-without-cluster",
          "comment", "vacuum", "analyze" -> lock = SHARE_UPDATE_EXCLUSIVE;
      case "enable-trigger", "disable-trigger", "create-trigger" -> lock = SHARE_ROW_EXCLUSIVE;
      case "set-storage-params", "reset-storage-params" -> lock = relOptionsLock(op.getValue());
      case "set-logged", "set-unlogged" -> {
        lock = ACCESS_EXCLUSIVE;
        rewrite = true;
        scan = true;
      }
      case "set-tablespace", "set-access-method" -> {
        lock = ACCESS_EXCLUSIVE;
        rewrite = true;
        scan = op.getKind().equals("set-access-method");
      }
      case "vacuum-full", "cluster" -> {
        lock = ACCESS_EXCLUSIVE;
        rewrite = true;
        scan = true;
      }
      case "truncate" -> {
        lock = ACCESS_EXCLUSIVE;
        rewrite = true;
      }
      case "attach-partition" -> {
        // PostgreSQL 12 lowered the parent's lock to SHARE UPDATE EXCLUSIVE. The partition's
        // rows are checked against the bound unless a validated CHECK constraint proves it.
        lock = version >= 12 ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE;
        refLock = ACCESS_EXCLUSIVE;
        // The analyser sets checkExpr to the partition's validated CHECK, if it has one;
        // migsafe trusts it to imply the bound (the rule's doc says to make it match).
        scan = op.getCheckExpr() == null;
      }
      case "detach-partition" -> {
        boolean conc = op.isConcurrently() && version >= 14;
        lock = conc ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE;
        // The partition: SHARE UPDATE EXCLUSIVE up to 13 (observed); 14 reworked DETACH for
        // its CONCURRENTLY form and takes ACCESS EXCLUSIVE, which the concurrent form's second
        // transaction also takes (manual, ALTER TABLE).
        refLock = version >= 14 ? ACCESS_EXCLUSIVE : SHARE_UPDATE_EXCLUSIVE;
      }
      case "detach-partition-finalize" -> {
        lock = SHARE_UPDATE_EXCLUSIVE;
        refLock = SHARE_UPDATE_EXCLUSIVE;
      }
      case "create-index" -> {
        lock = op.isConcurrently() ? SHARE_UPDATE_EXCLUSIVE : SHARE;
        scan = true;
      }
      case "drop-index" -> lock = op.isConcurrently() ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE;
      case "reindex" -> {
        boolean conc = op.isConcurrently() && version >= 12;
        lock = conc ? SHARE_UPDATE_EXCLUSIVE : SHARE;
        scan = true;
      }
      case "create-table" -> {
        if ("PARTITION".equals(op.getObjectType())) {
          refLock = ACCESS_EXCLUSIVE;
        }
      }
      case "lock-table" -> lock = parseMode(op.getValue());
      case "update", "delete", "insert", "merge" -> {
        lock = ROW_EXCLUSIVE;
        scan = !op.isHasWhere() && !op.getKind().equals("insert");
      }
      case "copy" -> lock = ROW_EXCLUSIVE;
      case "refresh-materialized-view" -> {
        lock = op.isConcurrently() ? EXCLUSIVE : ACCESS_EXCLUSIVE;
        // Without CONCURRENTLY the view's contents are swapped for a new heap.
        rewrite = !op.isConcurrently();
      }
      default -> {
        // statements that lock no table: sessions settings, enum changes, functions, grants
      }
    }
    return new LockFacts(op.getTable() == null ? null : lock,
        op.getRefTable() == null ? null : refLock, rewrite, scan, failsNonEmpty);
  }

  private boolean addColumnRewrites(Operation op) {
    if (op.isGeneratedStored() || op.isIdentity() || op.isSerial()) {
      return true;
    }
    if (!op.isHasDefault() || isNullLiteral(op.getDefaultExpr())) {
      return false;
    }
    // PostgreSQL 11 stores a non-volatile default in the catalog instead of rewriting
    // ("fast default", release notes 11).
    return version < 11 || op.isDefaultVolatile();
  }

  private static boolean isNullLiteral(String expr) {
    return expr != null && expr.trim().toUpperCase(Locale.ROOT).matches("NULL(\\s*::.*)?");
  }

  /**
   * A USING clause that only names the column, or casts it to the new type ({@code col::text},
   * {@code CAST(col AS text)}), keeps a binary-coercible change cheap: PostgreSQL strips the
   * cast to the column's new type and sees the bare column (tablecmds.c, ATColumnChangeRequiresRewrite).
   */
  private static boolean usingIsNotTrivial(Operation op) {
    if (op.getUsingExpr() == null) {
      return false;
    }
    String u = op.getUsingExpr().replaceAll("[\\s\"]", "").toLowerCase(Locale.ROOT);
    String column = op.getColumn().toLowerCase(Locale.ROOT);
    if (u.equals(column)) {
      return false;
    }
    String to = op.getDataType() == null ? null
        : SqlTypes.canonical(op.getDataType()).replaceAll("\\s", "");
    Matcher cast = TRIVIAL_CAST.matcher(u);
    if (to != null && cast.matches()) {
      String col = cast.group(1) != null ? cast.group(1) : cast.group(3);
      String type = cast.group(2) != null ? cast.group(2) : cast.group(4);
      return !(col.equals(column)
          && SqlTypes.canonical(type).replaceAll("\\s", "").equals(to));
    }
    return true;
  }

  /** {@code col::type} or {@code cast(col as type)}, spaces and quotes already removed. */
  private static final Pattern TRIVIAL_CAST = Pattern.compile(
      "(?:\\(?([a-z_][a-z0-9_$]*)\\)?::(.+))|(?:cast\\(([a-z_][a-z0-9_$]*)as(.+)\\))");

  private static LockMode relOptionsLock(String options) {
    if (options == null || options.isBlank()) {
      return ACCESS_EXCLUSIVE;
    }
    for (String part : options.split(",")) {
      String name = part.split("=")[0].trim().toLowerCase(Locale.ROOT);
      if (!SUE_RELOPTIONS.contains(name)) {
        return ACCESS_EXCLUSIVE;
      }
    }
    return SHARE_UPDATE_EXCLUSIVE;
  }

  private static LockMode parseMode(String mode) {
    try {
      return LockMode.parse(mode);
    } catch (IllegalArgumentException e) {
      return ACCESS_EXCLUSIVE;
    }
  }
}
