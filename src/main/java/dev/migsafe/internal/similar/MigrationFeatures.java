package dev.migsafe.internal.similar;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a migration does, as comparable words: each set holds exact terms, so that two
 * migrations share a feature exactly when they share a term.
 *
 * @param changes change kinds, the catalog's vocabulary (add-column, set-not-null, ...)
 * @param statements statement kinds from the analysis, finer than changes (add-constraint, ...)
 * @param locks lock modes taken on existing tables: PostgreSQL's names, or MySQL's algorithm
 *     ({@code INSTANT}, {@code INPLACE}, {@code COPY})
 * @param strongestLock the strongest of them, or null
 * @param facts {@code rewrites-table}, {@code scans-table}, {@code fails-on-non-empty-table}
 * @param tables lower-case table names without schema
 * @param sizeClass {@link SizeClass} of the largest table, or null when unknown
 * @param dialect {@code postgresql} or {@code mysql}, or null when unknown
 * @param engine dialect and major version, e.g. {@code postgresql-14}, or null
 */
public record MigrationFeatures(
    Set<String> changes,
    Set<String> statements,
    Set<String> locks,
    String strongestLock,
    Set<String> facts,
    Set<String> tables,
    String sizeClass,
    String dialect,
    String engine) {

  public static final String REWRITES = "rewrites-table";
  public static final String SCANS = "scans-table";
  public static final String FAILS_ON_ROWS = "fails-on-non-empty-table";

  public MigrationFeatures {
    changes = sorted(changes);
    statements = sorted(statements);
    locks = sorted(locks);
    facts = sorted(facts);
    tables = sorted(tables);
  }

  public static MigrationFeatures none() {
    return new MigrationFeatures(Set.of(), Set.of(), Set.of(), null, Set.of(), Set.of(), null,
        null, null);
  }

  /** Both together: sets united, single values taken from {@code other} where this has none. */
  public MigrationFeatures plus(MigrationFeatures other) {
    return new MigrationFeatures(union(changes, other.changes),
        union(statements, other.statements), union(locks, other.locks),
        strongest(strongestLock, other.strongestLock), union(facts, other.facts),
        union(tables, other.tables), SizeClass.larger(sizeClass, other.sizeClass),
        dialect != null ? dialect : other.dialect, engine != null ? engine : other.engine);
  }

  public MigrationFeatures withTables(Set<String> more) {
    return plus(new MigrationFeatures(Set.of(), Set.of(), Set.of(), null, Set.of(), more, null,
        null, null));
  }

  public boolean isEmpty() {
    return changes.isEmpty() && statements.isEmpty() && locks.isEmpty() && facts.isEmpty()
        && tables.isEmpty() && sizeClass == null && dialect == null;
  }

  private static String strongest(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return LockRank.of(a) >= LockRank.of(b) ? a : b;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  private static Set<String> sorted(Set<String> s) {
    return s == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(s));
  }
}
